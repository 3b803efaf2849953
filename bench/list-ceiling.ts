/**
 * The project list against its same-SQL ceiling (issue 18). `lantu serve` with the demo district (133 projects), on
 * PostgreSQL (with BENCH_DATABASE_URL) and on PGlite; the statements `GET /api/v1/projects?pageSize=50` sends for the
 * project office are captured from the running server (bench/capture-sql.mjs), and a bare Fastify route
 * (bench/ceiling-server.ts) replays them with no session, scope or presenter. Both are loaded with autocannon, 10
 * connections (CEILING_CONNECTIONS), CEILING_SECONDS (10) a run, CEILING_ROUNDS (2) alternating rounds on PostgreSQL;
 * prints req/s, p50/p95/p99 and Lantu ÷ ceiling (issue 18's goal: ≥ 0.7). Also the bare route's constant and
 * `select 1`, the price of Fastify and of one round trip. Each run also gives the CPU the server process spent per
 * request, which holds better than req/s when other work shares the cores.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/list-ceiling.ts
 *
 * CEILING_DATABASE names the scratch PostgreSQL database (lantu_bench_ceiling); CEILING_PORT the first of two ports.
 * The load generator shares the machine's cores with both servers, so the ratio is the figure that travels.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LoadResult, load, root, signIn, startServer, stop } from './lib';
import { createDatabase } from './scale';

const CONNECTIONS = Number(process.env.CEILING_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.CEILING_SECONDS ?? 10);
const ROUNDS = Number(process.env.CEILING_ROUNDS ?? 2);
const PORT = Number(process.env.CEILING_PORT ?? 3294);
const LIST = '/api/v1/projects?pageSize=50';

type Row = { database: string; target: string; result: LoadResult };

/** Starts bench/ceiling-server.ts and waits until it answers. */
async function startCeiling(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'ceiling-server.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {}
    if (child.exitCode !== null) throw new Error('the ceiling server exited during start-up');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The statements one list request sends, read from the capture log around a single request. */
async function captureList(base: string, headers: Record<string, string>, logFile: string) {
  for (let i = 0; i < 20; i++) await (await fetch(`${base}${LIST}`, { headers })).arrayBuffer(); // warm: plans, caches
  await new Promise((r) => setTimeout(r, 300));
  const before = statSync(logFile).size;
  const response = await fetch(`${base}${LIST}`, { headers });
  if (!response.ok) throw new Error(`${LIST}: ${response.status}`);
  await response.arrayBuffer();
  await new Promise((r) => setTimeout(r, 300));
  const statements = readFileSync(logFile)
    .subarray(before)
    .toString('utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; start: number; end: number })
    // A scheduled job's write that ran in the same window (the score snapshots at start-up) is not the list's: the
    // list only reads, and a replayed insert would fail on its unique key.
    .filter((statement) => /^\s*(select|with)\b/i.test(statement.text));
  const file = path.join(path.dirname(logFile), 'statements.json');
  writeFileSync(file, JSON.stringify(statements));
  console.log(`captured ${statements.length} statements of one list request:`);
  for (const s of statements) console.log(`  ${(s.end - s.start).toFixed(2)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 150)}`);
  return file;
}

const headersOf = ({ cookie }: { cookie: string }) => ({ cookie });

async function onPostgres(adminUrl: string, rows: Row[]) {
  const url = await createDatabase(adminUrl, process.env.CEILING_DATABASE ?? 'lantu_bench_ceiling');
  const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-ceiling-pg-'));
  const logFile = path.join(work, 'sql.log');
  writeFileSync(logFile, '');
  const env = { LANTU_DATA_DIR: work, DATABASE_URL: url, LANTU_DEMO: '1', LANTU_BENCH_SQL_LOG: logFile };
  const lantu = await startServer(env, PORT, ['--import', path.join(root, 'bench', 'capture-sql.mjs')]);
  const base = `http://127.0.0.1:${PORT}`;
  const headers = headersOf(await signIn(base));
  const statements = await captureList(base, headers, logFile);
  const ceiling = await startCeiling({ CEILING_STATEMENTS: statements, DATABASE_URL: url }, PORT + 1);
  const bare = `http://127.0.0.1:${PORT + 1}`;
  const opts = { connections: CONNECTIONS, seconds: SECONDS };
  const lantuOpts = { ...opts, headers, pid: lantu.child.pid ?? 0 };
  const bareOpts = { ...opts, pid: ceiling.pid ?? 0 };
  await load(`${base}${LIST}`, { ...lantuOpts, seconds: 2 });
  await load(`${bare}/same-sql`, { ...bareOpts, seconds: 2 });
  for (let round = 1; round <= ROUNDS; round++) {
    rows.push({ database: 'postgres', target: `Lantu ${LIST}`, result: await load(`${base}${LIST}`, lantuOpts) });
    rows.push({ database: 'postgres', target: 'bare route, same SQL', result: await load(`${bare}/same-sql`, bareOpts) });
  }
  rows.push({ database: 'postgres', target: 'bare route, select 1', result: await load(`${bare}/select1`, bareOpts) });
  rows.push({ database: 'postgres', target: 'bare route, constant', result: await load(`${bare}/constant`, bareOpts) });
  await stop(ceiling);
  await stop(lantu.child);
}

async function onPglite(rows: Row[]) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-ceiling-pglite-'));
  const logFile = path.join(work, 'sql.log');
  writeFileSync(logFile, '');
  const lantu = await startServer({ LANTU_DATA_DIR: work, LANTU_BENCH_SQL_LOG: logFile }, PORT, [
    '--import',
    path.join(root, 'bench', 'capture-sql.mjs'),
  ]);
  const base = `http://127.0.0.1:${PORT}`;
  const headers = headersOf(await signIn(base));
  const statements = await captureList(base, headers, logFile);
  const opts = { connections: CONNECTIONS, seconds: SECONDS };
  const lantuOpts = { ...opts, headers, pid: lantu.child.pid ?? 0 };
  await load(`${base}${LIST}`, { ...lantuOpts, seconds: 2 });
  rows.push({ database: 'pglite', target: `Lantu ${LIST}`, result: await load(`${base}${LIST}`, lantuOpts) });
  await stop(lantu.child);
  // One process holds an embedded database: the bare route opens the same data folder once Lantu has stopped.
  const ceiling = await startCeiling({ CEILING_STATEMENTS: statements, CEILING_PGLITE_DIR: path.join(work, 'pglite') }, PORT + 1);
  const bare = `http://127.0.0.1:${PORT + 1}`;
  const bareOpts = { ...opts, pid: ceiling.pid ?? 0 };
  await load(`${bare}/same-sql`, { ...bareOpts, seconds: 2 });
  rows.push({ database: 'pglite', target: 'bare route, same SQL', result: await load(`${bare}/same-sql`, bareOpts) });
  rows.push({ database: 'pglite', target: 'bare route, select 1', result: await load(`${bare}/select1`, bareOpts) });
  rows.push({ database: 'pglite', target: 'bare route, constant', result: await load(`${bare}/constant`, bareOpts) });
  await stop(ceiling);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Table rows for `npm run bench`'s report: label, req/s and latencies, ratio. */
export async function listCeilingBench(adminUrl = process.env.BENCH_DATABASE_URL): Promise<string[][]> {
  const rows: Row[] = [];
  if (adminUrl) await onPostgres(adminUrl, rows);
  await onPglite(rows);
  const out: string[][] = [];
  for (const database of ['postgres', 'pglite']) {
    const of = (target: string) =>
      rows.filter((r) => r.database === database && r.target.startsWith(target)).map((r) => r.result.reqPerSec);
    const lantu = of('Lantu');
    const same = of('bare route, same SQL');
    for (const r of rows.filter((row) => row.database === database)) {
      const { reqPerSec, p50, p95, p99, errors, cpuPerRequest } = r.result;
      out.push([
        `${database}, ${CONNECTIONS} connections: ${r.target}`,
        `${reqPerSec} req/s`,
        `p50 / p95 / p99 ${p50} / ${p95} / ${p99} ms; server CPU ${cpuPerRequest ?? '—'} ms/req${errors ? `; ${errors} errors` : ''}`,
      ]);
    }
    if (lantu.length && same.length) {
      out.push([`${database}: Lantu ÷ same-SQL ceiling (goal ≥ 0.70)`, (mean(lantu) / mean(same)).toFixed(2), '']);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`${os.cpus().length} cores, shared with whatever else runs; ${new Date().toISOString()}`);
  console.log('| measure | req/s | latency |\n| --- | --- | --- |');
  for (const row of await listCeilingBench()) console.log(`| ${row.join(' | ')} |`);
}
