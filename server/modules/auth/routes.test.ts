import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { apiTokens, sessions, users } from '../../db/schema';
import { createAccount } from '../../db/accounts';
import { Client, TEST_PASSWORD, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

describeEachDatabase('auth API', (t) => {
  let unitId: string;

  /** A fresh account per test, so lockouts and password changes never leak between tests. */
  async function freshUser(username: string, options: { mustChange?: boolean; roleCode?: 'admin' | 'unit_staff' | 'project_office' } = {}) {
    const { db } = t().database;
    const created = await createAccount(
      db,
      { ip: null, requestId: null },
      {
        username,
        displayName: username,
        unitId,
        roleCode: options.roleCode ?? 'unit_staff',
        password: options.mustChange ? undefined : TEST_PASSWORD,
      },
    );
    return created;
  }

  beforeAll(async () => {
    const [admin] = await t().database.db.select().from(users).where(eq(users.username, 'admin'));
    unitId = admin?.unitId ?? '';
  });

  it('signs in, sets an HttpOnly SameSite cookie, and audits the sign-in', async () => {
    const response = await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'office', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'lantu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = response.json();
    expect(me).toMatchObject({ username: 'office', role: { code: 'project_office' }, region: { code: '370105' }, dataScope: 'region' });
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect((await lastAuditEvent(t().database, 'auth.sign_in', me.id))?.actorName).toBe('office');
  });

  it('stores only a keyed hash of the session id, and gives a new id at every sign-in', async () => {
    const first = await signInAs(t().app, 'leader');
    const second = await signInAs(t().app, 'leader');
    expect(first.cookie).not.toBe(second.cookie);
    const token = first.cookie?.split('=')[1] ?? '';
    const stored = await t().database.db.select().from(sessions).where(eq(sessions.idHash, token));
    expect(stored).toHaveLength(0);
  });

  it('answers a wrong password with 401, audits the failure, and does not say whether the user exists', async () => {
    const wrong = await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'office', password: 'not-the-password' });
    const unknown = await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong).message).toBe(errorOf(unknown).message);
    expect(errorOf(wrong).message).toBe('用户名或密码错误');
    const event = await lastAuditEvent(t().database, 'auth.sign_in_failed');
    expect(event?.after).toMatchObject({ username: 'nobody-here', reason: 'unknown_user' });
  });

  it('locks an account after repeated failures, with a back-off, and refuses even the right password meanwhile', async () => {
    await freshUser('lockme');
    for (let i = 0; i < 5; i++) {
      const r = await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'lockme', password: `wrong-${i}` });
      expect(r.statusCode).toBe(401);
    }
    const [row] = await t().database.db.select().from(users).where(eq(users.username, 'lockme'));
    expect(row?.failedSignIns).toBe(5);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const locked = await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'lockme', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked).code).toBe('account_locked');
    // Once the lock has passed, the next failure locks for twice as long.
    await t().database.db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.username, 'lockme'));
    await anonymous(t().app).post('/api/v1/auth/sign-in', { username: 'lockme', password: 'wrong-again' });
    const [after] = await t().database.db.select().from(users).where(eq(users.username, 'lockme'));
    const minutes = ((after?.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1.5);
    expect(minutes).toBeLessThanOrEqual(2.01);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t().app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '192.0.2.77',
        payload: { username: 'ratelimited', password: 'whatever-it-is' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('forces a user with a one-time password to change it before anything else', async () => {
    const created = await freshUser('newcomer', { mustChange: true });
    const client = await signInAs(t().app, 'newcomer', created.password);
    const me = (await client.get('/api/v1/auth/me')).json();
    expect(me.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/v1/units');
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).code).toBe('password_change_required');
    const weak = await client.post('/api/v1/auth/change-password', { currentPassword: created.password, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).details?.[0]).toMatchObject({ path: 'newPassword', message: '该密码过于常见，容易被猜中，请换一个' });
    const short = await client.post(
      '/api/v1/auth/change-password',
      { currentPassword: created.password, newPassword: 'short' },
      { 'accept-language': 'en' },
    );
    expect(errorOf(short).details?.[0]?.path).toBe('newPassword');
    const changed = await client.post('/api/v1/auth/change-password', {
      currentPassword: created.password,
      newPassword: 'a long and private sentence',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    const cookie = changed.cookies.find((c) => c.name === 'lantu_session');
    const renewed = new Client(t().app, `lantu_session=${cookie?.value}`, changed.json().csrfToken);
    expect((await renewed.get('/api/v1/units')).statusCode).toBe(200);
    expect(await lastAuditEvent(t().database, 'auth.password_change', created.id)).not.toBeNull();
  });

  it('revokes every other session when the password changes', async () => {
    await freshUser('twodevices');
    const phone = await signInAs(t().app, 'twodevices');
    const desk = await signInAs(t().app, 'twodevices');
    const changed = await desk.post('/api/v1/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another long private sentence',
    });
    expect(changed.statusCode).toBe(200);
    const stale = await phone.get('/api/v1/auth/me');
    expect(stale.statusCode).toBe(401);
    expect(errorOf(stale).code).toBe('session_expired');
  });

  it('rejects a wrong current password naming the field', async () => {
    await freshUser('forgetful');
    const client = await signInAs(t().app, 'forgetful');
    const r = await client.post('/api/v1/auth/change-password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a long and private sentence',
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).details?.[0]?.path).toBe('currentPassword');
  });

  it('signs out one session, or every session everywhere', async () => {
    await freshUser('leaver');
    const a = await signInAs(t().app, 'leaver');
    const b = await signInAs(t().app, 'leaver');
    expect((await a.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
    const c = await signInAs(t().app, 'leaver');
    expect((await c.post('/api/v1/auth/sign-out-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await lastAuditEvent(t().database, 'auth.sign_out_everywhere')).not.toBeNull();
  });

  it('expires a session after the absolute timeout even when it is in use', async () => {
    await freshUser('marathon');
    const client = await signInAs(t().app, 'marathon');
    await t().database.db.execute(
      sql`update sessions set created_at = now() - interval '13 hours' where user_id = (select id from users where username = 'marathon')`,
    );
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('switches the interface language and answers errors in it', async () => {
    const created = await freshUser('english');
    const client = await signInAs(t().app, 'english');
    const r = await client.patch('/api/v1/auth/preferences', { locale: 'en-US' });
    expect(r.json().locale).toBe('en-US');
    const denied = await client.get('/api/v1/audit-events');
    expect(errorOf(denied).message).toBe('You do not have permission to do this');
    expect((await lastAuditEvent(t().database, 'users.preferences', created.id))?.after).toEqual({ locale: 'en-US' });
  });

  it('issues a scoped, hashed, revocable API token and honours only its scopes', async () => {
    const office = await signInAs(t().app, 'office');
    const expiresAt = new Date(Date.now() + 30 * 86400_000).toISOString();
    const notHeld = await office.post('/api/v1/auth/tokens', { name: 'city', scopes: ['unit.create'], expiresAt });
    expect(notHeld.statusCode).toBe(400);
    expect(errorOf(notHeld).details?.[0]?.path).toBe('scopes');
    const created = await office.post('/api/v1/auth/tokens', { name: '市平台', scopes: ['unit.read'], expiresAt });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    const [stored] = await t().database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(stored?.tokenHash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await anonymous(t().app).get('/api/v1/units', bearer)).statusCode).toBe(200);
    expect((await anonymous(t().app).get('/api/v1/audit-events', bearer)).statusCode).toBe(403);
    // Bearer requests need no CSRF token: they carry no ambient cookie.
    expect((await office.get('/api/v1/auth/tokens')).json().items[0].name).toBe('市平台');
    expect((await office.delete(`/api/v1/auth/tokens/${apiToken.id}`)).statusCode).toBe(200);
    expect((await anonymous(t().app).get('/api/v1/units', bearer)).statusCode).toBe(401);
    expect(await lastAuditEvent(t().database, 'api_tokens.revoke', apiToken.id)).not.toBeNull();
  });

  it('refuses an expired token and one expiring too far ahead', async () => {
    const office = await signInAs(t().app, 'office');
    const tooFar = await office.post('/api/v1/auth/tokens', {
      name: 'x',
      scopes: ['unit.read'],
      expiresAt: new Date(Date.now() + 400 * 86400_000).toISOString(),
    });
    expect(errorOf(tooFar).details?.[0]?.path).toBe('expiresAt');
    const created = (
      await office.post('/api/v1/auth/tokens', {
        name: 'soon',
        scopes: ['unit.read'],
        expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      })
    ).json();
    await t()
      .database.db.update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(apiTokens.id, created.apiToken.id));
    expect((await anonymous(t().app).get('/api/v1/units', { authorization: `Bearer ${created.token}` })).statusCode).toBe(401);
  });

  it('answers 401 to token routes when signed out and 403 without token.manage', async () => {
    expect((await anonymous(t().app).get('/api/v1/auth/tokens')).statusCode).toBe(401);
    const unit = await signInAs(t().app, 'unit');
    expect((await unit.get('/api/v1/auth/tokens')).statusCode).toBe(403);
  });
});
