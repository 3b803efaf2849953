/**
 * Foundation benchmark: start-up time and memory of `lantu serve` on an empty and on a seeded data folder, and latency of
 * the common API calls. Writes bench/results/latest.md. Run with `npm run bench` (BENCH_DATABASE_URL adds PostgreSQL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'bench-demo-password-2024';
const rows: string[][] = [];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/lantu.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LANTU_LOG_LEVEL: 'warn', LANTU_DEMO_PASSWORD: PASSWORD, ...env },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return { child, ms: Math.round(performance.now() - started) };
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(label: string, n: number, call: () => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await call();
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${label}: ${r.status}`);
    times.push(performance.now() - t);
  }
  return [label, `${percentile(times, 50).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`];
}

async function latency(port: number, kind: string) {
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const headers = { cookie };
  const results = [
    await measure(`${kind}: GET /api/v1/auth/me`, 300, () => fetch(`${base}/api/v1/auth/me`, { headers })),
    await measure(`${kind}: GET /api/v1/units?pageSize=50`, 300, () => fetch(`${base}/api/v1/units?pageSize=50`, { headers })),
    await measure(`${kind}: GET /api/v1/units?q=街道`, 300, () =>
      fetch(`${base}/api/v1/units?q=${encodeURIComponent('街道')}`, { headers }),
    ),
  ];
  // The demo's 133 projects; the 100,000-project scale of issue 3 is still to be benchmarked (docs/status.md).
  const list = (await (await fetch(`${base}/api/v1/projects?pageSize=1`, { headers })).json()) as { items: { id: string }[] };
  const projectId = list.items[0]?.id ?? '';
  results.push(
    await measure(`${kind}: GET /api/v1/projects?pool=implementing&sort=-totalInvestmentYuan (133 demo projects)`, 300, () =>
      fetch(`${base}/api/v1/projects?pool=implementing&sort=-totalInvestmentYuan&pageSize=50`, { headers }),
    ),
    await measure(`${kind}: GET /api/v1/projects?q=zycf (pinyin search)`, 300, () => fetch(`${base}/api/v1/projects?q=zycf`, { headers })),
    await measure(`${kind}: GET /api/v1/projects/:id`, 300, () => fetch(`${base}/api/v1/projects/${projectId}`, { headers })),
    await measure(`${kind}: GET /api/v1/projects/:id/plan (CPM)`, 300, () =>
      fetch(`${base}/api/v1/projects/${projectId}/plan`, { headers }),
    ),
  );
  return results;
}

async function embedded() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-'));
  const port = 3290;
  const first = await startServer({ LANTU_DATA_DIR: dataDir }, port);
  const firstRss = rssMb(first.child.pid ?? 0);
  await stop(first.child);
  const second = await startServer({ LANTU_DATA_DIR: dataDir }, port);
  const secondRss = rssMb(second.child.pid ?? 0);
  rows.push(['embedded: start on an empty data folder (create, migrate, regions, demo)', `${first.ms} ms`, `RSS ${firstRss} MB`]);
  rows.push(['embedded: start on a seeded data folder', `${second.ms} ms`, `RSS ${secondRss} MB`]);
  rows.push(...(await latency(port, 'embedded')));
  rows.push(['embedded: RSS after the latency runs', '', `RSS ${rssMb(second.child.pid ?? 0)} MB`]);
  await stop(second.child);
}

async function postgres(url: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-pg-'));
  const port = 3291;
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  rows.push(['postgres: start (migrate, reference data, demo on first run)', `${server.ms} ms`, `RSS ${rssMb(server.child.pid ?? 0)} MB`]);
  rows.push(...(await latency(port, 'postgres')));
  await stop(server.child);
}

await embedded();
if (process.env.BENCH_DATABASE_URL) await postgres(process.env.BENCH_DATABASE_URL);

const table = ['| measure | p50 / time | p95 / memory |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const report = `# Benchmark results\n\nMachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}\n\n${table}\n`;
writeFileSync(path.join(root, 'bench', 'results', 'latest.md'), report);
console.log(report);
