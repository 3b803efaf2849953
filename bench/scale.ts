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
import { periodKeyOf } from '../server/lib/scheduler';
import type { Copy } from './bulk';
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
export function rng(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    // The high bits: an LCG's low bits repeat with short periods (the lowest alternates).
    return Math.floor((state / 4_294_967_296) * n);
  };
}

const pickFrom = <T>(r: (n: number) => number, values: readonly T[]) => values[r(values.length)] as T;

/** A UUID (version-4 layout) drawn from `r`, so generated rows keep their ids from run to run. */
export function seededUuid(r: (n: number) => number) {
  // Four whole states of the stream: distinct for 2^30 UUIDs (the generator's period is 2^32).
  const hex = Array.from({ length: 4 }, () => r(4_294_967_296).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${(8 + r(4)).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Drops and creates database `name` on the server of `adminUrl`; answers its URL. */
/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return databaseUrl(adminUrl, name);
}

/** Runs one statement on the database being seeded (PostgreSQL through `pg`, or PGlite). */
export type Run = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * How the synthetic projects are spread. `uniform` (the scale benchmarks, comparable from run to run): every unit and
 * investment from 10 to 5,000 million yuan equally likely. `realistic` (bench/data.ts): a few units own many projects
 * (Zipf, s = 1.1, over the district's units) and investments are log-normal (median 80 million yuan, most between
 * 20 and 300 million, a few in the billions).
 */
export type Shape = 'uniform' | 'realistic';

/** A standard normal value from two uniform draws of `r` (Box–Muller). */
function normal(r: (n: number) => number) {
  const u = (r(1_000_000) + 1) / 1_000_001;
  const v = (r(1_000_000) + 1) / 1_000_001;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Picks index i of n with weight 1 / (i + 1)^1.1: the first units own most projects. */
export function zipfPicker(r: (n: number) => number, n: number) {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** 1.1);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  return () => {
    const x = (r(1_000_000) / 1_000_000) * sum;
    const i = cumulative.findIndex((c) => c >= x);
    return i < 0 ? n - 1 : i;
  };
}

/** Seeds through a `pg` client on `url` (the scale benchmarks' way in). */
export async function seedProjects(url: string, count: number, shape: Shape = 'uniform') {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedProjectsWith((text, params) => client.query(text, params), count, shape);
  await client.end();
}

/** What the rest of the generator (bench/ledger.ts) needs to know of a synthetic project. */
export type SeededProject = {
  id: string;
  name: string;
  leadUnitId: string;
  pool: string;
  totalInvestmentYuan: number;
  plannedStart: string;
};

/**
 * Inserts `count` projects (with a leader each) into the demo district, 5,000 a statement — by COPY when `copy` is
 * given — and answers them. `finish` (default): records today's warning recompute as done and vacuums (the data
 * generator does that once, after its other rows).
 */
export async function seedProjectsWith(
  run: Run,
  count: number,
  shape: Shape = 'uniform',
  { copy, finish = true }: { copy?: Copy; finish?: boolean } = {},
): Promise<SeededProject[]> {
  const seeded: SeededProject[] = [];
  const one = async <T>(text: string) => (await run(text)).rows as T[];
  const unitIds = (await one<{ id: string }>(`select id from units where region_code = '${REGION}'`)).map((u) => u.id);
  const leaderIds = (await one<{ id: string }>(`select id from users where role_code = 'leader'`)).map((u) => u.id);
  const streets = (await one<{ code: string }>(`select code from regions where parent_code = '${REGION}'`)).map((s) => s.code);
  const categories = (await one<{ code: string }>(`select code from dictionary_items where type = 'project_category'`)).map((c) => c.code);
  const industries = (
    await one<{ code: string }>(`select code from dictionary_items where type = 'industry' and parent_code is not null`)
  ).map((c) => c.code);
  const r = rng(20261123);
  const unitIndex = zipfPicker(r, unitIds.length);
  const pickUnit = () => (shape === 'realistic' ? (unitIds[unitIndex()] as string) : pickFrom(r, unitIds));
  // Yuan, a multiple of 10,000 (万元): log-normal around 80 million, clamped to 1 million … 20 billion.
  const investment = () =>
    shape === 'realistic'
      ? Math.min(2e10, Math.max(1e6, Math.round(Math.exp(Math.log(8e7) + 1.1 * normal(r)) / 10_000) * 10_000))
      : (1 + r(500)) * 10_000_000;
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const projects = [];
    const leaders = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = seededUuid(r);
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
        total_investment_yuan: investment(),
        planned_start: `${startYear}-0${1 + r(9)}-15`,
        planned_completion: `${startYear + 2}-1${r(3)}-20`,
        lead_unit_id: pickUnit(),
        pool,
        // A colour as the recompute leaves it (1 green, 2 yellow, 3 red): a quarter red, a quarter yellow.
        warning_level: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3][r(20)],
        // A point on the map (一张图) in and around 天桥区 for 19 in 20; the rest not placed yet.
        longitude: r(20) === 0 ? null : Number((116.95 + r(100_000) / 1_000_000).toFixed(6)),
        latitude: r(20) === 0 ? null : Number((36.66 + r(120_000) / 1_000_000).toFixed(6)),
      });
      leaders.push({ project_id: id, user_id: pickFrom(r, leaderIds) });
      const p = projects[projects.length - 1] as (typeof projects)[number];
      seeded.push({
        id,
        name,
        leadUnitId: p.lead_unit_id,
        pool,
        totalInvestmentYuan: p.total_investment_yuan,
        plannedStart: p.planned_start,
      });
    }
    if (copy) {
      const columns = Object.keys(projects[0] ?? {});
      await copy(
        'projects',
        columns,
        projects.map((p) => Object.values(p)),
      );
      await copy(
        'project_leaders',
        ['project_id', 'user_id'],
        leaders.map((l) => [l.project_id, l.user_id]),
      );
      continue;
    }
    const columns = Object.keys(projects[0] ?? {}).join(', ');
    await run(`insert into projects (${columns}) select ${columns} from json_populate_recordset(null::projects, $1)`, [
      JSON.stringify(projects),
    ]);
    await run(
      'insert into project_leaders (project_id, user_id) select project_id, user_id from json_populate_recordset(null::project_leaders, $1)',
      [JSON.stringify(leaders)],
    );
  }
  if (finish) await finishSeeding(run);
  return seeded;
}

/**
 * After a bulk load: today's nightly recompute recorded as done, and the tables vacuumed and analysed.
 */
export async function finishSeeding(run: Run, jobs: string[] = ['recompute-warnings']) {
  // The seeded colours stand for a district's month. The server started for the measurements must not recompute them
  // from the synthetic projects' absent plans and reports (nearly all would turn green while being measured), so
  // today's nightly recompute is recorded as done.
  for (const job of jobs)
    await run(
      `insert into job_runs (job, period_key, instance_id, finished_at, outcome) values ($1, $2, 'bench', now(), '{}')
       on conflict do nothing`,
      [job, periodKeyOf('daily', new Date())],
    );
  // Vacuumed as autovacuum leaves a table some time after a bulk load: the visibility map set, so index-only scans
  // (the list's count) read no rows, as they do in a running district.
  await run('vacuum analyze');
}

/**
 * Seeds a fresh database (`name`) with the demo district and `projects` more projects (SCALE_PROJECTS unless given);
 * answers its URL.
 */
export async function prepareScaleDatabase(adminUrl: string, { name = 'lantu_bench_scale', projects = SCALE_PROJECTS, port = 3292 } = {}) {
  const url = await createDatabase(adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-scale-'));
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  await stop(first.child);
  const started = performance.now();
  await seedProjects(url, projects);
  return { url, dataDir, seedMs: Math.round(performance.now() - started) };
}

/** The scale measures; `name` and `port` let a second bench run beside another on the same machine. */
export async function scaleBench(adminUrl: string, { name = 'lantu_bench_scale', port = 3292, runs = 200 } = {}) {
  const { url, dataDir, seedMs } = await prepareScaleDatabase(adminUrl, { name, port });
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
    // The one map: every placed project of the 100,000 as compact columns (issue 16's budget: ≤ 300 ms).
    await measure(label('GET /map/projects (all points, ~95,000 placed)'), Math.min(runs, 30), get('/api/v1/map/projects')),
    await measure(
      label('GET /map/projects?warning=red&pool=implementing'),
      Math.min(runs, 100),
      get('/api/v1/map/projects?warning=red&pool=implementing'),
    ),
    await measure(label('GET /projects/:id'), 200, get(`/api/v1/projects/${projectId}`)),
    await measure(label('GET /projects/:id/plan'), 200, get(`/api/v1/projects/${projectId}/plan`)),
    await measure(label('GET /projects/:id/timeline'), 200, get(`/api/v1/projects/${projectId}/timeline`)),
    [label('server RSS after the runs'), '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
  ];
  await stop(server.child);
  return rows;
}
