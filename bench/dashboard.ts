/**
 * The demo district's dashboard (issue 16: p95 ≤ 50 ms on PGlite), alone: `lantu serve` on a fresh PGlite data folder
 * (or BENCH_DATABASE_URL), signed in as the project office (the units' kept figures answer) and as a leader in charge
 * of projects (`leader`: his whole scope, and his own projects with `leader=me` — his page's default; the kept shares
 * of his projects answer him), 300 requests each one at a time after 20 to warm up.
 *
 *   npx tsx bench/dashboard.ts            (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/dashboard.ts
 *   BENCH_RUNS=30 …                        (fewer requests a row: the province's leader takes seconds before the fix)
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, signIn, startServer, stop } from './lib';

const url = process.env.BENCH_DATABASE_URL;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-dash-'));
const port = Number(process.env.BENCH_PORT ?? 3312);
/** Requests measured per row (BENCH_RUNS, 300) after a twentieth as many (at least 5) to warm up. */
const runs = Number(process.env.BENCH_RUNS ?? 300);
const env: Record<string, string> = { LANTU_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url, LANTU_DEMO: '1' } : {}) };
const server = await startServer(env, port);
try {
  const base = `http://127.0.0.1:${port}`;
  const rows: string[][] = [];
  for (const [who, query] of [
    ['office', ''],
    ['office', '?year=2025'],
    ['leader', ''],
    ['leader', '?leader=me'],
  ] as const) {
    const headers = await signIn(base, who);
    await measure('warm-up', Math.max(5, Math.round(runs / 15)), () => fetch(`${base}/api/v1/dashboard${query}`, { headers }));
    rows.push(
      await measure(`${url ? 'postgres' : 'pglite'}: GET /api/v1/dashboard${query} as ${who}`, runs, () =>
        fetch(`${base}/api/v1/dashboard${query}`, { headers }),
      ),
    );
  }
  for (const row of rows) console.log(row.join(' | '));
} finally {
  await stop(server.child);
}
