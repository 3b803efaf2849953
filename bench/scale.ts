/**
 * The project library at 100,000 projects on PostgreSQL (issue 3's budgets: list with filters and sort p95 ≤ 50 ms,
 * name or pinyin search p95 ≤ 80 ms, project page p95 ≤ 50 ms). A fresh database gets the demo district, then
 * synthetic projects spread over its real units, streets, categories and leaders, inserted in bulk.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pinyinInitials } from '../server/lib/pinyin';
import { measure, rssMb, signIn, startServer, stop } from './lib';

export const SCALE_PROJECTS = Number(process.env.BENCH_SCALE_PROJECTS ?? 100_000);
const REGION = '370105';
const PLACES = [
  '华山',
  '王舍人',
  '唐冶',
  '港沟',
  '遥墙',
  '临港',
  '董家',
  '郭店',
  '荷花路',
  '鲍山',
  '山大路',
  '洪家楼',
  '东风',
  '全福',
  '孙村',
  '彩石',
  '柳埠',
  '仲宫',
  '西营',
  '雪山',
];
const SUBJECTS = [
  '智能制造',
  '新能源汽车',
  '生物医药',
  '数字经济',
  '文旅综合体',
  '城市更新',
  '棚户区改造',
  '道路提升',
  '综合管廊',
  '污水处理',
  '学校',
  '医院',
  '人才公寓',
  '物流园',
  '产业园',
  '科创中心',
  '数据中心',
  '商业综合体',
  '安置房',
  '公园',
];
const SUFFIXES = ['项目', '一期工程', '二期工程', '建设项目', '提升工程', '改造工程'];
const POOLS = ['planning', 'advancing', 'implementing', 'implementing', 'completed'] as const;
const NATURES = ['new_start', 'continuing', 'completing', 'reserve'] as const;

/** A small deterministic generator, so every run measures the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

const pickFrom = <T>(r: (n: number) => number, values: readonly T[]) => values[r(values.length)] as T;

async function createDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Inserts `count` projects (with a leader each) into the demo district, 5,000 a statement. */
async function seedProjects(url: string, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async <T>(text: string) => (await client.query(text)).rows as T[];
  const unitIds = (await one<{ id: string }>(`select id from units where region_code = '${REGION}'`)).map((u) => u.id);
  const leaderIds = (await one<{ id: string }>(`select id from users where role_code = 'leader'`)).map((u) => u.id);
  const streets = (await one<{ code: string }>(`select code from regions where parent_code = '${REGION}'`)).map((s) => s.code);
  const categories = (await one<{ code: string }>(`select code from dictionary_items where type = 'project_category'`)).map((c) => c.code);
  const industries = (
    await one<{ code: string }>(`select code from dictionary_items where type = 'industry' and parent_code is not null`)
  ).map((c) => c.code);
  const r = rng(20261123);
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const projects = [];
    const leaders = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = crypto.randomUUID();
      const name = `${pickFrom(r, PLACES)}${pickFrom(r, SUBJECTS)}${pickFrom(r, SUFFIXES)}（${i + 1}号）`;
      const pool = pickFrom(r, POOLS);
      const startYear = 2022 + r(5);
      projects.push({
        id,
        region_code: REGION,
        name,
        name_pinyin: pinyinInitials(name),
        code: pool === 'planning' ? null : `2301-${REGION}-04-01-${String(i).padStart(6, '0')}`,
        code_region_code: pool === 'planning' ? null : REGION,
        category_code: pickFrom(r, categories),
        industry_code: pickFrom(r, industries),
        is_provincial_key: r(50) === 0,
        is_city_key: r(10) === 0,
        nature: pickFrom(r, NATURES),
        street_code: pickFrom(r, streets),
        total_investment_yuan: (1 + r(500)) * 10_000_000,
        planned_start: `${startYear}-0${1 + r(9)}-15`,
        planned_completion: `${startYear + 2}-1${r(3)}-20`,
        lead_unit_id: pickFrom(r, unitIds),
        pool,
        // A colour as the recompute leaves it (1 green, 2 yellow, 3 red): a quarter red, a quarter yellow.
        warning_level: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3][r(20)],
      });
      leaders.push({ project_id: id, user_id: pickFrom(r, leaderIds) });
    }
    const columns = Object.keys(projects[0] ?? {}).join(', ');
    await client.query(`insert into projects (${columns}) select ${columns} from json_populate_recordset(null::projects, $1)`, [
      JSON.stringify(projects),
    ]);
    await client.query(
      'insert into project_leaders (project_id, user_id) select project_id, user_id from json_populate_recordset(null::project_leaders, $1)',
      [JSON.stringify(leaders)],
    );
  }
  // Vacuumed as autovacuum leaves a table some time after a bulk load: the visibility map set, so index-only scans
  // (the list's count) read no rows, as they do in a running district.
  await client.query('vacuum analyze');
  await client.end();
}

/**
 * Seeds a fresh database (`name`) with the demo district and `projects` more projects (SCALE_PROJECTS unless given);
 * answers its URL.
 */
export async function prepareScaleDatabase(adminUrl: string, { name = 'lantu_bench_scale', projects = SCALE_PROJECTS } = {}) {
  const url = await createDatabase(adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-scale-'));
  const port = 3292;
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  await stop(first.child);
  const started = performance.now();
  await seedProjects(url, projects);
  return { url, dataDir, seedMs: Math.round(performance.now() - started) };
}

export async function scaleBench(adminUrl: string) {
  const { url, dataDir, seedMs } = await prepareScaleDatabase(adminUrl);
  const port = 3292;
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port);
  const base = `http://127.0.0.1:${port}`;
  const headers = await signIn(base);
  const get = (p: string) => () => fetch(`${base}${p}`, { headers });
  const label = (text: string) => `postgres, ${SCALE_PROJECTS.toLocaleString('en')} projects: ${text}`;
  const first = (await (await fetch(`${base}/api/v1/projects?pageSize=1&sort=name`, { headers })).json()) as {
    items: { id: string }[];
  };
  const projectId = first.items[0]?.id ?? '';
  const rows = [
    [label('bulk seed'), `${seedMs} ms`, ''],
    await measure(
      label('GET /projects?pool=implementing&sort=-totalInvestmentYuan'),
      200,
      get('/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50'),
    ),
    await measure(
      label('GET /projects?nature=new_start&level=city&sort=name'),
      200,
      get('/api/v1/projects?nature=new_start&level=city&sort=name&pageSize=50'),
    ),
    await measure(label('GET /projects?year=2026&sort=-updatedAt&page=40'), 200, get('/api/v1/projects?year=2026&pageSize=50&page=40')),
    await measure(label('GET /projects?q=智能制造 (name)'), 200, get(`/api/v1/projects?q=${encodeURIComponent('智能制造')}&pageSize=50`)),
    await measure(label('GET /projects?q=hszncz (pinyin initials)'), 200, get('/api/v1/projects?q=hszncz&pageSize=50')),
    await measure(
      label('GET /projects?q=2301-370105-04-01-0421 (code)'),
      200,
      get('/api/v1/projects?q=2301-370105-04-01-0421&pageSize=50'),
    ),
    await measure(
      label('GET /projects?warning=red&sort=-totalInvestmentYuan (colour filter)'),
      200,
      get('/api/v1/projects?warning=red&sort=-totalInvestmentYuan&pageSize=50'),
    ),
    await measure(
      label('GET /projects?warning=red,yellow&sort=-warning'),
      200,
      get(`/api/v1/projects?warning=red,yellow&sort=-warning&pageSize=50`),
    ),
    await measure(label('GET /projects/totals?pool=implementing (count and sums)'), 200, get('/api/v1/projects/totals?pool=implementing')),
    await measure(label('GET /warnings/summary?by=unit'), 50, get('/api/v1/warnings/summary?by=unit')),
    await measure(label('GET /projects/:id'), 200, get(`/api/v1/projects/${projectId}`)),
    await measure(label('GET /projects/:id/plan'), 200, get(`/api/v1/projects/${projectId}/plan`)),
    await measure(label('GET /projects/:id/timeline'), 200, get(`/api/v1/projects/${projectId}/timeline`)),
    [label('server RSS after the runs'), '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
  ];
  await stop(server.child);
  return rows;
}
