/**
 * Monthly scoring at 2,000 units on PostgreSQL (issue 15's budget: scoring 2,000 units ≤ 10 s). A fresh database gets
 * the demo district (its rule is the demo formula), 2,000 more units in it and 20,000 projects spread over its units
 * (bench/scale.ts's generator) with the data every variable reads (plans, completed months, pledges, a broken-down
 * new-start target, signed leads of a 500强 enterprise), then the office takes this month's snapshot — every unit's variables, the formula
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

/**
 * What the variables read, for every project and unit of the bench: an annual plan per project and its completed
 * months of this year, three pledges per unit (one done), a 新开工项目 indicator broken down to every unit, and a
 * signed lead on a fifth of the projects from an enterprise tagged 世界500强 (so fortune500_projects and the signed
 * value have rows to count).
 */
async function seedVariableSources(url: string, year: number, month: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `insert into annual_plans (project_id, year, version_no, planned_yuan, monthly_yuan)
     select id, $1, 1, 12000000, array_fill(1000000::bigint, array[12]) from projects on conflict do nothing`,
    [year],
  );
  await client.query(
    `insert into project_month_investment (project_id, year, month, completed_yuan)
     select p.id, $1, m, 900000 from projects p cross join generate_series(1, $2::int) m on conflict do nothing`,
    [year, month],
  );
  await client.query(
    `insert into commitments (region_code, year, kind, unit_id, title, target_value, measure, deadline, done, done_on)
     select $1, $2, 'pledge', u.id, '考核测试承诺' || g, 1, 'item', make_date($2, g * 4, 1), g = 1, case when g = 1 then make_date($2, 1, 15) end
     from units u cross join generate_series(1, 3) g where u.name like '考核测试单位%'`,
    [REGION, year],
  );
  const owner = await client.query(`select id, unit_id from users where username = 'office'`);
  const { id: ownerId, unit_id: ownerUnit } = owner.rows[0] as { id: string; unit_id: string };
  const indicator = await client.query(
    `insert into indicators (region_code, year, name, measure, target_value, owner_unit_id, source, computation)
     values ($1, $2, '考核测试新开工项目', 'item', 4000, $3, 'computed', 'new_starts') returning id`,
    [REGION, year, ownerUnit],
  );
  await client.query(
    `insert into indicator_breakdowns (indicator_id, unit_id, target_value) select $1, id, 2 from units where name like '考核测试单位%'`,
    [indicator.rows[0].id],
  );
  const enterprise = await client.query(
    `insert into enterprises (region_code, name, name_pinyin, name_key, kind, abroad, tags)
     values ($1, '考核测试五百强公司', 'khcs', '考核测试五百强', 'target', true, '{fortune500}') returning id`,
    [REGION],
  );
  await client.query(
    `with signed as (
       insert into leads (region_code, name, enterprise_id, method, owner_id, unit_id, stage, stage_on, received_on,
         contract_value_yuan, contract_date, project_id)
       select $1, '考核测试线索' || p.id, $2, 'project', $3, p.lead_unit_id, 'signed', make_date($4, 1, 10), make_date($4, 1, 1),
         100000000, make_date($4, 1, 10), p.id
       from projects p where p.lead_unit_id is not null and abs(hashtext(p.id::text)) % 5 = 0
       returning id)
     insert into lead_stage_moves (lead_id, to_stage, "on") select id, 'signed', make_date($4, 1, 10) from signed`,
    [REGION, enterprise.rows[0].id, ownerId, year],
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
  const today = todayInChina();
  const month = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  await seedVariableSources(url, month.year, month.month);
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port);
  const base = `http://127.0.0.1:${port}`;
  const headers = { ...(await signIn(base)), 'content-type': 'application/json' };
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
