/**
 * The demo district's dashboard (issue 16: p95 ≤ 50 ms on PGlite), alone: `lantu serve` on a fresh PGlite data folder
 * (or BENCH_DATABASE_URL), signed in as the project office (the units' kept figures answer) and as a leader in charge
 * of projects (`leader`: his whole scope, and his own projects with `leader=me` — his page's default; the live
 * statements over his projects answer him), 300 requests each one at a time after 20 to warm up.
 *
 *   npx tsx bench/dashboard.ts            (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/dashboard.ts
 *   BENCH_RUNS=30 …                        (fewer requests a row: the province's leader takes seconds before the fix)
 *   BENCH_REALISTIC_LEADER=80 …            (PostgreSQL: also a leader in charge of 80 projects, see below)
 *
 * The generated data (bench/scale.ts) put each project in the charge of one of the 8 demo users of role `leader`:
 * `leader` leads 12,429 of the province's projects, which no district leader does (a 包抓领导 is in charge of tens to a
 * few hundred) — the stress figure. BENCH_REALISTIC_LEADER=N adds a realistic one: user `bench_leader_N`, made once as a
 * copy of `leader` (unit, role, `own` scope, password) and put in charge of N projects of `leader`'s district (the
 * first N by id: random ones); it writes that user and those N rows of project_leaders into the database measured.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { measure, signIn, startServer, stop } from './lib';

const url = process.env.BENCH_DATABASE_URL;
const realistic = Number(process.env.BENCH_REALISTIC_LEADER ?? 0);

/** Makes `bench_leader_N` (once) in charge of N projects of `leader`'s district; answers his username. */
async function realisticLeader(databaseUrl: string, projects: number): Promise<string> {
  const username = `bench_leader_${projects}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into users (username, display_name, unit_id, role_code, data_scope, password_hash, must_change_password, password_changed_at)
       select $1, $1, unit_id, role_code, data_scope, password_hash, false, now() from users where username = 'leader'
       on conflict do nothing`,
      [username],
    );
    await client.query(
      `insert into project_leaders (project_id, user_id)
       select p.id, (select id from users where username = $1) from projects p
       where p.region_code = (select u.region_code from users l join units u on u.id = l.unit_id where l.username = 'leader')
       order by p.id limit $2
       on conflict do nothing`,
      [username, projects],
    );
    await client.query('analyze project_leaders');
  } finally {
    await client.end();
  }
  return username;
}

const readers: (readonly [string, string])[] = [
  ['office', ''],
  ['office', '?year=2025'],
  ['leader', ''],
  ['leader', '?leader=me'],
];
if (realistic > 0) {
  if (!url) throw new Error('BENCH_REALISTIC_LEADER needs BENCH_DATABASE_URL (PostgreSQL)');
  const who = await realisticLeader(url, realistic);
  readers.push([who, ''], [who, '?leader=me']);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-dash-'));
const port = Number(process.env.BENCH_PORT ?? 3312);
/** Requests measured per row (BENCH_RUNS, 300) after a twentieth as many (at least 5) to warm up. */
const runs = Number(process.env.BENCH_RUNS ?? 300);
const env: Record<string, string> = { LANTU_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url, LANTU_DEMO: '1' } : {}) };
const server = await startServer(env, port);
try {
  const base = `http://127.0.0.1:${port}`;
  const rows: string[][] = [];
  for (const [who, query] of readers) {
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
