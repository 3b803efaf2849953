/**
 * 未报送 one request at a time (issue 14: p95 ≤ 100 ms for a province on PostgreSQL): `lantu serve` on an existing
 * database (a generated one, bench/data.ts), the newest open period, and what its page asks — the counts by unit
 * (`…/missing`), then the first page of 10 of the unit listed first, the one with most missing (`…/missing/reports?
 * unitId=&pageSize=10`) — BENCH_MISSING_RUNS (200) each after 20 to warm up, per reader (BENCH_MISSING_USERS, default
 * office and province: the district's project office and the province's supervisor, both served by the kept counts).
 * Prints p50 / p95, the server's CPU a request and the load average before and after each row.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/missing.ts --database NAME
 *   npx tsx bench/missing.ts --url http://127.0.0.1:PORT      (a server already running: no CPU figure)
 *
 * BENCH_PORT (3370) is the port of the server it starts.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, signIn, startServer, stop } from './lib';

const { values } = parseArgs({ options: { database: { type: 'string' }, url: { type: 'string' } } });
const runs = Number(process.env.BENCH_MISSING_RUNS ?? 200);
const users = (process.env.BENCH_MISSING_USERS ?? 'office,province').split(',').filter(Boolean);
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function server(): Promise<{ base: string; pid?: number; close: () => Promise<void> }> {
  if (values.url) return { base: values.url, close: async () => {} };
  const admin = process.env.BENCH_DATABASE_URL;
  if (!admin || !values.database) throw new Error('set BENCH_DATABASE_URL and pass --database NAME (or --url of a running server)');
  const url = new URL(admin);
  url.pathname = `/${values.database}`;
  const port = Number(process.env.BENCH_PORT ?? 3370);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-missing-'));
  const started = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url.toString() }, port);
  console.log(`server ready in ${(started.ms / 1000).toFixed(1)} s (migrations and start-up fills included)`);
  return { base: `http://127.0.0.1:${port}`, pid: started.child.pid, close: () => stop(started.child) };
}

const running = await server();
try {
  const { base, pid } = running;
  const rows: string[][] = [];
  // The generated district's newest open period (the first reader's), asked by every reader.
  let periodId: string | undefined;
  for (const who of users) {
    const headers = await signIn(base, who);
    const get = (p: string) => fetch(`${base}${p}`, { headers });
    if (!periodId) {
      const periods = (await (await get('/api/v1/reporting-periods?status=open&pageSize=1')).json()) as { items: { id: string }[] };
      periodId = periods.items[0]?.id;
    }
    const period = (await (await get(`/api/v1/reporting-periods/${periodId}`)).json()) as { id?: string; counts: { owed: number } };
    if (!period.id) throw new Error(`${who}: no open period`);
    const counts = `/api/v1/reporting-periods/${period.id}/missing`;
    const missing = (await (await get(counts)).json()) as { total: number; units: { unitId: string; count: number }[] };
    const first = missing.units[0];
    console.log(
      `${who}: period ${period.id} (${period.counts.owed.toLocaleString('en')} reports owed, ${missing.total.toLocaleString('en')} missing ` +
        `in ${missing.units.length} units; the first unit ${first?.count.toLocaleString('en') ?? 0})`,
    );
    const paths: [string, string][] = [[`${who}: 未报送 counts by unit`, counts]];
    if (first) paths.push([`${who}: one unit's first page of 10`, `${counts}/reports?unitId=${first.unitId}&pageSize=10`]);
    for (const [label, p] of paths) {
      await measure('warm-up', 20, () => get(p));
      const before = loadAverage();
      const row = await measure(label, runs, () => get(p), pid);
      rows.push([...row, `load ${before} → ${loadAverage()}`]);
    }
  }
  console.log(`\n${runs} requests each, one at a time:`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  await running.close();
}
