import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, roles, users, userScopeUnits } from '../../db/schema';
import { buildProject, insertAuditEvent, uniqueSuffix } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Event = {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  recordType: string | null;
  recordId: string | null;
};
type Listing = { items: Event[]; total: number };

describeEachDatabase('audit events API', (t) => {
  let admin: Client;
  let viewer: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let adminUnitId: string;
  let otherUnitId: string;
  let districtItemId: string;

  const list = async (client: Client, query = ''): Promise<Listing> => {
    const response = await client.get(`/api/v1/audit-events?pageSize=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const unitOf = async (username: string) => {
    const [row] = await t().database.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.unitId;
  };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    viewer = await signInAs(t().app, 'viewer');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    adminUnitId = await unitOf('admin');
    otherUnitId = await unitOf(OTHER_REGION.adminUsername);
    // A write in the demo district, recorded with region 370105.
    const created = await admin.post('/api/v1/dictionaries/enterprise_tag/items', {
      code: 'audit_probe',
      name: '审计探针',
      nameEn: 'Audit probe',
    });
    districtItemId = created.json().id;
  });

  it('answers 401 when signed out and 403 to a role without audit.read', async () => {
    const signedOut = await anonymous(t().app).get('/api/v1/audit-events');
    expect(signedOut.statusCode).toBe(401);
    expect(errorOf(signedOut).code).toBe('unauthenticated');
    const refused = await unitStaff.get('/api/v1/audit-events');
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });

  it('lists the administrator’s own sign-in, newest first', async () => {
    const signIns = await list(admin, `&action=auth.sign_in&actorId=${admin.userId}`);
    expect(signIns.total).toBeGreaterThanOrEqual(1);
    expect(signIns.items[0]).toMatchObject({ action: 'auth.sign_in', actorName: 'admin', recordType: 'user', recordId: admin.userId });
    const all = await list(admin);
    const ids = all.items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ action: 'dictionaries.create', recordId: districtItemId });
  });

  it('filters by action, record, actor, time and search text', async () => {
    const byRecord = await list(admin, `&recordType=dictionary_item&recordId=${districtItemId}`);
    expect(byRecord.items.map((e) => e.action)).toEqual(['dictionaries.create']);
    const byActor = await list(admin, `&actorId=${viewer.userId}`);
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === viewer.userId)).toBe(true);
    const byAction = await list(admin, '&action=auth.sign_in');
    expect(byAction.items.every((e) => e.action === 'auth.sign_in')).toBe(true);
    expect(byAction.items.map((e) => e.actorName)).toEqual(expect.arrayContaining(['admin', 'viewer', 'unit']));
    const hourAgo = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const inAnHour = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await list(admin, `&from=${hourAgo}&to=${inAnHour}&recordId=${districtItemId}`)).total).toBe(1);
    expect((await list(admin, `&from=${inAnHour}`)).total).toBe(0);
    expect((await list(admin, `&to=${hourAgo}&recordId=${districtItemId}`)).total).toBe(0);
    expect((await list(admin, '&q=audit')).total).toBe(0);
    expect((await list(admin, '&q=dictionaries.cre')).items.map((e) => e.recordId)).toContain(districtItemId);
    const page = (await admin.get('/api/v1/audit-events?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const response = await admin.get('/api/v1/audit-events?action=Sign%20In&actorId=42&from=yesterday&surplus=1');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['query.action', 'query.actorId', 'query.from', 'query.surplus']),
    );
    const sort = await admin.get('/api/v1/audit-events?sort=ip');
    expect(errorOf(sort).details?.[0]?.path).toBe('query.sort');
  });

  it('lets a district supervisor read the district’s events', async () => {
    const seen = await list(viewer);
    expect(seen.items.map((e) => e.recordId)).toContain(districtItemId);
    expect(seen.items.some((e) => e.action === 'auth.sign_in' && e.actorId === admin.userId)).toBe(true);
  });

  it('keeps every event of another district invisible, whether judged by region or by actor', async () => {
    const db = t().database.db;
    // Written in 历下区 by someone whose unit is in 天桥区, and in 天桥区 by someone of 历下区 (no region recorded).
    const [foreignRegion] = await db
      .insert(auditEvents)
      .values({ action: 'probe.foreign_region', regionCode: OTHER_REGION.code, actorUnitId: adminUnitId })
      .returning();
    const [foreignActor] = await db.insert(auditEvents).values({ action: 'probe.foreign_actor', actorUnitId: otherUnitId }).returning();
    const ours = await list(admin, '&q=probe.');
    expect(ours.items).toEqual([]);
    const theirs = await list(otherAdmin);
    expect(theirs.items.map((e) => e.id).sort()).toEqual(expect.arrayContaining([String(foreignRegion?.id), String(foreignActor?.id)]));
    expect(theirs.items.map((e) => e.recordId)).not.toContain(districtItemId);
    expect(theirs.items.every((e) => e.actorName === OTHER_REGION.adminUsername || e.action.startsWith('probe.'))).toBe(true);
    expect((await list(otherAdmin, `&actorId=${admin.userId}`)).total).toBe(0);
  });

  it('narrows the log to the unit tree, the own records, or the chosen units for narrower scopes', async () => {
    const db = t().database.db;
    await db
      .update(roles)
      .set({ permissions: sql`array_append(${roles.permissions}, 'audit.read')` })
      .where(inArray(roles.code, ['investment_staff', 'leader']));
    const invest = await signInAs(t().app, 'invest');
    const leader = await signInAs(t().app, 'leader');
    const investUnitId = await unitOf('invest');
    const investSeen = await list(invest);
    expect(investSeen.items.map((e) => e.actorId)).toContain(invest.userId);
    expect(investSeen.items.map((e) => e.actorId)).not.toContain(admin.userId);
    const leaderSeen = await list(leader);
    expect(leaderSeen.total).toBeGreaterThan(0);
    expect(leaderSeen.items.every((e) => e.actorId === leader.userId)).toBe(true);

    const officeId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'office')))[0]?.id ?? '';
    await db.update(users).set({ dataScope: 'custom' }).where(eq(users.id, officeId));
    await db.insert(userScopeUnits).values({ userId: officeId, unitId: investUnitId });
    const office = await signInAs(t().app, 'office');
    const officeSeen = await list(office);
    expect(officeSeen.items.map((e) => e.actorId)).toContain(invest.userId);
    expect(officeSeen.items.every((e) => e.actorId === invest.userId)).toBe(true);
  });

  it('has no route that changes or deletes an event', async () => {
    const [event] = await t().database.db.select({ id: auditEvents.id }).from(auditEvents).limit(1);
    for (const response of [
      await admin.patch(`/api/v1/audit-events/${event?.id}`, { action: 'tampered' }),
      await admin.delete(`/api/v1/audit-events/${event?.id}`),
      await admin.delete('/api/v1/audit-events'),
      await admin.request('PUT', `/api/v1/audit-events/${event?.id}`, { action: 'tampered' }),
      await admin.post('/api/v1/audit-events', { action: 'forged' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('route_not_found');
    }
    const [still] = await t()
      .database.db.select()
      .from(auditEvents)
      .where(eq(auditEvents.id, event?.id ?? 0));
    expect(still?.action).not.toBe('tampered');
  });
});

describeEachDatabase('audit events API: the log as officials read it', (t) => {
  let office: Client;
  let unitStaff: Client;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    // A unit clerk who may read his unit's events (audit.read given to his role): he sees only his unit's projects.
    await t()
      .database.db.update(roles)
      .set({ permissions: sql`array_append(${roles.permissions}, 'audit.read')` })
      .where(eq(roles.code, 'unit_staff'));
    unitStaff = await signInAs(t().app, 'unit');
  });

  const events = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/audit-events?pageSize=200${query}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: (Event & { recordName: string | null })[] }).items;
  };

  it('hides routine sign-ins when asked, shows only them when asked, and everything by default', async () => {
    const all = await events(office, '');
    const hidden = await events(office, '&sessions=hidden');
    const only = await events(office, '&sessions=only');
    expect(all.some((e) => e.action === 'auth.sign_in')).toBe(true);
    expect(hidden.some((e) => e.action.startsWith('auth.sign_in'))).toBe(false);
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((e) => ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'auth.totp_challenge'].includes(e.action))).toBe(
      true,
    );
  });

  it('names the project an event is about for a reader who may see the project, and no one else', async () => {
    const project = await buildProject(office, t().database, { name: `审计可读名称${uniqueSuffix()}` });
    const [created] = await events(office, `&recordId=${project.id}&action=projects.create`);
    expect(created?.recordName).toBe(project.name);
    // The unit clerk who sees the event (his district's) but not the project (another unit's) gets no name.
    const [clerk] = await t()
      .database.db.select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId })
      .from(users)
      .where(eq(users.username, 'unit'));
    if (!clerk) throw new Error('no unit user');
    await insertAuditEvent(t().database, { actor: clerk, regionCode: '370105', recordId: project.id, recordType: 'project' });
    const [seen] = await events(unitStaff, `&recordId=${project.id}`);
    expect(seen).toMatchObject({ action: 'test.event', recordType: 'project', recordName: null });
  });
});
