import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { jobRuns } from '../db/schema';
import { describeEachDatabase } from '../test/harness';
import { type ScheduledJob, createScheduler, periodKeyOf } from './scheduler';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const HOUR = 60 * 60 * 1000;
/** 09:30 in Beijing on 23 November 2026. */
const NINE_THIRTY = new Date('2026-11-23T01:30:00Z');

type CountingJob = ScheduledJob & { runs: number; failWith: string | null };

/** A job that counts its runs and can be told to fail. */
function countingJob(name: string, period: ScheduledJob['period']): CountingJob {
  const job: CountingJob = {
    name,
    period,
    runs: 0,
    failWith: null,
    run: async () => {
      job.runs += 1;
      if (job.failWith) throw new Error(job.failWith);
      return { run: job.runs };
    },
  };
  return job;
}

describe('periodKeyOf', () => {
  it('names the day and the hour in China Standard Time, whatever the machine’s time zone', () => {
    expect(periodKeyOf('daily', NINE_THIRTY)).toBe('2026-11-23');
    expect(periodKeyOf('hourly', NINE_THIRTY)).toBe('2026-11-23T09');
    // 16:30 UTC is already half past midnight of the next day in Beijing.
    expect(periodKeyOf('daily', new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(periodKeyOf('hourly', new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24T00');
    // The minute: what the notification delivery job runs once in.
    expect(periodKeyOf('minute', NINE_THIRTY)).toBe('2026-11-23T09:30');
    expect(periodKeyOf('minute', new Date('2026-11-23T16:30:59Z'))).toBe('2026-11-24T00:30');
  });
});

describeEachDatabase('scheduler', (t) => {
  let clock = NINE_THIRTY;
  let hourly = countingJob('test-hourly', 'hourly');
  let daily = countingJob('test-daily', 'daily');
  const scheduler = () =>
    createScheduler({ db: t().database.db, jobs: [hourly, daily], log: silent, instanceId: 'instance-a', clock: () => clock });
  const runRow = (job: string, periodKey: string) =>
    t()
      .database.db.select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.periodKey, periodKey)))
      .then((rows) => rows[0]);

  beforeEach(async () => {
    await t().database.db.delete(jobRuns);
    clock = NINE_THIRTY;
    hourly = countingJob('test-hourly', 'hourly');
    daily = countingJob('test-daily', 'daily');
  });

  it('runs each job once per period, however often it ticks, and records what the run did', async () => {
    const s = scheduler();
    expect((await s.tick()).map((r) => r.job)).toEqual(['test-hourly', 'test-daily']);
    expect(await s.tick()).toEqual([]);
    clock = new Date(NINE_THIRTY.getTime() + HOUR);
    expect(await s.tick()).toEqual([{ job: 'test-hourly', periodKey: '2026-11-23T10', outcome: { run: 2 }, failed: false }]);
    expect(hourly.runs).toBe(2);
    expect(daily.runs).toBe(1);
    const row = await runRow('test-daily', '2026-11-23');
    expect(row).toMatchObject({ instanceId: 'instance-a', outcome: { run: 1 } });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it('records a failure and tries again in the same period only after a while', async () => {
    const s = scheduler();
    hourly.failWith = 'disk full';
    const [failed] = await s.tick();
    expect(failed).toMatchObject({ job: 'test-hourly', failed: true, outcome: { error: 'disk full' } });
    expect((await runRow('test-hourly', '2026-11-23T09'))?.outcome).toEqual({ error: 'disk full' });
    hourly.failWith = null;
    expect(await s.tick()).toEqual([]);
    await t().database.db.update(jobRuns).set({ finishedAt: sql`now() - interval '11 minutes'` }).where(eq(jobRuns.job, 'test-hourly'));
    expect((await s.tick()).map((r) => [r.job, r.failed])).toEqual([['test-hourly', false]]);
    expect((await runRow('test-hourly', '2026-11-23T09'))?.outcome).toEqual({ run: 2 });
  });

  it('takes over a run whose instance died an hour ago without finishing it', async () => {
    await t()
      .database.db.insert(jobRuns)
      .values([
        { job: 'test-hourly', periodKey: '2026-11-23T09', instanceId: 'dead', startedAt: sql`now() - interval '61 minutes'` },
        { job: 'test-daily', periodKey: '2026-11-23', instanceId: 'busy', startedAt: sql`now() - interval '5 minutes'` },
      ]);
    const runs = await scheduler().tick();
    expect(runs.map((r) => r.job)).toEqual(['test-hourly']);
    expect(await runRow('test-hourly', '2026-11-23T09')).toMatchObject({ instanceId: 'instance-a', outcome: { run: 1 } });
    expect(daily.runs).toBe(0);
  });

  it('ticks on its own once started, and stop waits for the tick in progress', async () => {
    let release: () => void = () => {};
    const slow: ScheduledJob = {
      name: 'test-slow',
      period: 'daily',
      run: () => new Promise((resolve) => (release = () => resolve({ slow: true }))),
    };
    const s = createScheduler({ db: t().database.db, jobs: [slow], log: silent, clock: () => clock, intervalMs: 10 });
    s.start();
    await expect.poll(() => runRow('test-slow', '2026-11-23')).toBeTruthy();
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await runRow('test-slow', '2026-11-23'))?.outcome).toEqual({ slow: true });
  });
});
