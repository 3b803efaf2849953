/**
 * Exports at 100,000 projects on PostgreSQL (issue 3's budget: the list export ≤ 20 s with the server under 500 MB).
 * Runs on a copy of the scale benchmark's database (bench/scale.ts seeds it when it is missing), downloads the
 * list export and the ledger over HTTP while sampling the server's resident memory, and counts the rows received.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { rssMb, signIn, startServer, stop } from './lib';
import { SCALE_PROJECTS, prepareScaleDatabase } from './scale';

const SCALE_DATABASE = 'lantu_bench_scale';
const EXPORT_DATABASE = 'lantu_bench_export';

/** A fresh copy of the scale database, so this run neither waits for nor disturbs the scale benchmark's data. */
async function copyOfScaleDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [SCALE_DATABASE]);
    if (exists.rowCount === 0) await prepareScaleDatabase(adminUrl);
    await admin.query(`drop database if exists ${EXPORT_DATABASE} with (force)`);
    await admin.query(`create database ${EXPORT_DATABASE} template ${SCALE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${EXPORT_DATABASE}`;
  return url.toString();
}

/** Rows of the first sheet of a workbook, read by ExcelJS's streaming reader (the bench holds no workbook either). */
async function countRows(bytes: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {});
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) rows += 1;
    break;
  }
  return rows;
}

/** CPU seconds a process has used (user + system), from /proc: a figure a busy machine does not inflate as it does wall time. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Downloads one export while sampling the server's memory every 20 ms; answers time, CPU, peak RSS, size and rows. */
async function timedDownload(url: string, headers: Record<string, string>, pid: number) {
  let peak = rssMb(pid);
  const before = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 20);
  const started = performance.now();
  const cpuBefore = cpuSeconds(pid);
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const ms = Math.round(performance.now() - started);
  const cpu = (cpuSeconds(pid) - cpuBefore).toFixed(1);
  clearInterval(sampler);
  return {
    ms,
    cpu,
    before,
    peak: Math.max(peak, rssMb(pid)),
    megabytes: (bytes.length / 2 ** 20).toFixed(1),
    rows: await countRows(bytes),
  };
}

export async function exportBench(adminUrl: string): Promise<string[][]> {
  const url = await copyOfScaleDatabase(adminUrl);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-export-'));
  const port = 3293;
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port);
  const base = `http://127.0.0.1:${port}`;
  const pid = server.child.pid ?? 0;
  const label = (text: string) => `postgres, ${SCALE_PROJECTS.toLocaleString('en')}+ projects: ${text}`;
  try {
    const headers = await signIn(base);
    const rows: string[][] = [];
    for (const [name, target] of [
      ['GET /projects/export.xlsx (every project)', '/api/v1/projects/export.xlsx'],
      ['GET /projects/export.xlsx?sort=name', '/api/v1/projects/export.xlsx?sort=name'],
      ['GET /projects/ledger.xlsx (every project of the year)', '/api/v1/projects/ledger.xlsx'],
    ] as const) {
      const run = await timedDownload(`${base}${target}`, headers, pid);
      rows.push([
        label(`${name}, ${run.rows.toLocaleString('en')} rows, ${run.megabytes} MB`),
        `${run.ms} ms (server CPU ${run.cpu} s)`,
        `RSS ${run.before} → peak ${run.peak} MB`,
      ]);
    }
    return rows;
  } finally {
    await stop(server.child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL');
  for (const row of await exportBench(url)) console.log(row.join(' | '));
}
