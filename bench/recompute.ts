/**
 * The nightly warning recompute of every project (issue 14's budget: ≤ 60 s at 100,000 projects on PostgreSQL): the
 * job itself (server/jobs/recompute-warnings.ts) run in this process against a generated database
 * (`npm run bench:data -- --scale province --database NAME`), `BENCH_RECOMPUTE_RUNS` times (2). The first run
 * recolours what the generator seeded at random (most colours change: dashboard figures refreshed, leaders told); the
 * runs after it are an ordinary night (few change). Each run: wall time, this process's CPU, what the job answered.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/recompute.ts --database NAME
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/client';
import { recomputeWarningsJob } from '../server/jobs/recompute-warnings';

const BUDGET_MS = 60_000;

const { values } = parseArgs({ options: { database: { type: 'string', default: 'lantu_bench_province' } } });
const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) throw new Error('set BENCH_DATABASE_URL (PostgreSQL)');
const url = new URL(adminUrl);
url.pathname = `/${values.database}`;
const runs = Number(process.env.BENCH_RECOMPUTE_RUNS ?? 2);

const database = await openDatabase({ databaseUrl: url.toString() });
const log = { info: () => {}, warn: console.warn, error: console.error };
try {
  for (let run = 1; run <= runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await recomputeWarningsJob.run({ db: database.db, now: new Date(), log });
    const ms = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    console.log(
      `recompute-warnings run ${run}: ${(ms / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s: ${ms <= BUDGET_MS ? 'pass' : 'FAIL'}), ` +
        `Node CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} — ${JSON.stringify(outcome)}`,
    );
  }
} finally {
  await database.close();
}
