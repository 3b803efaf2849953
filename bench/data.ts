/**
 * The data generator (issue 18): a district, a city or a province's worth of rows for the benchmarks to serve.
 *
 *   npm run bench:data -- --scale smoke|district|city|province [--pglite DIR | --database NAME] [--verify]  (BENCH_DATA_PORT: the generation's server port)
 *
 * On PostgreSQL (BENCH_DATABASE_URL, the server's admin URL) it creates database NAME (lantu_bench_<scale>); with
 * --pglite it writes a data folder DIR that `LANTU_DATA_DIR=DIR lantu serve` opens. Either way the schema, reference
 * data and demo district come from a first `lantu serve` (migrations and demo); then, deterministic (seeded streams:
 * the same rows every run) and loaded by COPY (bench/bulk.ts):
 * - projects (bench/scale.ts, `realistic`: a few units own most, log-normal investments, names of common words), a
 *   leader each;
 * - the last `months` months of monthly reports of every project (closed months approved, 1 in 25 never submitted;
 *   last month's submitted; this month's complete drafts, which the month-end burst submits), the periods missing;
 * - enterprises (as many as projects, valid USCCs), leads (half as many, every stage), matters (a fifth: ≈ 2 per 10
 *   projects) with their steps (bench/ledger.ts);
 * - the audit rows those writes leave, hash-chained as the server chains them (`--verify` runs `lantu audit verify`).
 * Then the month figures, today's daily jobs recorded as done (the server started for the measurements must not
 * recompute or escalate the generated rows while being measured), VACUUM ANALYZE. It says how long each part took.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPglite } from '../server/db/client';
import { type Copy, pgCopy, pgliteCopy } from './bulk';
import { type Fixtures, type LedgerCounts, seedLedger } from './ledger';
import { root, startServer, stop } from './lib';
import { type Run, createDatabase, finishSeeding, seedProjectsWith } from './scale';

/** Projects added to the demo district's 133 at each scale (issue 18); `smoke` is CI's. */
export const SCALES = { smoke: 200, district: 2_000, city: 15_000, province: 100_000 } as const;
export type Scale = keyof typeof SCALES;
/** Months of monthly reports per project. */
export const SCALE_MONTHS: Record<Scale, number> = { smoke: 3, district: 24, city: 24, province: 24 };

/** The port of the server the generation starts once for the migrations and the demo (BENCH_DATA_PORT, 3297). */
const GENERATION_PORT = Number(process.env.BENCH_DATA_PORT ?? 3297);
/** The daily jobs recorded as done for today once the rows are in. */
const QUIET_JOBS = ['recompute-warnings', 'escalate-overdue-matters', 'remind-matter-deadlines', 'remind-overdue-leads'];

export type Generated = {
  where: string;
  projects: number;
  /** The synthetic rows' time (after the demo), ms. */
  ms: number;
  /** The first `lantu serve` (migrations and demo), ms. */
  demoMs: number;
  counts: LedgerCounts & { projects: number };
  timings: Record<string, number>;
  fixtures: Fixtures;
};

async function fill(run: Run, copy: Copy, scale: Scale, log: (line: string) => void) {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const projects = await seedProjectsWith(run, SCALES[scale], 'realistic', { copy, finish: false });
  timings.projects = Math.round(performance.now() - t);
  log(`  projects: ${timings.projects} ms`);
  const ledger = await seedLedger(run, copy, projects, { months: SCALE_MONTHS[scale], log });
  t = performance.now();
  await finishSeeding(run, QUIET_JOBS);
  timings['vacuum analyze'] = Math.round(performance.now() - t);
  log(`  vacuum analyze: ${timings['vacuum analyze']} ms`);
  return { counts: { projects: projects.length, ...ledger.counts }, timings: { ...timings, ...ledger.timings }, fixtures: ledger.fixtures };
}

/** Creates (or recreates) the data set; answers where it is, how long it took and what the scenarios need. */
export async function generate(
  scale: Scale,
  target: { pgliteDir?: string; adminUrl?: string; database?: string },
  port = GENERATION_PORT,
  log: (line: string) => void = () => {},
): Promise<Generated> {
  const projects = SCALES[scale];
  if (target.pgliteDir) {
    const first = await startServer({ LANTU_DATA_DIR: target.pgliteDir, LANTU_DEMO: '1' }, port);
    await stop(first.child);
    const started = performance.now();
    const db = await createPglite(path.join(target.pgliteDir, 'pglite'));
    const result = await fill((text, params) => db.query(text, params), pgliteCopy(db), scale, log);
    await db.close();
    return { where: target.pgliteDir, projects, demoMs: first.ms, ms: Math.round(performance.now() - started), ...result };
  }
  if (!target.adminUrl) throw new Error('set BENCH_DATABASE_URL (PostgreSQL) or pass --pglite DIR');
  const url = await createDatabase(target.adminUrl, target.database ?? `lantu_bench_${scale}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lantu-bench-${scale}-`));
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  await stop(first.child);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A bulk load: nothing is lost if the machine stops half-way (the generator is run again).
  await client.query('set synchronous_commit = off');
  const result = await fill((text, params) => client.query(text, params), pgCopy(client), scale, log);
  await client.end();
  return { where: url, projects, demoMs: first.ms, ms: Math.round(performance.now() - started), ...result };
}

/** `lantu audit verify` on the generated data: true when the whole chain verifies. */
export function verifyAudit(generated: Generated, pglite: boolean): { ok: boolean; output: string } {
  const env = { ...process.env, ...(pglite ? { LANTU_DATA_DIR: generated.where } : { DATABASE_URL: generated.where }) };
  const result = spawnSync(process.execPath, [path.join(root, 'bin/lantu.js'), 'audit', 'verify'], { cwd: root, env, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'district' },
      pglite: { type: 'string' },
      database: { type: 'string' },
      verify: { type: 'boolean' },
    },
  });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const result = await generate(
    scale,
    { pgliteDir: values.pglite, adminUrl: process.env.BENCH_DATABASE_URL, database: values.database },
    GENERATION_PORT,
    console.log,
  );
  const c = result.counts;
  console.log(
    `${scale}: ${c.projects.toLocaleString('en')} projects, ${c.reports.toLocaleString('en')} monthly reports, ` +
      `${c.enterprises.toLocaleString('en')} enterprises, ${c.leads.toLocaleString('en')} leads, ${c.matters.toLocaleString('en')} matters ` +
      `(${c.matterEntries.toLocaleString('en')} steps), ${c.audit.toLocaleString('en')} audit rows in ${(result.ms / 1000).toFixed(1)} s ` +
      `(demo and migrations before: ${(result.demoMs / 1000).toFixed(1)} s) → ${result.where}`,
  );
  if (values.verify) {
    const t = performance.now();
    const verified = verifyAudit(result, Boolean(values.pglite));
    console.log(`audit verify (${Math.round(performance.now() - t)} ms): ${verified.output}`);
    if (!verified.ok) process.exitCode = 1;
  }
}
