import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../db/schema';
import { describeEachDatabase, signInAs } from '../test/harness';
import { purgeExpiredSessions } from './purge-expired-sessions';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describeEachDatabase('scheduled job: purge expired sessions', (t) => {
  it('deletes sessions past the idle or the absolute timeout, keeps live ones, and audits the count', async () => {
    const { db } = t().database;
    const live = await signInAs(t().app, 'office');
    const [office] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
    const session = (lastSeen: string, created: string) => ({
      idHash: randomBytes(16).toString('hex'),
      userId: office?.id ?? '',
      csrfToken: 'unused',
      lastSeenAt: sql`now() - ${lastSeen}::interval`,
      createdAt: sql`now() - ${created}::interval`,
    });
    // The demo's settings: 30 minutes idle, 12 hours absolute.
    const idle = session('31 minutes', '1 hour');
    const old = session('1 minute', '13 hours');
    const recent = session('29 minutes', '11 hours');
    await db.insert(sessions).values([idle, old, recent]);

    const outcome = await purgeExpiredSessions.run({ db, now: new Date(), log: silent });

    expect(outcome).toEqual({ purged: 2 });
    const left = new Set((await db.select({ idHash: sessions.idHash }).from(sessions)).map((s) => s.idHash));
    expect(left.has(idle.idHash)).toBe(false);
    expect(left.has(old.idHash)).toBe(false);
    expect(left.has(recent.idHash)).toBe(true);
    expect((await live.get('/api/v1/auth/me')).statusCode).toBe(200);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'sessions.purge_expired'))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(event).toMatchObject({ actorName: 'lantu scheduler', recordType: 'session', after: { purged: 2 } });
  });

  it('writes no audit event when nothing expired', async () => {
    const { db } = t().database;
    await purgeExpiredSessions.run({ db, now: new Date(), log: silent });
    const count = async () => (await db.select().from(auditEvents).where(eq(auditEvents.action, 'sessions.purge_expired'))).length;
    const before = await count();
    expect(await purgeExpiredSessions.run({ db, now: new Date(), log: silent })).toEqual({ purged: 0 });
    expect(await count()).toBe(before);
  });
});
