import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { sessions, settings } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

describeEachDatabase('settings API', (t) => {
  let admin: Client;
  let unitStaff: Client;
  let viewer: Client;

  const current = async () => (await admin.get('/api/v1/settings')).json() as { version: number; sessionIdleMinutes: number };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
  });

  it('answers 401 when signed out', async () => {
    for (const response of [
      await anonymous(t().app).get('/api/v1/settings'),
      await anonymous(t().app).patch('/api/v1/settings', { lockoutThreshold: 6, version: 1 }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('answers 403 to roles without setting.read or setting.update', async () => {
    expect((await unitStaff.get('/api/v1/settings')).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/settings')).statusCode).toBe(403);
    const patch = await unitStaff.patch('/api/v1/settings', { lockoutThreshold: 50, version: 1 });
    expect(patch.statusCode).toBe(403);
    expect(errorOf(patch).code).toBe('forbidden');
  });

  it('answers the single settings row', async () => {
    const response = await admin.get('/api/v1/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      lockoutThreshold: 5,
      lockoutBaseMinutes: 1,
      mapTileUrl: null,
      version: 1,
    });
  });

  it('answers 400 naming the field for bad input, and changes nothing', async () => {
    const bad = await admin.patch('/api/v1/settings', { sessionIdleMinutes: 1, lockoutThreshold: 'many', surplus: true });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['sessionIdleMinutes', 'lockoutThreshold', 'surplus', 'version']),
    );
    const shorter = await admin.patch('/api/v1/settings', { sessionAbsoluteHours: 1, sessionIdleMinutes: 90, version: 1 });
    expect(shorter.statusCode).toBe(400);
    expect(errorOf(shorter).details?.[0]).toEqual({ path: 'sessionAbsoluteHours', message: '绝对超时不能短于空闲超时' });
    const idleOnly = await admin.patch('/api/v1/settings', { sessionIdleMinutes: 13 * 60, version: 1 });
    expect(errorOf(idleOnly).details?.[0]?.path).toBe('sessionIdleMinutes');
    const [row] = await t().database.db.select().from(settings);
    expect(row).toMatchObject({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12, version: 1 });
  });

  it('updates with the current version, answers 409 to a stale one, and audits only the changed fields', async () => {
    const ok = await admin.patch('/api/v1/settings', { lockoutThreshold: 6, sessionAbsoluteHours: 12, version: 1 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ lockoutThreshold: 6, version: 2 });
    const [row] = await t().database.db.select().from(settings);
    expect(row).toMatchObject({ lockoutThreshold: 6, sessionAbsoluteHours: 12, version: 2 });
    const event = await lastAuditEvent(t().database, 'settings.update');
    expect(event).toMatchObject({
      recordType: 'settings',
      recordId: '1',
      actorName: 'admin',
      before: { lockoutThreshold: 5 },
      after: { lockoutThreshold: 6 },
    });
    const stale = await admin.patch('/api/v1/settings', { lockoutThreshold: 7, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const mismatch = await admin.patch('/api/v1/settings', { lockoutThreshold: 7, version: 2 }, { 'if-match': '"5"' });
    expect(mismatch.statusCode).toBe(409);
  });

  it('is instance-wide: another district’s administrator reads the same row', async () => {
    const other = await signInAs(t().app, OTHER_REGION.adminUsername);
    expect((await other.get('/api/v1/settings')).json()).toMatchObject({ lockoutThreshold: 6, version: 2 });
  });

  it('ends sessions idle longer than a newly shortened idle timeout', async () => {
    const office = await signInAs(t().app, 'office');
    const idleFor = async (minutes: number) =>
      t()
        .database.db.update(sessions)
        .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` })
        .where(eq(sessions.userId, office.userId ?? ''));
    await idleFor(10);
    expect((await office.get('/api/v1/auth/me')).statusCode).toBe(200);
    await idleFor(10);
    const shortened = await admin.patch('/api/v1/settings', { sessionIdleMinutes: 5, version: (await current()).version });
    expect(shortened.statusCode).toBe(200);
    expect(shortened.json().sessionIdleMinutes).toBe(5);
    const expired = await office.get('/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('session_expired');
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await lastAuditEvent(t().database, 'settings.update'))?.after).toEqual({ sessionIdleMinutes: 5 });
  });
});
