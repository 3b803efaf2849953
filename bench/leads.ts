/**
 * The leads board at 50,000 leads on PostgreSQL (issue 17's budget: the board filtered to a unit, p95 ≤ 80 ms). A fresh
 * database gets the demo district, then synthetic leads spread over its units, methods, stages and owners, inserted in
 * bulk as bench/scale.ts inserts projects. Run alone with `npx tsx bench/leads.ts` (BENCH_DATABASE_URL required;
 * BENCH_DATABASE_NAME names the scratch database, lantu_bench_leads by default, BENCH_PORT the server's port).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { addDays, todayInChina } from '../common/domain/dates';
import { LEAD_METHODS, LEAD_STAGES } from '../common/enums';
import { measure, rssMb, signIn, startServer, stop } from './lib';
import { createDatabase, databaseUrl, rng } from './scale';

export const BENCH_LEADS = Number(process.env.BENCH_LEADS ?? 50_000);
const REGION = '370105';
const SUBJECTS = ['新材料', '智能装备', '医疗器械', '生物医药', '数字经济', '检验检测', '农机装备', '总部经济', '冷链物流', '新能源'];

/** Inserts `count` leads into the demo district, 5,000 a statement. */
async function seedLeads(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async <T>(text: string) => (await client.query(text)).rows as T[];
  const unitIds = (await one<{ id: string }>(`select id from units where region_code = '${REGION}'`)).map((u) => u.id);
  const ownerIds = (await one<{ id: string }>(`select id from users`)).map((u) => u.id);
  const r = rng(20261206);
  const today = todayInChina();
  for (let start = 0; start < count; start += 5_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      const received = addDays(today, -r(700));
      rows.push({
        id: crypto.randomUUID(),
        region_code: REGION,
        name: `${SUBJECTS[r(SUBJECTS.length)]}产业项目（${i + 1}号）`,
        method: LEAD_METHODS[r(LEAD_METHODS.length)],
        owner_id: ownerIds[r(ownerIds.length)],
        unit_id: unitIds[r(unitIds.length)],
        estimated_investment_yuan: (1 + r(300)) * 10_000_000,
        out_of_city_percent: 50,
        out_of_province_percent: 20,
        foreign_percent: 0,
        industry_code: '34',
        stage: LEAD_STAGES[r(LEAD_STAGES.length)],
        stage_on: received,
        received_on: received,
        last_contact_on: r(3) === 0 ? null : addDays(received, r(30)),
        dropped_reason: null as string | null,
      });
    }
    for (const row of rows) if (row.stage === 'dropped') row.dropped_reason = '企业投资计划调整';
    const columns = Object.keys(rows[0] ?? {}).join(', ');
    await client.query(`insert into leads (${columns}) select ${columns} from json_populate_recordset(null::leads, $1)`, [
      JSON.stringify(rows),
    ]);
  }
  await client.query('vacuum analyze');
  await client.end();
  return busiestUnit(url);
}

/**
 * Waits until the jobs the server starts with have finished: on a freshly seeded database the daily lead reminders
 * write tens of thousands of rows (minutes on a loaded machine), and the board measured beside them measures them.
 */
async function jobsSettled(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await new Promise((r) => setTimeout(r, 3_000));
  // A run left unfinished by a server stopped earlier is not waited for (the scheduler takes it over later).
  const running = `select count(*)::int n from job_runs where finished_at is null and started_at > now() - interval '30 minutes'`;
  for (let waited = 0; waited < 30 * 60; waited++) {
    const { rows } = await client.query<{ n: number }>(running);
    if (rows[0]?.n === 0) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  await client.end();
}

/** The unit with the most leads: the board the bench asks for. */
async function busiestUnit(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ unit_id: string; n: number }>(
    'select unit_id, count(*)::int n from leads group by unit_id order by n desc limit 1',
  );
  await client.end();
  return rows[0];
}

/** The board's measures; `name` and `port` let it run beside another bench. */
export async function leadsBench(
  adminUrl: string,
  { name = 'lantu_bench_leads', port = 3293, runs = 200, nodeArgs = [] as string[], reuse = false } = {},
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-leads-'));
  const started = performance.now();
  const url = reuse ? databaseUrl(adminUrl, name) : await createDatabase(adminUrl, name);
  if (!reuse) {
    const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
    await stop(first.child);
  }
  const busiest = reuse ? await busiestUnit(url) : await seedLeads(url, BENCH_LEADS);
  const seedMs = Math.round(performance.now() - started);
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port, nodeArgs);
  await jobsSettled(url);
  const base = `http://127.0.0.1:${port}`;
  const headers = await signIn(base);
  const get = (p: string) => () => fetch(`${base}${p}`, { headers });
  const label = (text: string) => `postgres, ${BENCH_LEADS.toLocaleString('en')} leads: ${text}`;
  const unit = busiest?.unit_id ?? '';
  const pid = server.child.pid;
  await measure('warm-up', 20, get(`/api/v1/leads?unitId=${unit}&pageSize=300`));
  const rows = [
    [label(reuse ? 'reused database' : 'bulk seed'), `${seedMs} ms`, ''],
    await measure(
      label(`GET /leads?unitId=… (the board, pageSize=300; ${busiest?.n ?? 0} leads in the unit)`),
      runs,
      get(`/api/v1/leads?unitId=${unit}&pageSize=300`),
      pid,
    ),
    await measure(label('GET /leads?unitId=…&pageSize=20'), runs, get(`/api/v1/leads?unitId=${unit}&pageSize=20`), pid),
    await measure(label('GET /leads?unitId=…&overdue=true'), runs, get(`/api/v1/leads?unitId=${unit}&overdue=true&pageSize=300`), pid),
    await measure(label('GET /leads (whole district, pageSize=300)'), Math.min(runs, 100), get('/api/v1/leads?pageSize=300'), pid),
    [label('server RSS after the runs'), '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
  ];
  await stop(server.child);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  const rows = await leadsBench(url, {
    name: process.env.BENCH_DATABASE_NAME ?? 'lantu_bench_leads',
    port: Number(process.env.BENCH_PORT ?? 3293),
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": the server's Node flags, for a profile of the runs.
    nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    // BENCH_REUSE=1: measure an already seeded BENCH_DATABASE_NAME again instead of creating and seeding it.
    reuse: process.env.BENCH_REUSE === '1',
  });
  for (const row of rows) console.log(row.join(' | '));
}
