import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { RoleCode } from '../../../common/permissions';
import { createAccount } from '../../db/accounts';
import { auditEvents, sessions, users } from '../../db/schema';
import { signChallenge, timeStep, totpCode } from '../../lib/totp';
import {
  Client,
  OTHER_REGION,
  TEST_PASSWORD,
  TEST_SESSION_SECRET,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
} from '../../test/harness';

const cookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === 'lantu_session')?.value;
const clientOf = (t: () => { app: Parameters<typeof anonymous>[0] }, response: LightMyRequestResponse) =>
  new Client(t().app, `lantu_session=${cookieOf(response)}`, response.json().csrfToken, response.json().id, `10.8.${++desks}.1`);
let desks = 0;

describeEachDatabase('two-step verification (TOTP)', (t) => {
  let unitId: string;
  let admin: Client;
  let machine = 0;

  /** A fresh account per test, so lockouts, replay guards and enrolments never leak between tests. */
  async function freshUser(username: string, roleCode: RoleCode = 'unit_staff') {
    return createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId, roleCode, password: TEST_PASSWORD },
    );
  }

  /** Requests from one desk of their own, so the per-address rate limits only bite where a test wants them to. */
  const fromOwnDesk = () => {
    machine += 1;
    const remoteAddress = `10.9.${machine}.1`;
    return (url: string, payload: object) => t().app.inject({ method: 'POST', url, remoteAddress, payload });
  };

  const passwordStep = (post: ReturnType<typeof fromOwnDesk>, username: string) =>
    post('/api/v1/auth/sign-in', { username, password: TEST_PASSWORD });

  /** The code for the first step after the last one used: what the app shows now or within the next 30 seconds. */
  async function freshCode(userId: string, secret: string) {
    const [row] = await t().database.db.select({ last: users.totpLastStep }).from(users).where(eq(users.id, userId));
    const step = Math.max((row?.last ?? 0) + 1, timeStep());
    return totpCode(secret, step * 30_000);
  }

  /** Signs in, sets up and confirms a second factor through the API; answers the secret and the recovery codes. */
  async function enrol(username: string) {
    const client = await signInAs(t().app, username);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    const confirmed = await client.post('/api/v1/auth/totp/confirm', { code: totpCode(setup.secret) });
    expect(confirmed.statusCode).toBe(200);
    return { client, secret: setup.secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  beforeAll(async () => {
    const [row] = await t().database.db.select().from(users).where(eq(users.username, 'admin'));
    unitId = row?.unitId ?? '';
    admin = await signInAs(t().app, 'admin');
  });

  it('sets up a second factor: a secret shown once, stored encrypted, switched on only by a right code', async () => {
    const created = await freshUser('enroller');
    const client = await signInAs(t().app, 'enroller');
    expect((await client.get('/api/v1/auth/me')).json()).toMatchObject({ totpEnabled: false, totpRequired: false, mustEnrolTotp: false });

    const setup = await client.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrCode } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Lantu:enroller\?/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toMatch(/algorithm=SHA1&digits=6&period=30/);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const [pending] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    expect(pending?.totpSecret).toMatch(/^v1\./);
    expect(pending?.totpSecret).not.toContain(secret);
    expect(pending?.totpEnabledAt).toBeNull();

    const wrong = await client.post('/api/v1/auth/totp/confirm', { code: totpCode(secret, Date.now() - 10 * 60_000) });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details?.[0]).toMatchObject({ path: 'code', message: '验证码不正确或已使用过，请等手机上出现新的验证码后再试' });
    const malformed = await client.post('/api/v1/auth/totp/confirm', { code: '12345' });
    expect(errorOf(malformed).details?.[0]).toMatchObject({ path: 'code', message: '验证码应为 6 位数字' });

    const confirmed = await client.post('/api/v1/auth/totp/confirm', { code: totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [enabled] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    expect(enabled?.totpEnabledAt).not.toBeNull();
    expect(enabled?.totpRecoveryHashes).toHaveLength(10);
    expect(enabled?.totpRecoveryHashes.some((h) => recoveryCodes.some((c: string) => h.includes(c.replace('-', ''))))).toBe(false);
    expect((await client.get('/api/v1/auth/me')).json().totpEnabled).toBe(true);
    expect(await lastAuditEvent(t().database, 'auth.totp_setup', created.id)).not.toBeNull();
    expect((await lastAuditEvent(t().database, 'auth.totp_enable', created.id))?.after).toEqual({ recoveryCodes: 10 });

    const again = await client.post('/api/v1/auth/totp/setup');
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('totp_already_enabled');
  });

  it('asks for a code after the password, opens the session only with it, and refuses a used step', async () => {
    const created = await freshUser('twostep');
    const { secret } = await enrol('twostep');
    const post = fromOwnDesk();
    const sessionsBefore = (await t().database.db.select().from(sessions).where(eq(sessions.userId, created.id))).length;

    const first = await passwordStep(post, 'twostep');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'totp_required' });
    expect(cookieOf(first)).toBeUndefined();
    expect((await t().database.db.select().from(sessions).where(eq(sessions.userId, created.id))).length).toBe(sessionsBefore);
    // The confirming code's step is used up: the same code cannot sign in.
    const replayedConfirm = await post('/api/v1/auth/sign-in/totp', { challenge: first.json().challenge, code: totpCode(secret) });
    expect(replayedConfirm.statusCode).toBe(401);
    expect(errorOf(replayedConfirm)).toMatchObject({ code: 'invalid_second_factor' });
    expect(errorOf(replayedConfirm).details?.[0]?.path).toBe('code');

    const code = await freshCode(created.id, secret);
    const second = await post('/api/v1/auth/sign-in/totp', { challenge: first.json().challenge, code });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ username: 'twostep', totpEnabled: true, mustEnrolTotp: false });
    expect((await clientOf(t, second).get('/api/v1/units')).statusCode).toBe(200);
    expect((await lastAuditEvent(t().database, 'auth.sign_in', created.id))?.after).toEqual({ secondFactor: 'totp' });
    expect(await lastAuditEvent(t().database, 'auth.totp_challenge', created.id)).not.toBeNull();

    // The same code, even with a new challenge from a new password step, is refused: a step is used once.
    const again = await passwordStep(post, 'twostep');
    const replay = await post('/api/v1/auth/sign-in/totp', { challenge: again.json().challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay).message).toBe('验证码不正确或已使用过，请等手机上出现新的验证码后再试');
  });

  it('accepts only an authentic, unexpired challenge made for the second step', async () => {
    const created = await freshUser('challenged');
    const { secret } = await enrol('challenged');
    const post = fromOwnDesk();
    const { challenge } = (await passwordStep(post, 'challenged')).json();
    const code = await freshCode(created.id, secret);
    const forged = `${challenge.slice(0, -3)}AAA`;
    const expired = signChallenge(TEST_SESSION_SECRET, created.id, Date.now() - 6 * 60_000);
    const otherSecret = signChallenge('another-instance-secret-0123456789abcdef', created.id);
    for (const bad of [forged, expired, otherSecret, 'not-a-challenge']) {
      const response = await post('/api/v1/auth/sign-in/totp', { challenge: bad, code });
      expect(response.statusCode, bad).toBe(401);
      expect(errorOf(response).code).toBe('invalid_challenge');
    }
    // A session id is no challenge either.
    const signedIn = await signInAs(t().app, 'office');
    const sessionToken = signedIn.cookie?.split('=')[1] ?? '';
    expect((await post('/api/v1/auth/sign-in/totp', { challenge: sessionToken, code })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/sign-in/totp', { challenge, code })).statusCode).toBe(200);
    const both = await post('/api/v1/auth/sign-in/totp', { challenge, code, recoveryCode: 'abcde-fghjk' });
    expect(both.statusCode).toBe(400);
    expect(errorOf(both).details?.[0]?.path).toBe('code');
  });

  it('counts wrong codes toward the password lockout, which a right password alone does not reset', async () => {
    const created = await freshUser('guesser');
    const { secret } = await enrol('guesser');
    const post = fromOwnDesk();
    const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const failures = async () =>
      (await t().database.db.select({ n: users.failedSignIns }).from(users).where(eq(users.id, created.id)))[0]?.n;

    for (let i = 0; i < 2; i++) {
      const { challenge } = (await passwordStep(post, 'guesser')).json();
      const r = await post('/api/v1/auth/sign-in/totp', { challenge, code: wrongCode(await freshCode(created.id, secret)) });
      expect(r.statusCode).toBe(401);
    }
    expect(await failures()).toBe(2);
    const { challenge } = (await passwordStep(post, 'guesser')).json();
    expect(await failures()).toBe(2);
    for (let i = 0; i < 3; i++) {
      await post('/api/v1/auth/sign-in/totp', { challenge, code: wrongCode(await freshCode(created.id, secret)) });
    }
    const [row] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    expect(row?.failedSignIns).toBe(5);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const locked = await post('/api/v1/auth/sign-in/totp', { challenge, code: await freshCode(created.id, secret) });
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked).code).toBe('account_locked');
    expect((await passwordStep(post, 'guesser')).statusCode).toBe(423);
    const event = await lastAuditEvent(t().database, 'auth.sign_in_failed', created.id);
    expect(event?.after).toMatchObject({ reason: 'locked' });
    const events = await t().database.db.select().from(auditEvents).where(eq(auditEvents.recordId, created.id));
    expect(events.filter((e) => (e.after as { reason?: string } | null)?.reason === 'wrong_totp_code')).toHaveLength(5);
  });

  it('rate-limits second-step attempts from one address', async () => {
    await freshUser('hammer');
    await enrol('hammer');
    const post = fromOwnDesk();
    const { challenge } = (await passwordStep(post, 'hammer')).json();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/api/v1/auth/sign-in/totp', { challenge, code: '000000' })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lets each recovery code sign in once, however it is typed', async () => {
    const created = await freshUser('recoverer');
    const { recoveryCodes } = await enrol('recoverer');
    const [firstCode = '', secondCode = ''] = recoveryCodes;
    const post = fromOwnDesk();
    const signInWith = async (recoveryCode: string) =>
      post('/api/v1/auth/sign-in/totp', { challenge: (await passwordStep(post, 'recoverer')).json().challenge, recoveryCode });

    const used = await signInWith(firstCode);
    expect(used.statusCode).toBe(200);
    expect((await lastAuditEvent(t().database, 'auth.sign_in', created.id))?.after).toEqual({ secondFactor: 'recovery_code' });
    const reused = await signInWith(firstCode);
    expect(reused.statusCode).toBe(401);
    expect(errorOf(reused).details?.[0]).toMatchObject({ path: 'recoveryCode', message: '恢复码不正确或已使用过' });
    expect((await signInWith(` ${secondCode.toUpperCase().replace('-', ' ')} `)).statusCode).toBe(200);
    const [row] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    expect(row?.totpRecoveryHashes).toHaveLength(8);
  });

  it('lets an administrator without a second factor reach only enrolment until it is set up', async () => {
    await freshUser('newadmin', 'admin');
    const post = fromOwnDesk();
    const signedIn = await passwordStep(post, 'newadmin');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ username: 'newadmin', totpEnabled: false, totpRequired: true, mustEnrolTotp: true });
    const client = clientOf(t, signedIn);
    for (const response of [
      await client.get('/api/v1/units'),
      await client.get('/api/v1/users'),
      await client.get('/api/v1/auth/tokens'),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(errorOf(response)).toMatchObject({ code: 'totp_enrolment_required', message: '您的角色要求开启两步验证，请先完成设置' });
    }
    expect((await client.get('/api/v1/auth/me')).json().mustEnrolTotp).toBe(true);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    expect((await client.post('/api/v1/auth/totp/confirm', { code: totpCode(setup.secret) })).statusCode).toBe(200);
    expect((await client.get('/api/v1/units')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).json()).toMatchObject({ totpEnabled: true, mustEnrolTotp: false });
    const refused = await client.post('/api/v1/auth/totp/disable', { password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('totp_required_by_role');
  });

  it('requires a second factor per role: on for the administrator out of the box, switchable and audited', async () => {
    const roles = (await admin.get('/api/v1/roles')).json().items as {
      code: string;
      requireTotp: boolean;
      permissions: string[];
      version: number;
    }[];
    expect(Object.fromEntries(roles.map((r) => [r.code, r.requireTotp]))).toEqual({
      admin: true,
      project_office: false,
      unit_staff: false,
      leader: false,
      investment_staff: false,
      supervisor: false,
    });
    await freshUser('watcher', 'supervisor');
    const watcher = await signInAs(t().app, 'watcher');
    expect((await watcher.get('/api/v1/units')).statusCode).toBe(200);

    const supervisor = roles.find((r) => r.code === 'supervisor');
    const on = await admin.patch('/api/v1/roles/supervisor', {
      permissions: supervisor?.permissions,
      requireTotp: true,
      version: supervisor?.version,
    });
    expect(on.statusCode).toBe(200);
    expect(on.json().requireTotp).toBe(true);
    const event = await lastAuditEvent(t().database, 'roles.update', 'supervisor');
    expect(event?.before).toMatchObject({ requireTotp: false });
    expect(event?.after).toMatchObject({ requireTotp: true });
    // Takes effect on the very next request of a holder already signed in.
    const blocked = await watcher.get('/api/v1/units');
    expect(errorOf(blocked).code).toBe('totp_enrolment_required');
    expect((await watcher.get('/api/v1/auth/me')).json()).toMatchObject({ totpRequired: true, mustEnrolTotp: true });

    const off = await admin.patch('/api/v1/roles/supervisor', {
      permissions: supervisor?.permissions,
      requireTotp: false,
      version: on.json().version,
    });
    expect(off.json().requireTotp).toBe(false);
    expect((await watcher.get('/api/v1/units')).statusCode).toBe(200);
    // Leaving the flag out keeps it as it is.
    const admins = roles.find((r) => r.code === 'admin');
    const kept = await admin.patch('/api/v1/roles/admin', { permissions: admins?.permissions, version: admins?.version });
    expect(kept.json().requireTotp).toBe(true);
  });

  it('switches the own second factor off with the password or a current code, never with a wrong one', async () => {
    const created = await freshUser('switcher');
    const { client, secret } = await enrol('switcher');
    const wrong = await client.post('/api/v1/auth/totp/disable', { password: 'not-my-password-at-all' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details?.[0]).toMatchObject({ path: 'password', message: '当前密码不正确' });
    const wrongCode = await client.post('/api/v1/auth/totp/disable', { code: '000000' });
    expect(errorOf(wrongCode).details?.[0]?.path).toBe('code');
    const neither = await client.post('/api/v1/auth/totp/disable', {});
    expect(errorOf(neither).details?.[0]).toMatchObject({ path: 'password', message: '请填写当前密码或验证码' });

    const off = await client.post('/api/v1/auth/totp/disable', { code: await freshCode(created.id, secret) });
    expect(off.statusCode).toBe(200);
    expect(off.json().totpEnabled).toBe(false);
    const [row] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] });
    expect((await lastAuditEvent(t().database, 'auth.totp_disable', created.id))?.after).toEqual({
      totpEnabled: false,
      confirmedWith: 'code',
    });
    // Signing in takes the password alone again.
    expect((await passwordStep(fromOwnDesk(), 'switcher')).json()).toMatchObject({ username: 'switcher', totpEnabled: false });
  });

  it('lets an administrator reset another user’s second factor after a lost phone, signing the user out', async () => {
    const created = await freshUser('lostphone');
    const { client } = await enrol('lostphone');
    const listed = (await admin.get('/api/v1/users?q=lostphone')).json().items[0];
    expect(listed).toMatchObject({ totpEnabled: true, abilities: { resetTotp: true } });

    const office = await signInAs(t().app, 'office');
    expect((await office.post(`/api/v1/users/${created.id}/reset-totp`)).statusCode).toBe(403);
    const otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    expect((await otherAdmin.post(`/api/v1/users/${created.id}/reset-totp`)).statusCode).toBe(404);
    const self = await admin.post(`/api/v1/users/${admin.userId}/reset-totp`);
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).message).toBe('不能重置自己的两步验证，请在“两步验证”页面自行管理');

    const reset = await admin.post(`/api/v1/users/${created.id}/reset-totp`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ username: 'lostphone', totpEnabled: false, abilities: { resetTotp: false } });
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const event = await lastAuditEvent(t().database, 'users.reset_totp', created.id);
    expect(event).toMatchObject({
      actorName: 'admin',
      before: { totpEnabled: true },
      after: { totpEnabled: false, sessionsRevoked: true },
    });
    expect((await passwordStep(fromOwnDesk(), 'lostphone')).json()).toMatchObject({ username: 'lostphone', totpEnabled: false });
  });

  it('never shows the secret or the recovery codes again: not in any answer, the audit log or the users list', async () => {
    const created = await freshUser('discreet');
    const client = await signInAs(t().app, 'discreet');
    const setup = await client.post('/api/v1/auth/totp/setup');
    const { secret } = setup.json();
    const confirm = await client.post('/api/v1/auth/totp/confirm', { code: totpCode(secret) });
    const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
    const post = fromOwnDesk();
    const challenge = await passwordStep(post, 'discreet');
    const signedIn = await post('/api/v1/auth/sign-in/totp', {
      challenge: challenge.json().challenge,
      code: await freshCode(created.id, secret),
    });
    const [stored] = await t().database.db.select().from(users).where(eq(users.id, created.id));
    const answers = [
      (await client.get('/api/v1/auth/me')).body,
      challenge.body,
      signedIn.body,
      (await admin.get('/api/v1/users?pageSize=200')).body,
      (await admin.get(`/api/v1/users/${created.id}`)).body,
      (await admin.get(`/api/v1/audit-events?pageSize=200`)).body,
      JSON.stringify(await t().database.db.select().from(auditEvents)),
    ].join('\n');
    const secrets = [secret, stored?.totpSecret ?? '-', ...(stored?.totpRecoveryHashes ?? []), ...recoveryCodes];
    for (const value of secrets) expect(answers).not.toContain(value);
    expect(answers).not.toMatch(/totpSecret|totpRecoveryHashes|totpLastStep/);
    // Only the two answers meant to carry them do.
    expect(setup.body).toContain(secret);
    expect(confirm.body).toContain(recoveryCodes[0]);
  });

  it('answers 401 to enrolment routes when signed out and 403 to the reset without user.reset_password', async () => {
    const [someone] = await t().database.db.select({ id: users.id }).from(users).where(eq(users.username, 'unit'));
    for (const url of ['/api/v1/auth/totp/setup', '/api/v1/auth/totp/disable', `/api/v1/users/${someone?.id}/reset-totp`]) {
      expect((await anonymous(t().app).post(url, {})).statusCode, url).toBe(401);
    }
    const unit = await signInAs(t().app, 'unit');
    const refused = await unit.post(`/api/v1/users/${someone?.id}/reset-totp`);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });
});
