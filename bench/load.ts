/**
 * Throughput under concurrency: `lantu serve` on a PostgreSQL database (`lantu_bench_load`) with the demo district and
 * LOAD_PROJECTS more projects (bench/scale.ts's generator; 10,000 unless set), loaded by autocannon from the
 * same machine with LOAD_CONNECTIONS connections (10), signed in as `office` (the region scope) and as `unit` (a
 * street's clerk: his own unit). Prints, per scenario and round, req/s, latency percentiles, and the CPU time the
 * server and its PostgreSQL backends spent per request — the figure that holds when other work shares the cores.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.ts
 *
 * LOAD_DATABASE_URL reuses a database bench/scale.ts prepared (no seeding). LOAD_SERVER targets a server already
 * running on LOAD_DATABASE_URL (its users' password must be bench/lib.ts's PASSWORD; LOAD_SERVER_PID adds its CPU).
 * LOAD_SECONDS per run (10), LOAD_ROUNDS (3), LOAD_CONNECTIONS (10).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { cpuMs, root, signIn, startServer, stop } from './lib';
import { prepareScaleDatabase } from './scale';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);

type Scenario = { user: 'office' | 'unit'; path: string };
const SCENARIOS: Scenario[] = [
  { user: 'office', path: '/api/v1/auth/me' },
  { user: 'office', path: '/api/v1/projects?pageSize=50' },
  { user: 'office', path: '/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50' },
  { user: 'office', path: '/api/v1/projects?pool=advancing&sort=name&pageSize=50' },
  { user: 'unit', path: '/api/v1/projects?pageSize=50' },
  { user: 'unit', path: '/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50' },
];

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number };
  non2xx: number;
  errors: number;
};

/** One autocannon run through its CLI (JSON output). */
function autocannon(url: string, cookie: string, seconds: number): AutocannonResult {
  const bin = path.join(root, 'node_modules', '.bin', 'autocannon');
  const args = ['-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-H', `cookie=${cookie}`, url];
  const out = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (out.status !== 0) throw new Error(`autocannon failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as AutocannonResult;
}

/** The PostgreSQL backends serving the database (the server's pool), by pid; this client's own excluded. */
async function backendPids(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.pid);
}

/** CPU used by the server process and by the database's backends while `work` runs (a backend new at the end counts whole). */
async function measureCpu<T>(client: pg.Client, serverPid: number | null, work: () => T) {
  const before = new Map((await backendPids(client)).map((pid) => [pid, cpuMs(pid)]));
  const serverBefore = serverPid ? cpuMs(serverPid) : 0;
  const result = work();
  const serverMs = serverPid ? cpuMs(serverPid) - serverBefore : Number.NaN;
  let databaseMs = 0;
  for (const pid of await backendPids(client)) databaseMs += cpuMs(pid) - (before.get(pid) ?? 0);
  return { result, serverMs, databaseMs };
}

async function main() {
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let base = process.env.LOAD_SERVER;
  let serverPid = process.env.LOAD_SERVER_PID ? Number(process.env.LOAD_SERVER_PID) : null;
  let url = process.env.LOAD_DATABASE_URL;
  if (!base) {
    let dataDir = '';
    if (!url) {
      const adminUrl = process.env.BENCH_DATABASE_URL;
      if (!adminUrl) throw new Error('set BENCH_DATABASE_URL, or LOAD_DATABASE_URL (and LOAD_SERVER)');
      const projects = Number(process.env.LOAD_PROJECTS ?? 10_000);
      ({ url, dataDir } = await prepareScaleDatabase(adminUrl, { name: 'lantu_bench_load', projects }));
    }
    const port = 3293;
    server = await startServer({ DATABASE_URL: url, ...(dataDir ? { LANTU_DATA_DIR: dataDir } : {}) }, port);
    serverPid = server.child.pid ?? null;
    base = `http://127.0.0.1:${port}`;
  }
  if (!url) throw new Error('LOAD_SERVER needs LOAD_DATABASE_URL (its database, for the backends’ CPU)');
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const sessions = { office: await signIn(base, 'office'), unit: await signIn(base, 'unit') };
  console.log(`${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds, ${base}`);
  console.log('| round | user | path | req/s | p50 ms | p90 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of SCENARIOS) {
      const target = `${base}${scenario.path}`;
      const { cookie } = sessions[scenario.user];
      autocannon(target, cookie, 2); // warm-up: the pool opens its connections, the plans' catalogs are cached
      const { result: r, serverMs, databaseMs } = await measureCpu(monitor, serverPid, () => autocannon(target, cookie, SECONDS));
      const perRequest = (ms: number) => (r.requests.total ? (ms / r.requests.total).toFixed(2) : '—');
      console.log(
        `| ${round} | ${scenario.user} | ${scenario.path} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${perRequest(serverMs)} | ${perRequest(databaseMs)} | ${r.non2xx + r.errors} |`,
      );
    }
  }
  await monitor.end();
  if (server) await stop(server.child);
}

await main();
