/**
 * Foundation benchmark: start-up time and memory of `lantu serve` on an empty and on a seeded data folder, and latency of
 * the common API calls. Writes bench/results/latest.md. Run with `npm run bench` (BENCH_DATABASE_URL adds PostgreSQL).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, root, rssMb, signIn, startServer, stop } from './lib';
import { carriersMatchBench } from './carriers-match';
import { exportBench } from './export';
import { importBench } from './import';
import { opportunitiesBench } from './opportunities';
import { leadsBench } from './leads';
import { listCeilingBench } from './list-ceiling';
import { scaleBench } from './scale';
import { scoringBench } from './scoring';
import { targetsBench } from './targets';
import { webBundleBench } from './web-bundle';

const rows: string[][] = [];

async function latency(port: number, kind: string) {
  const base = `http://127.0.0.1:${port}`;
  const headers = await signIn(base);
  const results = [
    await measure(`${kind}: GET /api/v1/auth/me`, 300, () => fetch(`${base}/api/v1/auth/me`, { headers })),
    await measure(`${kind}: GET /api/v1/units?pageSize=50`, 300, () => fetch(`${base}/api/v1/units?pageSize=50`, { headers })),
    await measure(`${kind}: GET /api/v1/units?q=街道`, 300, () =>
      fetch(`${base}/api/v1/units?q=${encodeURIComponent('街道')}`, { headers }),
    ),
  ];
  // The demo's 133 projects; the 100,000-project scale is measured by bench/scale.ts.
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
    // The district's dashboard (驾驶舱): issue 16 asks p95 ≤ 50 ms on PGlite.
    await measure(`${kind}: GET /api/v1/dashboard (the demo district)`, 300, () => fetch(`${base}/api/v1/dashboard`, { headers })),
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

rows.push(...webBundleBench());
await embedded();
// Issue 18: the project list against a bare route running the same SQL (PostgreSQL with BENCH_DATABASE_URL, and PGlite).
rows.push(...(await listCeilingBench(process.env.BENCH_DATABASE_URL)));
if (process.env.BENCH_DATABASE_URL) {
  await postgres(process.env.BENCH_DATABASE_URL);
  rows.push(...(await importBench(process.env.BENCH_DATABASE_URL)));
  rows.push(...(await opportunitiesBench(process.env.BENCH_DATABASE_URL)));
  // Issue 17: matching a need against 20,000 parcels and buildings, ≤ 100 ms.
  rows.push(...(await carriersMatchBench(process.env.BENCH_DATABASE_URL)));
  // Issue 15: monthly scoring of 2,000 units, ≤ 10 s.
  rows.push(...(await scoringBench(process.env.BENCH_DATABASE_URL)));
  // Issue 15: indicator pages p95 ≤ 100 ms at province scale, the 通报 for a district ≤ 3 s.
  rows.push(...(await targetsBench(process.env.BENCH_DATABASE_URL)));
  if (process.env.BENCH_SCALE !== '0') {
    rows.push(...(await scaleBench(process.env.BENCH_DATABASE_URL)));
    rows.push(...(await exportBench(process.env.BENCH_DATABASE_URL)));
    rows.push(...(await leadsBench(process.env.BENCH_DATABASE_URL)));
  }
}

const table = ['| measure | p50 / time | p95 / memory |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const report = `# Benchmark results\n\nMachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}\n\n${table}\n`;
writeFileSync(path.join(root, 'bench', 'results', 'latest.md'), report);
console.log(report);
