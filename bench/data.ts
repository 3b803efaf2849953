/**
 * The data generator (issue 18): a district, a city or a province's worth of projects for the benchmarks to serve.
 *
 *   npm run bench:data -- --scale district|city|province [--pglite DIR | --database NAME]
 *
 * On PostgreSQL (BENCH_DATABASE_URL, the server's admin URL) it creates database NAME (lantu_bench_<scale>); with
 * --pglite it writes a data folder DIR that `LANTU_DATA_DIR=DIR lantu serve` opens. Either way the schema, reference
 * data and demo district come from a first `lantu serve` (migrations and demo), then bench/scale.ts's generator adds
 * the synthetic projects — deterministic (a seeded generator: the same data every run), shaped as a district's
 * ledger is (a few units own most projects, log-normal investments, names of common place and industry words) — in
 * bulk statements of 5,000 rows, and says how long it took. Province is the same code with bigger numbers.
 *
 * Left (docs/status.md, issue 18): the 24 months of reports, matters, leads, enterprises and audit rows of each scale.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPglite } from '../server/db/client';
import { startServer, stop } from './lib';
import { createDatabase, seedProjectsWith } from './scale';

/** Projects added to the demo district's 133 at each scale (issue 18). */
export const SCALES = { district: 2_000, city: 15_000, province: 100_000 } as const;
export type Scale = keyof typeof SCALES;

/** Creates (or recreates) the data set; answers where it is and how long the synthetic rows took. */
export async function generate(scale: Scale, target: { pgliteDir?: string; adminUrl?: string; database?: string }, port = 3297) {
  const projects = SCALES[scale];
  if (target.pgliteDir) {
    const first = await startServer({ LANTU_DATA_DIR: target.pgliteDir, LANTU_DEMO: '1' }, port);
    await stop(first.child);
    const started = performance.now();
    const db = await createPglite(path.join(target.pgliteDir, 'pglite'));
    await seedProjectsWith((text, params) => db.query(text, params), projects, 'realistic');
    await db.close();
    return { where: target.pgliteDir, projects, ms: Math.round(performance.now() - started) };
  }
  if (!target.adminUrl) throw new Error('set BENCH_DATABASE_URL (PostgreSQL) or pass --pglite DIR');
  const url = await createDatabase(target.adminUrl, target.database ?? `lantu_bench_${scale}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lantu-bench-${scale}-`));
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  await stop(first.child);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedProjectsWith((text, params) => client.query(text, params), projects, 'realistic');
  await client.end();
  return { where: url, projects, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'district' }, pglite: { type: 'string' }, database: { type: 'string' } },
  });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const result = await generate(scale, { pgliteDir: values.pglite, adminUrl: process.env.BENCH_DATABASE_URL, database: values.database });
  console.log(
    `${scale}: ${result.projects.toLocaleString('en')} synthetic projects (and as many leaders) in ${result.ms} ms → ${result.where}`,
  );
}
