import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { apiTokens, sessions, userScopeUnits, users } from '../../db/schema';
import type { App } from '../../lib/http';
import { Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

const NEW_PASSWORD = 'violet-lantern-across-the-river-7';

type Created = {
  user: { id: string; username: string; version: number; dataScope: string; scopeUnitIds: string[] };
  oneTimePassword: string;
};

/** Signs in with a one-time password and chooses a real one, as a new user must; answers the resulting session. */
async function activate(app: App, username: string, oneTimePassword: string): Promise<Client> {
  const first = await signInAs(app, username, oneTimePassword);
  const changed = await first.post('/api/v1/auth/change-password', { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  const cookie = changed.cookies.find((c) => c.name === 'lantu_session');
  return new Client(app, `lantu_session=${cookie?.value}`, changed.json().csrfToken, changed.json().id);
}

describeEachDatabase('users API', (t) => {
  let admin: Client;
  let office: Client;
  let unitStaff: Client;
  let leader: Client;
  let viewer: Client;
  let otherAdmin: Client;
  const ids: Record<string, string> = {};
  let govId: string;
  let beiyuanId: string;
  let lixiaUnitId: string;

  const create = async (by: Client, body: Record<string, unknown>): Promise<Created> => {
    const response = await by.post('/api/v1/users', { displayName: '测试用户', unitId: govId, roleCode: 'unit_staff', ...body });
    if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const versionOf = async (id: string) => (await admin.get(`/api/v1/users/${id}`)).json().version as number;

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    unitStaff = await signInAs(t().app, 'unit');
    leader = await signInAs(t().app, 'leader');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    for (const item of (await admin.get('/api/v1/users?pageSize=200')).json().items) ids[item.username] = item.id;
    govId = (await admin.get('/api/v1/units?q=天桥区人民政府')).json().items[0].id;
    beiyuanId = (await admin.get('/api/v1/units?q=北园街道')).json().items[0].id;
    lixiaUnitId = (await otherAdmin.get('/api/v1/units')).json().items[0].id;
    // The project office manages accounts in this suite, so that least privilege is tested on someone who is not the admin.
    const role = (await admin.get('/api/v1/roles/project_office')).json();
    const granted = await admin.patch('/api/v1/roles/project_office', {
      permissions: [...role.permissions, 'user.create', 'user.update', 'user.reset_password'],
      version: role.version,
    });
    if (granted.statusCode !== 200) throw new Error(`granting the project office failed: ${granted.body}`);
    office = await signInAs(t().app, 'office');
  });

  const endpoints = (id: string) =>
    [
      (c: Client) => c.get('/api/v1/users'),
      (c: Client) => c.get(`/api/v1/users/${id}`),
      (c: Client) => c.post('/api/v1/users', { username: 'nobody', displayName: '无', unitId: govId, roleCode: 'unit_staff' }),
      (c: Client) => c.patch(`/api/v1/users/${id}`, { displayName: '改名', version: 1 }),
      (c: Client) => c.post(`/api/v1/users/${id}/reset-password`),
    ] as const;

  it('answers 401 on every endpoint when signed out', async () => {
    for (const call of endpoints(ids.viewer ?? '')) {
      const response = await call(anonymous(t().app));
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('answers 403 on every endpoint to a user without the user permissions', async () => {
    for (const call of endpoints(ids.unit ?? '')) {
      const response = await call(unitStaff);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('forbidden');
    }
    // The supervisor may read accounts but not change them.
    expect(
      (await viewer.post('/api/v1/users', { username: 'viewer_made', displayName: '无', unitId: govId, roleCode: 'unit_staff' }))
        .statusCode,
    ).toBe(403);
    expect((await viewer.post(`/api/v1/users/${ids.unit}/reset-password`)).statusCode).toBe(403);
  });

  it('lists users by the actor’s scope: the district for the admin, oneself for a leader, nothing of other districts', async () => {
    const all = (await admin.get('/api/v1/users?pageSize=200')).json();
    expect(all.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'office', 'unit', 'leader', 'invest', 'viewer']),
    );
    expect(all.items.map((u: { username: string }) => u.username)).not.toContain(OTHER_REGION.adminUsername);
    expect(all.abilities).toEqual({ create: true });
    const own = (await leader.get('/api/v1/users')).json();
    expect(own.items.map((u: { username: string }) => u.username)).toEqual(['leader']);
    expect(own.total).toBe(1);
    const foreign = (await otherAdmin.get('/api/v1/users?pageSize=200')).json();
    expect(foreign.items.map((u: { username: string }) => u.username)).toEqual([OTHER_REGION.adminUsername]);
    const readOnly = (await viewer.get('/api/v1/users?q=unit')).json();
    expect(readOnly.abilities).toEqual({ create: false });
    expect(readOnly.items[0].abilities).toEqual({ update: false, resetPassword: false, resetTotp: false });
  });

  it('filters, searches and sorts, and never shows a password hash', async () => {
    const byRole = (await admin.get('/api/v1/users?roleCode=supervisor')).json();
    expect(byRole.items.map((u: { username: string }) => u.username)).toEqual(['viewer']);
    const byName = (await admin.get(`/api/v1/users?q=${encodeURIComponent('刘志强')}`)).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['leader']);
    const byUnit = (await admin.get(`/api/v1/users?unitId=${beiyuanId}&status=active`)).json();
    expect(byUnit.items.map((u: { username: string }) => u.username)).toContain('unit');
    expect(byUnit.items.every((u: { unitName: string }) => u.unitName === '北园街道办事处')).toBe(true);
    const sorted = (await admin.get('/api/v1/users?sort=-username&pageSize=200')).json().items.map((u: { username: string }) => u.username);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const wildcard = (await admin.get('/api/v1/users?q=%25')).json();
    expect(wildcard.total).toBe(0);
    const badSort = await admin.get('/api/v1/users?sort=passwordHash');
    expect(badSort.statusCode).toBe(400);
    expect(errorOf(badSort).details?.[0]?.path).toBe('query.sort');
    const raw = (await admin.get('/api/v1/users?pageSize=200')).body + (await admin.get(`/api/v1/users/${ids.admin}`)).body;
    expect(raw).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });

  it('answers 404 for a user outside the actor’s scope, on every endpoint', async () => {
    expect((await otherAdmin.get(`/api/v1/users/${ids.unit}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/users/${ids.unit}`, { displayName: '越权', version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/v1/users/${ids.unit}/reset-password`)).statusCode).toBe(404);
    // A leader's scope is `own`: his own record, nobody else's.
    expect((await leader.get(`/api/v1/users/${ids.leader}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/users/${ids.office}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('limits a `unit`-scoped reader to the users of his own unit', async () => {
    const made = await create(admin, { username: 'beiyuan_reader', unitId: beiyuanId, roleCode: 'leader', dataScope: 'unit' });
    expect(made.user.dataScope).toBe('unit');
    const reader = await activate(t().app, 'beiyuan_reader', made.oneTimePassword);
    expect((await reader.get(`/api/v1/users/${ids.unit}`)).statusCode).toBe(200);
    expect((await reader.get(`/api/v1/users/${ids.office}`)).statusCode).toBe(404);
    const listed = (await reader.get('/api/v1/users?pageSize=200')).json().items.map((u: { username: string }) => u.username);
    expect(listed.sort()).toEqual(['beiyuan_reader', 'unit']);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await t().database.db.select({ id: users.id }).from(users);
    const response = await admin.post('/api/v1/users', {
      username: 'a b',
      displayName: '',
      email: 'not-mail',
      unitId: 'x',
      roleCode: 'king',
      surplus: 1,
    });
    expect(response.statusCode).toBe(400);
    const paths = errorOf(response).details?.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'email', 'unitId', 'roleCode', 'surplus']));
    expect(errorOf(response).details?.find((d) => d.path === 'username')?.message).toContain('用户名');
    expect(await t().database.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
    const patch = await admin.patch(`/api/v1/users/${ids.unit}`, { username: 'renamed', status: 'gone' });
    expect(errorOf(patch).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['username', 'status', 'version']));
  });

  it('creates a user with a one-time password, the role’s default scope, and an audit event without secrets', async () => {
    const response = await admin.post('/api/v1/users', {
      username: 'New.Clerk',
      displayName: '孙丽（区财政局）',
      phone: '0531-8888 1234',
      email: 'sunli@example.cn',
      unitId: govId,
      roleCode: 'investment_staff',
    });
    expect(response.statusCode).toBe(201);
    const { user, oneTimePassword } = response.json();
    expect(oneTimePassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect(user).toMatchObject({
      username: 'New.Clerk',
      roleCode: 'investment_staff',
      dataScope: 'unit_tree',
      mustChangePassword: true,
      status: 'active',
      unitName: '天桥区人民政府',
      version: 1,
    });
    expect(user.abilities).toEqual({ update: true, resetPassword: true, resetTotp: false });
    const [row] = await t().database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ username: 'New.Clerk', dataScope: 'unit_tree', mustChangePassword: true, createdBy: ids.admin });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(oneTimePassword);
    const event = await lastAuditEvent(t().database, 'users.create', user.id);
    expect(event?.actorName).toBe('admin');
    expect(event?.regionCode).toBe('370105');
    expect(event?.after).toMatchObject({ username: 'New.Clerk', roleCode: 'investment_staff', dataScope: 'unit_tree', unitId: govId });
    expect(JSON.stringify(event)).not.toMatch(/argon2|passwordHash/);
    expect(JSON.stringify(event)).not.toContain(oneTimePassword);
  });

  it('refuses a duplicate username whatever its case with 409', async () => {
    await create(admin, { username: 'twin_name' });
    const again = await admin.post('/api/v1/users', { username: 'TWIN_Name', displayName: '重名', unitId: govId, roleCode: 'unit_staff' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details?.[0]?.path).toBe('username');
    expect(errorOf(again).message).toBe('用户名已被使用');
  });

  it('refuses a unit outside the actor’s scope', async () => {
    const response = await admin.post('/api/v1/users', {
      username: 'far_away',
      displayName: '外区',
      unitId: lixiaUnitId,
      roleCode: 'unit_staff',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.[0]).toMatchObject({ path: 'unitId', message: '所属单位不存在或不在您的数据范围内' });
  });

  it('stores a custom scope’s units, and requires at least one, each in the actor’s scope', async () => {
    const none = await admin.post('/api/v1/users', {
      username: 'custom_none',
      displayName: '自定义',
      unitId: govId,
      roleCode: 'leader',
      dataScope: 'custom',
    });
    expect(errorOf(none).details?.[0]?.path).toBe('scopeUnitIds');
    const foreign = await admin.post('/api/v1/users', {
      username: 'custom_far',
      displayName: '自定义',
      unitId: govId,
      roleCode: 'leader',
      dataScope: 'custom',
      scopeUnitIds: [beiyuanId, lixiaUnitId],
    });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details?.[0]?.path).toBe('scopeUnitIds');
    const stray = await admin.post('/api/v1/users', {
      username: 'custom_stray',
      displayName: '自定义',
      unitId: govId,
      roleCode: 'leader',
      scopeUnitIds: [beiyuanId],
    });
    expect(errorOf(stray).details?.[0]?.path).toBe('scopeUnitIds');
    const made = await create(admin, { username: 'custom_ok', roleCode: 'leader', dataScope: 'custom', scopeUnitIds: [beiyuanId, govId] });
    expect(made.user.scopeUnitIds).toEqual([beiyuanId, govId].sort());
    const stored = await t().database.db.select().from(userScopeUnits).where(eq(userScopeUnits.userId, made.user.id));
    expect(stored.map((s) => s.unitId).sort()).toEqual([beiyuanId, govId].sort());
    // Switching to another scope clears the list.
    const narrowed = await admin.patch(`/api/v1/users/${made.user.id}`, { dataScope: 'unit', version: 1 });
    expect(narrowed.json().scopeUnitIds).toEqual([]);
    expect(await t().database.db.select().from(userScopeUnits).where(eq(userScopeUnits.userId, made.user.id))).toHaveLength(0);
  });

  it('refuses privilege escalation: the project office cannot create, promote to or take over an administrator', async () => {
    const toAdmin = await office.post('/api/v1/users', { username: 'office_admin', displayName: '越权', unitId: govId, roleCode: 'admin' });
    expect(toAdmin.statusCode).toBe(400);
    expect(errorOf(toAdmin).details?.[0]).toMatchObject({ path: 'roleCode', message: '不能授予比自己权限更大的角色' });
    expect(await t().database.db.select().from(users).where(eq(users.username, 'office_admin'))).toHaveLength(0);

    const clerk = await create(office, { username: 'office_clerk', roleCode: 'leader' });
    expect(clerk.user.dataScope).toBe('own');
    expect((await lastAuditEvent(t().database, 'users.create', clerk.user.id))?.actorName).toBe('office');
    const promote = await office.patch(`/api/v1/users/${clerk.user.id}`, { roleCode: 'admin', version: 1 });
    expect(errorOf(promote).details?.[0]?.path).toBe('roleCode');

    const adminRecord = (await office.get(`/api/v1/users/${ids.admin}`)).json();
    expect(adminRecord.abilities).toEqual({ update: false, resetPassword: false, resetTotp: false });
    const takeOver = await office.post(`/api/v1/users/${ids.admin}/reset-password`);
    expect(takeOver.statusCode).toBe(403);
    expect(errorOf(takeOver).code).toBe('forbidden');
    const disableAdmin = await office.patch(`/api/v1/users/${ids.admin}`, { status: 'disabled', version: adminRecord.version });
    expect(disableAdmin.statusCode).toBe(403);
    expect(
      (
        await t()
          .database.db.select()
          .from(users)
          .where(eq(users.id, ids.admin ?? ''))
      )[0]?.status,
    ).toBe('active');
  });

  it('refuses to grant a data scope wider than the actor’s own', async () => {
    const made = await create(admin, { username: 'narrow_office', unitId: beiyuanId, roleCode: 'project_office', dataScope: 'unit' });
    const narrow = await activate(t().app, 'narrow_office', made.oneTimePassword);
    const wide = await narrow.post('/api/v1/users', {
      username: 'wide_one',
      displayName: '越权',
      unitId: beiyuanId,
      roleCode: 'unit_staff',
      dataScope: 'region',
    });
    expect(wide.statusCode).toBe(400);
    expect(errorOf(wide).details?.[0]).toMatchObject({ path: 'dataScope', message: '不能授予比自己更大的数据范围' });
    const elsewhere = await narrow.post('/api/v1/users', {
      username: 'elsewhere',
      displayName: '越权',
      unitId: govId,
      roleCode: 'unit_staff',
    });
    expect(errorOf(elsewhere).details?.[0]?.path).toBe('unitId');
    const ok = await narrow.post('/api/v1/users', {
      username: 'beiyuan_clerk',
      displayName: '街道',
      unitId: beiyuanId,
      roleCode: 'unit_staff',
    });
    expect(ok.statusCode).toBe(201);
    // Accounts outside his own unit do not exist for him.
    expect((await narrow.get(`/api/v1/users/${ids.office}`)).statusCode).toBe(404);
  });

  it('updates with the current version, answers 409 to a stale one, and audits only the changed fields', async () => {
    const made = await create(admin, { username: 'edit_me', phone: '12345678' });
    const ok = await admin.patch(
      `/api/v1/users/${made.user.id}`,
      { displayName: '新名字', phone: null, version: 1 },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '新名字', phone: null, version: 2 });
    const [row] = await t().database.db.select().from(users).where(eq(users.id, made.user.id));
    expect(row).toMatchObject({ displayName: '新名字', phone: null, version: 2 });
    const event = await lastAuditEvent(t().database, 'users.update', made.user.id);
    expect(event?.before).toEqual({ displayName: '测试用户', phone: '12345678' });
    expect(event?.after).toEqual({ displayName: '新名字', phone: null });
    const stale = await admin.patch(`/api/v1/users/${made.user.id}`, { displayName: '旧的', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const mismatch = await admin.patch(`/api/v1/users/${made.user.id}`, { displayName: '旧的', version: 2 }, { 'if-match': '"7"' });
    expect(mismatch.statusCode).toBe(409);
  });

  it('audits a role change as a permission change, with the scope that came with the new role', async () => {
    const made = await create(admin, { username: 'promote_me', roleCode: 'unit_staff', unitId: beiyuanId });
    const response = await admin.patch(`/api/v1/users/${made.user.id}`, { roleCode: 'supervisor', version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roleCode: 'supervisor', dataScope: 'region' });
    const event = await lastAuditEvent(t().database, 'users.update', made.user.id);
    expect(event?.before).toEqual({ roleCode: 'unit_staff', dataScope: 'unit' });
    expect(event?.after).toEqual({ roleCode: 'supervisor', dataScope: 'region' });
    const moved = await admin.patch(`/api/v1/users/${made.user.id}`, { unitId: lixiaUnitId, version: 2 });
    expect(errorOf(moved).details?.[0]?.path).toBe('unitId');
  });

  it('refuses to let anyone disable themselves or change their own role', async () => {
    const version = await versionOf(ids.admin ?? '');
    const disable = await admin.patch(`/api/v1/users/${ids.admin}`, { status: 'disabled', version });
    expect(disable.statusCode).toBe(400);
    expect(errorOf(disable).details?.[0]).toMatchObject({ path: 'status', message: '不能停用自己的账号' });
    const demote = await admin.patch(`/api/v1/users/${ids.admin}`, { roleCode: 'leader', version });
    expect(errorOf(demote).details?.[0]?.path).toBe('roleCode');
    const rename = await admin.patch(`/api/v1/users/${ids.admin}`, { displayName: '王建国（平台管理员）', version });
    expect(rename.statusCode).toBe(200);
  });

  it('disabling a user ends their sessions, revokes their API tokens and refuses their sign-in', async () => {
    const made = await create(admin, { username: 'soon_disabled', roleCode: 'project_office' });
    const session = await activate(t().app, 'soon_disabled', made.oneTimePassword);
    const issued = await session.post('/api/v1/auth/tokens', {
      name: '对接系统',
      scopes: ['unit.read'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(issued.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${issued.json().token}` };
    expect((await anonymous(t().app).get('/api/v1/units', bearer)).statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);

    const response = await admin.patch(`/api/v1/users/${made.user.id}`, { status: 'disabled', version: await versionOf(made.user.id) });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('disabled');

    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await anonymous(t().app).get('/api/v1/units', bearer)).statusCode).toBe(401);
    expect(await t().database.db.select().from(sessions).where(eq(sessions.userId, made.user.id))).toHaveLength(0);
    const [token] = await t().database.db.select().from(apiTokens).where(eq(apiTokens.userId, made.user.id));
    expect(token?.revokedAt).toBeInstanceOf(Date);
    const signIn = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'soon_disabled', password: NEW_PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(errorOf(signIn).code).toBe('account_disabled');
    expect((await lastAuditEvent(t().database, 'users.update', made.user.id))?.after).toEqual({ status: 'disabled' });
  });

  it('resetting a password signs the user out, and the one-time password works once changed', async () => {
    const made = await create(office, { username: 'forgetful', roleCode: 'leader' });
    const session = await activate(t().app, 'forgetful', made.oneTimePassword);
    expect((await session.get('/api/v1/users')).statusCode).toBe(200);

    const response = await office.post(`/api/v1/users/${made.user.id}/reset-password`);
    expect(response.statusCode).toBe(200);
    const { user, oneTimePassword } = response.json();
    expect(user.mustChangePassword).toBe(true);
    expect(oneTimePassword).not.toBe(made.oneTimePassword);

    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const oldPassword = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'forgetful', password: NEW_PASSWORD },
    });
    expect(oldPassword.statusCode).toBe(401);
    const fresh = await signInAs(t().app, 'forgetful', oneTimePassword);
    const me = (await fresh.get('/api/v1/auth/me')).json();
    expect(me.mustChangePassword).toBe(true);
    const blocked = await fresh.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).code).toBe('password_change_required');

    const [row] = await t().database.db.select().from(users).where(eq(users.id, made.user.id));
    expect(row).toMatchObject({ mustChangePassword: true, failedSignIns: 0 });
    const event = await lastAuditEvent(t().database, 'users.reset_password', made.user.id);
    expect(event?.actorName).toBe('office');
    expect(JSON.stringify(event)).not.toContain(oneTimePassword);
  });

  it('answers in English to a user who chose English', async () => {
    const made = await create(admin, { username: 'english_reader', roleCode: 'supervisor' });
    const reader = await activate(t().app, 'english_reader', made.oneTimePassword);
    await reader.patch('/api/v1/auth/preferences', { locale: 'en-US' });
    const response = await reader.post('/api/v1/users', { username: 'x1x', displayName: 'x', unitId: govId, roleCode: 'unit_staff' });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).message).toBe('You do not have permission to do this');
  });
});
