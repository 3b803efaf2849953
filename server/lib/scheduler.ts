import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { jobRuns } from '../db/schema';

export type JobPeriod = 'minute' | 'hourly' | 'daily';

/** What a run did (`{ purged: 12 }`), kept in `job_runs.outcome`. */
export type JobOutcome = Record<string, string | number | boolean | null>;

export type JobContext = { db: Db; now: Date; log: SchedulerLog };

/** A job runs once per period (an hour or a day, China Standard Time) across every instance sharing the database. */
export type ScheduledJob = { name: string; period: JobPeriod; run: (context: JobContext) => Promise<JobOutcome> };

export type SchedulerLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/** One run this instance made: what it did, or why it failed. */
export type JobRun = { job: string; periodKey: string; outcome: JobOutcome; failed: boolean };

export type Scheduler = {
  /** Claims and runs every job whose period has no run yet; answers the runs this instance made. */
  tick: () => Promise<JobRun[]>;
  /** Ticks now and then every `intervalMs` until stopped. */
  start: () => void;
  /** No further ticks; waits for a tick in progress to finish. */
  stop: () => Promise<void>;
};

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
/** A run claimed this long ago and never finished belongs to an instance that died: another may take it over. */
const ABANDONED_AFTER = '1 hour';
/** A run that failed is tried again in the same period, this long after it failed. */
const RETRY_FAILED_AFTER = '10 minutes';

/** The period a moment falls in, in China Standard Time: `2026-11-23` (daily), `2026-11-23T14` (hourly) or `2026-11-23T14:05` (minute). */
export function periodKeyOf(period: JobPeriod, now: Date): string {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString();
  return china.slice(0, { daily: 10, hourly: 13, minute: 16 }[period]);
}

/**
 * Claims a run by inserting its row (the primary key job + period lets exactly one instance succeed), or by taking
 * over a run that was abandoned by a dead instance or failed a while ago.
 */
async function claim(db: Db, job: string, periodKey: string, instanceId: string): Promise<boolean> {
  const inserted = await db.insert(jobRuns).values({ job, periodKey, instanceId }).onConflictDoNothing().returning({ job: jobRuns.job });
  if (inserted.length > 0) return true;
  const retaken = await db
    .update(jobRuns)
    .set({ instanceId, startedAt: sql`now()`, finishedAt: null, outcome: null })
    .where(
      and(
        eq(jobRuns.job, job),
        eq(jobRuns.periodKey, periodKey),
        sql`((${jobRuns.finishedAt} is null and ${jobRuns.startedAt} < now() - ${ABANDONED_AFTER}::interval)
          or (${jobRuns.outcome} ? 'error' and ${jobRuns.finishedAt} < now() - ${RETRY_FAILED_AFTER}::interval))`,
      ),
    )
    .returning({ job: jobRuns.job });
  return retaken.length > 0;
}

async function finish(db: Db, run: JobRun, instanceId: string) {
  await db
    .update(jobRuns)
    .set({ finishedAt: sql`now()`, outcome: run.outcome })
    .where(and(eq(jobRuns.job, run.job), eq(jobRuns.periodKey, run.periodKey), eq(jobRuns.instanceId, instanceId)));
}

/** A small in-process scheduler; every instance may run one, the `job_runs` table decides who does the work. */
export function createScheduler(options: {
  db: Db;
  jobs: ScheduledJob[];
  log: SchedulerLog;
  intervalMs?: number;
  instanceId?: string;
  clock?: () => Date;
}): Scheduler {
  const { db, jobs, log, intervalMs = 60_000, clock = () => new Date() } = options;
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function runJob(job: ScheduledJob, now: Date): Promise<JobRun | null> {
    const periodKey = periodKeyOf(job.period, now);
    if (!(await claim(db, job.name, periodKey, instanceId))) return null;
    let run: JobRun;
    try {
      run = { job: job.name, periodKey, outcome: await job.run({ db, now, log }), failed: false };
      log.info({ job: job.name, periodKey, outcome: run.outcome }, 'scheduled job done');
    } catch (error) {
      run = { job: job.name, periodKey, outcome: { error: (error as Error).message }, failed: true };
      log.error({ job: job.name, periodKey, err: error }, 'scheduled job failed');
    }
    await finish(db, run, instanceId);
    return run;
  }

  async function tick(): Promise<JobRun[]> {
    const now = clock();
    const runs: JobRun[] = [];
    for (const job of jobs) {
      if (stopped) break;
      try {
        const run = await runJob(job, now);
        if (run) runs.push(run);
      } catch (error) {
        // The database is unreachable or the claim failed: the next tick tries again.
        log.warn({ job: job.name, err: error }, 'scheduled job not claimed');
      }
    }
    return runs;
  }

  function schedule(delayMs: number) {
    timer = setTimeout(() => {
      running = tick().finally(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, delayMs);
    timer.unref();
  }

  return {
    tick,
    start: () => {
      stopped = false;
      schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
