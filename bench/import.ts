/**
 * Import of 10,000 projects on PostgreSQL (issue 3's budget: validated and committed ≤ 15 s). A fresh database gets
 * the demo district; a realistic ledger of 10,000 new projects is uploaded over HTTP, checked in the background
 * (polled as the page does), then committed; the same projects with a new investment each are measured as 10,000 updates.
 * Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/import.ts (also part of `npm run bench`).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { rssMb, signIn, startServer, stop } from './lib';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const DATABASE = 'lantu_bench_import';
const UNITS = ['北园街道办事处', '区住房和城乡建设局', '区发展和改革局', '区工业和信息化局'];
const CATEGORIES = ['产业项目', '城市更新', '基础设施', '社会民生'];

async function freshDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/**
 * A ledger as officials keep it: code, name, owner, unit, category, industry, money in 万元, dates, leader, whether it
 * needs new land; every other project is under construction (所属库 实施库), so half the rows pass the gates' checks and
 * record a pool move.
 */
async function ledger(rows: number, extraWan = 0): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow([
    '项目代码',
    '项目名称',
    '项目业主',
    '责任单位',
    '项目类别',
    '国民经济行业',
    '总投资（万元）',
    '计划开工日期',
    '计划竣工日期',
    '包挂领导',
    '建设内容',
    '是否需要用地',
    '所属库',
  ]);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `2019-370105-47-03-${String(100_000 + i).padStart(6, '0')}`,
      `导入基准项目${i}`,
      `济南基准实业有限公司${i % 50}`,
      UNITS[i % UNITS.length],
      CATEGORIES[i % CATEGORIES.length],
      '制造业',
      1000 + (i % 5000) + 0.25 + extraWan,
      '2026-03-01',
      '2028-12-31',
      '刘志强（副区长）',
      '新建厂房、研发楼及配套设施',
      // 实施库's gate asks that the land question be answered (不需要 新增用地: built on the owner's own land).
      '否',
      i % 2 ? '实施库' : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Job = { id: string; status: string; problemCount: number; problems: { row: number; message: string }[]; summary: unknown };

async function importOnce(base: string, headers: Record<string, string>, file: Buffer) {
  const form = new FormData();
  form.append('kind', 'projects');
  form.append('file', new Blob([new Uint8Array(file)]), 'bench.xlsx');
  const started = performance.now();
  const uploaded = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers, body: form });
  if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  let job = (await uploaded.json()) as Job;
  while (job.status === 'validating') {
    await new Promise((r) => setTimeout(r, 100));
    job = (await (await fetch(`${base}/api/v1/imports/${job.id}`, { headers })).json()) as Job;
  }
  const validated = performance.now();
  if (job.status !== 'ready') throw new Error(`validation: ${job.status} ${job.problemCount} ${JSON.stringify(job.problems.slice(0, 3))}`);
  const committed = await fetch(`${base}/api/v1/imports/${job.id}/commit`, { method: 'POST', headers });
  if (committed.status !== 200) throw new Error(`commit: ${committed.status} ${await committed.text()}`);
  const done = performance.now();
  return { validateMs: validated - started, commitMs: done - validated, totalMs: done - started, summary: job.summary };
}

/** Rows for bench/run.ts's report. */
export async function importBench(adminUrl: string): Promise<string[][]> {
  const url = await freshDatabase(adminUrl);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-import-'));
  const port = 3293;
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const headers = await signIn(base);
    const file = await ledger(ROWS);
    const creates = await importOnce(base, headers, file);
    // The same projects with a new total investment each: 10,000 real updates (unchanged rows are not written).
    const updates = await importOnce(base, headers, await ledger(ROWS, 10));
    const row = (label: string, r: typeof creates) => [
      `postgres: import ${ROWS.toLocaleString('en-US')} projects, ${label} (upload + validate / commit)`,
      `${(r.totalMs / 1000).toFixed(1)} s`,
      `validate ${(r.validateMs / 1000).toFixed(1)} s, commit ${(r.commitMs / 1000).toFixed(1)} s; ${JSON.stringify(r.summary)}`,
    ];
    return [
      row('all new', creates),
      row('all updates (new investment)', updates),
      ['postgres: server RSS after the imports', '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
    ];
  } finally {
    await stop(server.child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL');
  for (const row of await importBench(url)) console.log(row.join(' | '));
}
