import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { auditEvents, jobRuns, sessions, users } from '../../db/schema';
import { scheduledJobs } from '../../jobs';
import { type ScheduledJob, createScheduler, periodKeyOf } from '../../lib/scheduler';
import { adminQuery, openTestDatabase, withDatabase } from '../databases';
import { databaseKinds } from '../harness';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const HOUR = 60 * 60 * 1000;
/** 20:00 in Beijing: the 30 hours the test ticks through span two days. */
const START = new Date('2026-11-23T12:00:00Z');
const HOURS = 30;

/** A job that notes which instance ran it for which period, and is slow enough for the two instances to overlap. */
function recordingJob(name: string, period: ScheduledJob['period'], log: { instance: string; job: string; at: Date }[]) {
  return (instance: string): ScheduledJob => ({
    name,
    period,
    run: async ({ now }) => {
      log.push({ instance, job: name, at: now });
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { instance };
    },
  });
}

// Two instances of Lantu on one database, each with its own scheduler: on PostgreSQL each with its own connection
// pool, truly at the same time; on the embedded database (one process only) sharing the one connection.
for (const kind of databaseKinds()) {
  describe(`scheduled jobs on two instances sharing one database [${kind}]`, () => {
    const name = `lantu_jobs_${randomBytes(5).toString('hex')}`;
    let first: Database;
    let second: Database;

    beforeAll(async () => {
      if (kind === 'pglite') {
        first = await openTestDatabase('pglite', { pgliteFile: inject('pgliteTemplate') });
        second = first;
        return;
      }
      await adminQuery(inject('postgresUrl'), `create database ${name} template ${inject('postgresTemplate')}`);
      const url = withDatabase(inject('postgresUrl'), name);
      first = await openDatabase({ databaseUrl: url, poolSize: 3 });
      second = await openDatabase({ databaseUrl: url, poolSize: 3 });
    });

    afterAll(async () => {
      await first?.close();
      if (kind === 'pglite') return;
      await second?.close();
      await adminQuery(inject('postgresUrl'), `drop database if exists ${name}`);
    });

    it('runs every job exactly once per period when both instances tick at the same moments', async () => {
      const runs: { instance: string; job: string; at: Date }[] = [];
      const hourly = recordingJob('test-hourly', 'hourly', runs);
      const daily = recordingJob('test-daily', 'daily', runs);
      let clock = START;
      const schedulerOn = (database: Database, instance: string) =>
        createScheduler({
          db: database.db,
          jobs: [...scheduledJobs({ dataDir: '/nonexistent', sessionSecret: 'scheduled-jobs-test' }), hourly(instance), daily(instance)],
          log: silent,
          instanceId: instance,
          clock: () => clock,
        });
      const a = schedulerOn(first, 'a');
      const b = schedulerOn(second, 'b');
      // An expired session for the real purge job to find in the first hour.
      const [office] = await first.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
      await first.db.insert(sessions).values({
        idHash: randomBytes(16).toString('hex'),
        userId: office?.id ?? '',
        csrfToken: 'unused',
        createdAt: sql`now() - interval '13 hours'`,
      });

      for (let hour = 0; hour < HOURS; hour += 1) {
        clock = new Date(START.getTime() + hour * HOUR);
        // Each instance ticks twice in the hour, all four ticks at once, the first one alternating.
        const [x, y] = hour % 2 ? [b, a] : [a, b];
        await Promise.all([x.tick(), y.tick(), x.tick(), y.tick()]);
      }

      const hourlyRuns = runs.filter((r) => r.job === 'test-hourly');
      const dailyRuns = runs.filter((r) => r.job === 'test-daily');
      expect(hourlyRuns).toHaveLength(HOURS);
      expect(new Set(hourlyRuns.map((r) => periodKeyOf('hourly', r.at))).size).toBe(HOURS);
      // 20:00 on the 23rd to 01:00 on the 25th, Beijing time: three days.
      expect(dailyRuns).toHaveLength(3);
      const rows = await first.db.select().from(jobRuns);
      const periodsOf = (job: string) => rows.filter((r) => r.job === job).map((r) => r.periodKey);
      expect(periodsOf('test-hourly')).toHaveLength(HOURS);
      expect(new Set(periodsOf('test-hourly')).size).toBe(HOURS);
      expect(periodsOf('test-daily').sort()).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
      expect(periodsOf('purge-expired-sessions')).toHaveLength(HOURS);
      // Every run finished, and the row names the instance that did the work.
      for (const row of rows) {
        expect(row.finishedAt, `${row.job} ${row.periodKey}`).toBeInstanceOf(Date);
        if (row.job.startsWith('test-')) expect(row.outcome).toMatchObject({ instance: row.instanceId });
      }
      const purges = await first.db.select().from(auditEvents).where(eq(auditEvents.action, 'sessions.purge_expired'));
      expect(purges.map((p) => p.after)).toEqual([{ purged: 1 }]);
      // Every real job runs over the demo district three days long (warnings, scores of the city and its districts, …):
      // 6–29 s on the 2-core machine, past Vitest's 30 s when it is shared — a limit of its own.
    }, 120_000);
  });
}
