/**
 * Scenarios under load (issue 18) on a generated data set (bench/data.ts), against a real `lantu serve` on 127.0.0.1,
 * signed in as the project office (`office`, the whole district in scope):
 * - reads, each loaded by autocannon at 10 and 50 connections: project list (filtered, sorted), name and pinyin
 *   search, project page, dashboard, map data (every placed point), 未报送 (its counts by unit, then the first page of
 *   the unit with most: what its page asks), the lead board filtered to a unit, the
 *   public opportunity list (its per-address rate limit raised through LANTU_PUBLIC_RATE_LIMIT for the run), and the
 *   month's 通报 (.docx, at 1 and 10 connections);
 * - writes: the month-end burst (N report submissions at once, each a distinct project's draft of this month, so
 *   none conflicts: no error allowed, p99 reported) and matter transitions (10 workers taking assigned matters through
 *   签收 → 办理 → 反馈 → 复核 → 销号, every step timed).
 * Prints scenario / connections / figure / budget / pass-fail and writes bench/results/<date>-<scale>[-pglite].json.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scenarios.ts --scale district
 *   npx tsx bench/scenarios.ts --scale district --pglite     (PGlite, a fresh data folder)
 *   npx tsx bench/scenarios.ts --smoke                       (CI: smoke scale on PGlite, ~1 s a scenario; exit 1 only
 *                                                            when a scenario errs or answers non-2xx, never on time)
 *
 * SCENARIO_SECONDS (10; 1 with --smoke) a run; SCENARIO_BURST (500) submissions at once; SCENARIO_WRITES_ONLY=1 runs the
 * two write scenarios alone; SCENARIO_ONLY=<name> (e.g. dashboard) runs only the read scenarios whose name starts with it,
 * and no write scenario; SCENARIO_NODE_ARGS passes Node flags to the server (a CPU profile). The budgets are issue 18's,
 * written for a province on PostgreSQL (the district's
 * dashboard on PGlite has its own). The load generator runs on the same cores as the server and the database: a
 * shared machine's figures.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Generated, SCALES, type Scale, generate, verifyAudit } from './data';
import type { Fixtures } from './ledger';
import { type LoadResult, Recorder, load, pool, root, signIn, startServer, stop } from './lib';

/** A budget: p95 or p99 at most so many ms, or at least `reqPerSec`; none: only "no errors". */
type Budget = { p95?: number; p99?: number; reqPerSec?: number };
type Read = { name: string; path: string; signedIn: boolean; budget: Budget; connections?: number[] };
type Row = LoadResult & {
  scenario: string;
  path: string;
  connections: number;
  budget: string;
  pass: boolean;
  seconds?: number;
  samples?: string[];
};

/** 未报送 as its page asks: the counts by unit first, then the first page of the unit with most (when there is one). */
function missingReads(periodId: string | null, unitId: string | null): Read[] {
  if (!periodId) return [];
  const counts = {
    name: '未报送: counts by unit',
    path: `/api/v1/reporting-periods/${periodId}/missing`,
    signedIn: true,
    budget: { p95: 100 },
  };
  if (!unitId) return [counts];
  return [
    counts,
    {
      name: '未报送: one unit, first page',
      path: `/api/v1/reporting-periods/${periodId}/missing/reports?unitId=${unitId}&pageSize=10`,
      signedIn: true,
      budget: { p95: 100 },
    },
  ];
}

function reads(made: Generated, projectId: string, periodId: string | null, missingUnitId: string | null, pglite: boolean): Read[] {
  const { briefingMonth, leadUnitId } = made.fixtures;
  return [
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
    { name: 'map data (every placed project)', path: '/api/v1/map/projects', signedIn: true, budget: { p95: 300 } },
    ...missingReads(periodId, missingUnitId),
    { name: 'lead board, one unit', path: `/api/v1/leads?unitId=${leadUnitId}&pageSize=50`, signedIn: true, budget: {} },
    {
      name: 'public opportunity list (rate limit raised)',
      path: '/api/v1/public/opportunities?pageSize=50',
      signedIn: false,
      budget: { reqPerSec: 2000 },
    },
    {
      name: '通报 (monthly briefing, .docx)',
      path: `/api/v1/briefings/monthly?year=${briefingMonth.year}&month=${briefingMonth.month}`,
      signedIn: true,
      budget: {},
      connections: [1, 10],
    },
  ];
}

const passes = (budget: Budget, r: LoadResult) =>
  r.requests > 0 &&
  r.errors === 0 &&
  (budget.p95 === undefined || r.p95 <= budget.p95) &&
  (budget.p99 === undefined || r.p99 <= budget.p99) &&
  (budget.reqPerSec === undefined || r.reqPerSec >= budget.reqPerSec);
const budgetText = (b: Budget) =>
  [
    b.p95 !== undefined ? `p95 ≤ ${b.p95} ms` : '',
    b.p99 !== undefined ? `no error, p99 ≤ ${b.p99} ms` : '',
    b.reqPerSec !== undefined ? `≥ ${b.reqPerSec} req/s` : '',
  ].join('') || 'no error';

/**
 * What the write scenarios need, read from an existing generated PostgreSQL database (`--reuse`): this month's
 * complete drafts still at version 1, assigned matters at version 1, the unit with most leads, the last closed month.
 */
async function fixturesOf(url: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ids = async (text: string) => (await client.query<{ id: string }>(text)).rows.map((r) => r.id);
  const latest = `(select id from reporting_periods where region_code = '370105' order by year desc, month desc limit 1)`;
  const fixtures: Fixtures = {
    draftReports: await ids(
      `select id from progress_reports where period_id = ${latest} and status = 'draft' and version = 1 and investment_yuan is not null order by id`,
    ),
    assignedMatters: await ids(`select id from matters where status = 'assigned' and version = 1 order by id`),
    leadUnitId: (await ids(`select unit_id as id from leads group by unit_id order by count(*) desc limit 1`))[0] ?? '',
    briefingMonth: (
      await client.query<{ year: number; month: number }>(
        `select year, month from reporting_periods where region_code = '370105' and status = 'closed' order by year desc, month desc limit 1`,
      )
    ).rows[0] ?? { year: 2026, month: 1 },
  };
  await client.end();
  return fixtures;
}

/**
 * Waits until the server answers a cheap signed-in read quickly again: requests a run left queued (autocannon stops
 * sending, the server and the database go on working) must not be charged to the next scenario.
 */
async function settle(base: string, headers: Record<string, string>, maxMs = 180_000) {
  const until = Date.now() + maxMs;
  let quick = 0;
  while (Date.now() < until && quick < 2) {
    const t = performance.now();
    await (await fetch(`${base}/api/v1/auth/me`, { headers })).arrayBuffer();
    quick = performance.now() - t < 100 ? quick + 1 : 0;
    if (quick < 2) await new Promise((r) => setTimeout(r, 100));
  }
}

function print(row: Row) {
  console.log(
    `| ${row.scenario} | ${row.connections} | ${row.requests} requests, ${row.reqPerSec} req/s, p50 / p95 / p99 ${row.p50} / ${row.p95} / ${row.p99} ms, CPU ${row.cpuPerRequest ?? '—'} ms/req${row.errors ? `, **${row.errors} errors**` : ''} | ${row.budget} | ${row.pass ? 'pass' : 'FAIL'} |`,
  );
  for (const sample of row.samples ?? []) console.log(`    ${sample}`);
}

/** An existing generated database (`--reuse`, PostgreSQL): no generation, its fixtures read from it. */
async function reused(scale: Scale, adminUrl: string, name: string): Promise<Generated> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const count = async (table: string) => Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
  const counts = {
    projects: await count('projects'),
    reports: await count('progress_reports'),
    enterprises: await count('enterprises'),
    leads: await count('leads'),
    matters: await count('matters'),
    matterEntries: await count('matter_entries'),
    audit: await count('audit_events'),
  };
  await client.end();
  return {
    where: url.toString(),
    projects: SCALES[scale],
    ms: 0,
    demoMs: 0,
    counts,
    timings: {},
    fixtures: await fixturesOf(url.toString()),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'district' },
      pglite: { type: 'boolean' },
      database: { type: 'string' },
      smoke: { type: 'boolean' },
      reuse: { type: 'boolean' },
    },
  });
  const smoke = values.smoke === true;
  const scale = (smoke ? 'smoke' : values.scale) as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seconds = Number(process.env.SCENARIO_SECONDS ?? (smoke ? 1 : 10));
  const burstSize = Number(process.env.SCENARIO_BURST ?? (smoke ? 50 : 500));
  const connectionLevels = smoke ? [10] : [10, 50];
  const pglite = smoke || values.pglite === true || !process.env.BENCH_DATABASE_URL;
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lantu-scenarios-${scale}-`));
  const reuse = values.reuse === true && !pglite;
  const made: Generated = reuse
    ? await reused(scale, process.env.BENCH_DATABASE_URL ?? '', values.database ?? `lantu_bench_${scale}`)
    : pglite
      ? await generate(scale, { pgliteDir: dataDir })
      : await generate(scale, { adminUrl: process.env.BENCH_DATABASE_URL, database: values.database });
  const c = made.counts;
  console.log(
    `data: ${scale} (${pglite ? 'PGlite' : 'PostgreSQL'}), ${c.projects.toLocaleString('en')} projects, ${c.reports.toLocaleString('en')} reports, ` +
      `${c.enterprises.toLocaleString('en')} enterprises, ${c.leads.toLocaleString('en')} leads, ${c.matters.toLocaleString('en')} matters, ` +
      `${c.audit.toLocaleString('en')} audit rows in ${(made.ms / 1000).toFixed(1)} s (+ ${(made.demoMs / 1000).toFixed(1)} s migrations and demo)`,
  );
  const rows: Row[] = [];
  if (smoke) {
    // The generated audit rows chain on the log as the server's own do.
    const verified = verifyAudit(made, pglite);
    console.log(`audit verify: ${verified.output.split('\n').at(-1)}`);
    rows.push({
      scenario: 'audit chain verifies',
      path: 'lantu audit verify',
      connections: 1,
      reqPerSec: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      requests: 1,
      errors: verified.ok ? 0 : 1,
      budget: 'no error',
      pass: verified.ok,
    });
  }
  const port = Number(process.env.SCENARIO_PORT ?? 3298);
  // The public list is limited per client address (LANTU_PUBLIC_RATE_LIMIT a minute, 120 by default); one load
  // generator is one address, so the run raises it to the configuration's maximum.
  const server = await startServer(
    { LANTU_DATA_DIR: dataDir, LANTU_PUBLIC_RATE_LIMIT: '10000000', ...(pglite ? {} : { DATABASE_URL: made.where }) },
    port,
    // SCENARIO_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": the server's Node flags, for a profile of a run.
    process.env.SCENARIO_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
  );
  const pid = server.child.pid ?? 0;
  try {
    const base = `http://127.0.0.1:${port}`;
    const auth = await signIn(base);
    const headers = { cookie: auth.cookie };
    const first = (await (await fetch(`${base}/api/v1/projects?pageSize=1&sort=-totalInvestmentYuan`, { headers })).json()) as {
      items: { id: string }[];
    };
    const periods = (await (await fetch(`${base}/api/v1/reporting-periods?pageSize=1`, { headers })).json()) as {
      items?: { id: string }[];
    };
    const periodId = periods.items?.[0]?.id ?? null;
    // The unit the 未报送 page lists first (the most missing): the one a person opens.
    const missing = periodId
      ? ((await (await fetch(`${base}/api/v1/reporting-periods/${periodId}/missing`, { headers })).json()) as {
          units?: { unitId: string }[];
        })
      : {};
    console.log('| scenario | connections | figure | budget | pass |\n| --- | --- | --- | --- | --- |');
    // SCENARIO_WRITES_ONLY=1: the burst and the matter loop alone (a write path changed; the reads take ~10 minutes).
    // SCENARIO_ONLY=dashboard: the reads whose name starts with it, and no writes (one figure re-measured).
    const only = process.env.SCENARIO_ONLY;
    const readScenarios = (
      process.env.SCENARIO_WRITES_ONLY === '1'
        ? []
        : reads(made, first.items[0]?.id ?? '', periodId, missing.units?.[0]?.unitId ?? null, pglite)
    ).filter((s) => !only || s.name.startsWith(only));
    for (const scenario of readScenarios) {
      const url = `${base}${scenario.path}`;
      const check = await fetch(url, { headers: scenario.signedIn ? headers : {} });
      await check.arrayBuffer();
      for (const connections of smoke
        ? [Math.min(...(scenario.connections ?? connectionLevels))]
        : (scenario.connections ?? connectionLevels)) {
        const opts = { connections, headers: scenario.signedIn ? headers : {}, pid };
        if (!smoke) {
          await load(url, { ...opts, seconds: 2 });
          await settle(base, headers);
        }
        const result = check.ok ? await load(url, { ...opts, seconds }) : { reqPerSec: 0, p50: 0, p95: 0, p99: 0, requests: 1, errors: 1 };
        const row: Row = {
          scenario: scenario.name,
          path: scenario.path,
          connections,
          ...result,
          budget: budgetText(scenario.budget),
          pass: passes(scenario.budget, result),
          ...(check.ok ? {} : { samples: [`${check.status} on the first request`] }),
        };
        rows.push(row);
        print(row);
        await settle(base, headers);
      }
    }

    const writeScenarios = async () => {
      // The month-end burst: this month's complete drafts submitted all at once, a distinct project each.
      const writeHeaders = { ...auth, 'content-type': 'application/json' };
      const drafts = made.fixtures.draftReports.slice(0, burstSize);
      const burst = new Recorder(pid);
      await Promise.all(
        drafts.map((id) =>
          burst.call(`${base}/api/v1/progress-reports/${id}/submit`, {
            method: 'POST',
            headers: writeHeaders,
            body: JSON.stringify({ version: 1 }),
          }),
        ),
      );
      const burstBudget = { p99: 300 };
      const burstResult = burst.result();
      const burstRow: Row = {
        scenario: `month-end burst: ${drafts.length} report submissions at once`,
        path: 'POST /api/v1/progress-reports/:id/submit',
        connections: drafts.length,
        ...burstResult,
        budget: budgetText(burstBudget),
        pass: passes(burstBudget, burstResult),
      };
      rows.push(burstRow);
      print(burstRow);

      // Matter transitions: 10 workers, each taking an assigned matter round the loop (every step timed).
      const steps: { path: string; text?: string }[] = [
        { path: 'accept' },
        { path: 'start' },
        { path: 'feedback', text: '已协调供电公司，本周内完成增容。' },
        { path: 'submit-review' },
        { path: 'close' },
      ];
      const transitions = new Recorder(pid);
      await pool(
        made.fixtures.assignedMatters,
        10,
        async (id) => {
          let version = 1;
          for (const step of steps) {
            const { status, body } = await transitions.call(`${base}/api/v1/matters/${id}/${step.path}`, {
              method: 'POST',
              headers: writeHeaders,
              body: JSON.stringify({ version, ...(step.text ? { text: step.text } : {}) }),
            });
            if (status !== 200) return;
            version = (body as { version: number }).version;
          }
        },
        Date.now() + seconds * 1000,
      );
      const transitionResult = transitions.result();
      const transitionRow: Row = {
        scenario: 'matter transitions (签收 → 办理 → 反馈 → 复核 → 销号)',
        path: 'POST /api/v1/matters/:id/{accept,start,feedback,submit-review,close}',
        connections: 10,
        ...transitionResult,
        budget: 'no error',
        pass: passes({}, transitionResult),
      };
      rows.push(transitionRow);
      print(transitionRow);
    };
    if (!only) await writeScenarios();
  } finally {
    await stop(server.child);
  }
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${scale}${pglite ? '-pglite' : ''}.json`);
  const machine = {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg(),
  };
  const data = { counts: made.counts, generateMs: made.ms, demoMs: made.demoMs, timings: made.timings };
  writeFileSync(
    file,
    `${JSON.stringify({ scale, database: pglite ? 'pglite' : 'postgres', at: new Date().toISOString(), machine, seconds, data, rows }, null, 2)}\n`,
  );
  console.log(`written ${path.relative(root, file)} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  const erred = rows.filter((r) => r.errors > 0 || r.requests === 0);
  if (smoke && erred.length) {
    console.error(`smoke: ${erred.length} scenario(s) with errors: ${erred.map((r) => r.scenario).join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
