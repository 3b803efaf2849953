/**
 * The public city opportunity list under load (issue 17: ≥ 2,000 requests/s from one instance on PostgreSQL with p99 ≤
 * 50 ms). Starts `lantu serve` on a fresh PostgreSQL database with the demo district (its ten published items), the
 * per-address limit lifted (LANTU_PUBLIC_RATE_LIMIT: the load comes from one address), and loads the public list and
 * one public item with autocannon from the same machine (OPP_CONNECTIONS connections, 20; OPP_SECONDS a run, 10).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/opportunities.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { root, startServer, stop } from './lib';

const DATABASE = process.env.OPP_DATABASE ?? 'lantu_bench_opportunities';
const CONNECTIONS = Number(process.env.OPP_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.OPP_SECONDS ?? 10);
const BUDGET = { rps: 2_000, p99: 50 };

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
};

function autocannon(url: string, seconds: number): AutocannonResult {
  const bin = path.join(root, 'node_modules', '.bin', 'autocannon');
  const out = spawnSync(bin, ['-c', String(CONNECTIONS), '-d', String(seconds), '-j', url], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (out.status !== 0) throw new Error(`autocannon failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as AutocannonResult;
}

async function freshDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** Result rows: the public list and one public item, req/s and p99 against the budget. */
export async function opportunitiesBench(adminUrl: string): Promise<string[][]> {
  const url = await freshDatabase(adminUrl);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-opp-'));
  const port = 3294;
  const server = await startServer(
    { LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1', LANTU_PUBLIC_RATE_LIMIT: '10000000' },
    port,
  );
  const rows: string[][] = [];
  try {
    const base = `http://127.0.0.1:${port}/api/v1/public/opportunities`;
    const list = (await (await fetch(base)).json()) as { items: { id: string }[]; total: number };
    if (list.total < 10) throw new Error(`the demo's public list has ${list.total} items, expected 10`);
    for (const [label, target] of [
      [`postgres: GET /api/v1/public/opportunities (${list.total} published, ${CONNECTIONS} connections)`, base],
      ['postgres: GET /api/v1/public/opportunities/:publicId', `${base}/${list.items[0]?.id}`],
    ] as const) {
      autocannon(target, 2); // warm-up
      const r = autocannon(target, SECONDS);
      const failed = r.non2xx + r.errors;
      const verdict = r.requests.average >= BUDGET.rps && r.latency.p99 <= BUDGET.p99 && !failed ? 'within' : 'OVER';
      rows.push([
        label,
        `${Math.round(r.requests.average)} req/s`,
        `p99 ${r.latency.p99} ms (p50 ${r.latency.p50} ms; ${failed} failed; ${verdict} budget ≥ ${BUDGET.rps} req/s, p99 ≤ ${BUDGET.p99} ms)`,
      ]);
    }
  } finally {
    await stop(server.child);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL');
  for (const row of await opportunitiesBench(adminUrl)) console.log(row.join(' | '));
}
