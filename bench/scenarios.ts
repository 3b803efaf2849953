/**
 * Scenarios under load (issue 18) on a generated data set: project list, search, project page, dashboard, 未报送 and
 * the public opportunity list, each loaded by autocannon at 10 and 50 connections, signed in as the project office.
 * Prints scenario / connections / figure / budget / pass-fail and writes bench/results/<date>-<scale>.json.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scenarios.ts --scale district
 *   npx tsx bench/scenarios.ts --scale district --pglite     (PGlite, a fresh data folder)
 *
 * The data set is made by bench/data.ts (`--database NAME` reuses or names the PostgreSQL one). SCENARIO_SECONDS (10)
 * a run. The budgets are issue 18's (written for a province on PostgreSQL; the district's dashboard on PGlite has
 * its own). The load generator runs on the same cores as the server and the database: a shared machine's figures.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate, type Scale, SCALES } from './data';
import { type LoadResult, load, root, signIn, startServer, stop } from './lib';

const SECONDS = Number(process.env.SCENARIO_SECONDS ?? 10);
const CONNECTIONS = [10, 50];

/** A budget: p95 at most `p95` ms, or at least `reqPerSec`. */
type Budget = { p95?: number; reqPerSec?: number };
type Scenario = { name: string; path: string; signedIn: boolean; budget: Budget };

function scenarios(projectId: string, periodId: string | null, pglite: boolean): Scenario[] {
  const list: Scenario[] = [
    {
      name: 'project list, filtered and sorted',
      path: '/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50',
      signedIn: true,
      budget: { p95: 50 },
    },
    {
      name: 'search by name',
      path: `/api/v1/projects?q=${encodeURIComponent('智能制造')}&pageSize=50`,
      signedIn: true,
      budget: { p95: 80 },
    },
    { name: 'search by pinyin initials', path: '/api/v1/projects?q=zncz&pageSize=50', signedIn: true, budget: { p95: 80 } },
    { name: 'project page', path: `/api/v1/projects/${projectId}`, signedIn: true, budget: { p95: 50 } },
    { name: 'dashboard', path: '/api/v1/dashboard', signedIn: true, budget: { p95: pglite ? 50 : 150 } },
    { name: 'public opportunity list', path: '/api/v1/public/opportunities?pageSize=50', signedIn: false, budget: { reqPerSec: 2000 } },
  ];
  if (periodId)
    list.splice(5, 0, {
      name: '未报送 (missing reports)',
      path: `/api/v1/reporting-periods/${periodId}/missing`,
      signedIn: true,
      budget: { p95: 100 },
    });
  return list;
}

const passes = (budget: Budget, r: LoadResult) =>
  r.requests > 0 &&
  r.errors === 0 &&
  (budget.p95 === undefined || r.p95 <= budget.p95) &&
  (budget.reqPerSec === undefined || r.reqPerSec >= budget.reqPerSec);
const budgetText = (b: Budget) => (b.p95 !== undefined ? `p95 ≤ ${b.p95} ms` : `≥ ${b.reqPerSec} req/s`);

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'district' }, pglite: { type: 'boolean' }, database: { type: 'string' } },
  });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const pglite = values.pglite || !process.env.BENCH_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lantu-scenarios-${scale}-`));
  const made = pglite
    ? await generate(scale, { pgliteDir: dataDir })
    : await generate(scale, { adminUrl: process.env.BENCH_DATABASE_URL, database: values.database });
  console.log(
    `data: ${scale}, ${made.projects.toLocaleString('en')} synthetic projects in ${made.ms} ms (${pglite ? 'PGlite' : 'PostgreSQL'})`,
  );
  const port = 3298;
  const server = await startServer({ LANTU_DATA_DIR: dataDir, ...(pglite ? {} : { DATABASE_URL: made.where }) }, port);
  const base = `http://127.0.0.1:${port}`;
  const { cookie } = await signIn(base);
  const headers = { cookie };
  const first = (await (await fetch(`${base}/api/v1/projects?pageSize=1&sort=-totalInvestmentYuan`, { headers })).json()) as {
    items: { id: string }[];
  };
  const periods = (await (await fetch(`${base}/api/v1/reporting-periods?pageSize=1`, { headers })).json()) as { items?: { id: string }[] };
  const rows = [];
  for (const scenario of scenarios(first.items[0]?.id ?? '', periods.items?.[0]?.id ?? null, pglite)) {
    const url = `${base}${scenario.path}`;
    const check = await fetch(url, { headers: scenario.signedIn ? headers : {} });
    if (!check.ok) throw new Error(`${scenario.name}: ${scenario.path} answered ${check.status}`);
    for (const connections of CONNECTIONS) {
      const opts = { connections, headers: scenario.signedIn ? headers : {}, pid: server.child.pid ?? 0 };
      await load(url, { ...opts, seconds: 2 });
      const result = await load(url, { ...opts, seconds: SECONDS });
      const row = {
        scenario: scenario.name,
        path: scenario.path,
        connections,
        ...result,
        budget: budgetText(scenario.budget),
        pass: passes(scenario.budget, result),
      };
      rows.push(row);
      console.log(
        `| ${row.scenario} | ${connections} | ${row.reqPerSec} req/s, p50 / p95 / p99 ${row.p50} / ${row.p95} / ${row.p99} ms, CPU ${row.cpuPerRequest ?? '—'} ms/req${row.errors ? `, ${row.errors} errors` : ''} | ${row.budget} | ${row.pass ? 'pass' : 'FAIL'} |`,
      );
    }
  }
  await stop(server.child);
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${scale}${pglite ? '-pglite' : ''}.json`);
  const machine = {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg(),
  };
  writeFileSync(
    file,
    `${JSON.stringify({ scale, database: pglite ? 'pglite' : 'postgres', at: new Date().toISOString(), machine, seconds: SECONDS, rows }, null, 2)}\n`,
  );
  console.log(`written ${path.relative(root, file)}`);
}

console.log('| scenario | connections | figure | budget | pass |\n| --- | --- | --- | --- | --- |');
await main();
