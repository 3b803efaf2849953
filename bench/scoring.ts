/**
 * Monthly scoring at 2,000 units on PostgreSQL (issue 15's budget: scoring 2,000 units ≤ 10 s). A fresh database gets
 * the demo district (its rule is the demo formula), 2,000 more units in it and 20,000 projects spread over its units
 * (bench/scale.ts's generator), then the office takes this month's snapshot — every unit's variables, the formula
 * evaluated with its terms, the ranking and the rows stored in one transaction — three times (the current month may be
 * taken again), and reads the ranking. Run alone with `npx tsx bench/scoring.ts` (BENCH_DATABASE_URL required).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { todayInChina } from '../common/domain/dates';
import { measure, rssMb, signIn, startServer, stop } from './lib';
import { createDatabase, seedProjects } from './scale';

export const BENCH_SCORING_UNITS = Number(process.env.BENCH_SCORING_UNITS ?? 2_000);
const REGION = '370105';

async function seedUnits(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `with ids as (select gen_random_uuid() id, g from generate_series(1, $1::int) g)
     insert into units (id, name, kind, region_code, path) select id, '考核测试单位' || g, 'bureau', $2, id::text || '/' from ids`,
    [count, REGION],
  );
  await client.query('vacuum analyze');
  await client.end();
}

export async function scoringBench(adminUrl: string, { name = 'lantu_bench_scoring', port = 3294 } = {}) {
  const url = await createDatabase(adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-scoring-'));
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  await stop(first.child);
  await seedUnits(url, BENCH_SCORING_UNITS);
  await seedProjects(url, BENCH_SCORING_UNITS * 10);
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port);
  const base = `http://127.0.0.1:${port}`;
  const headers = { ...(await signIn(base)), 'content-type': 'application/json' };
  const today = todayInChina();
  const month = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const label = (text: string) =>
    `postgres, ${BENCH_SCORING_UNITS.toLocaleString('en')} more units, ${(BENCH_SCORING_UNITS * 10).toLocaleString('en')} projects: ${text}`;
  const rows = [
    await measure(label('POST /assessment/scores (this month: score, rank, store every unit; budget 10 s)'), 3, () =>
      fetch(`${base}/api/v1/assessment/scores`, { method: 'POST', headers, body: JSON.stringify(month) }),
    ),
    await measure(label('GET /assessment/scores (the ranking with every explanation)'), 20, () =>
      fetch(`${base}/api/v1/assessment/scores?year=${month.year}&month=${month.month}`, { headers }),
    ),
    [label('server RSS after the runs'), '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
  ];
  await stop(server.child);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  for (const row of await scoringBench(url, { name: process.env.BENCH_SCORING_DATABASE ?? 'lantu_bench_scoring' }))
    console.log(row.join(' | '));
}
