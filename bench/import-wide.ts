/**
 * Issue 12's hostile upload: a 15.6 MB workbook whose sheet unpacks to about 200 MB (2,097 rows × 2,000 cells), every
 * row with a lead unit the district does not know, so the file fails its check and has a marked file. It is uploaded
 * and checked, then its marked file is downloaded while another client reads /readyz every 100 ms: /readyz must keep
 * answering within 1 s and the server's memory stay under 1 GB. Runs on the embedded database.
 * Run: npx tsx bench/import-wide.ts (also part of `npm run bench`).
 */
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { rssMb, signIn, startServer, stop } from './lib';

const ROWS = Number(process.env.BENCH_WIDE_ROWS ?? 2_097);
const COLUMNS = Number(process.env.BENCH_WIDE_COLUMNS ?? 2_000);

/** The wide sheet: name and lead unit, then columns of figures and words; written streamed to a file. */
async function wideWorkbook(file: string): Promise<void> {
  const options = { filename: file, useSharedStrings: true, useStyles: false, zip: { zlib: { level: 9 } } };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter(options as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['项目名称', '责任单位', ...Array.from({ length: COLUMNS - 2 }, (_, i) => `附加列${i + 1}`)]).commit();
  for (let r = 0; r < ROWS; r++) {
    const cells: (string | number)[] = [`宽表项目${r}`, `查无此单位${r % 7}`];
    for (let c = 2; c < COLUMNS; c++) cells.push(c % 3 ? ((r % 2) * 100_000 + c) / 8 : `备注说明${c % 5}`);
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
}

type Job = { id: string; status: string; problemCount: number };

export async function importWideBench(): Promise<string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-wide-'));
  const file = path.join(dir, 'wide.xlsx');
  await wideWorkbook(file);
  const sizeMb = statSync(file).size / 1024 / 1024;
  const port = 3296;
  const server = await startServer({ LANTU_DATA_DIR: path.join(dir, 'data') }, port);
  const pid = server.child.pid ?? 0;
  const base = `http://127.0.0.1:${port}`;
  try {
    const headers = await signIn(base);
    const startRss = rssMb(pid);
    let peakRss = startRss;
    let worstReadyz = 0;
    let readyzCalls = 0;
    let watching = true;
    // Another client: /readyz every 100 ms, and the server's memory sampled alongside.
    const watcher = (async () => {
      while (watching) {
        const t = performance.now();
        const r = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
        await r?.arrayBuffer();
        worstReadyz = Math.max(worstReadyz, performance.now() - t);
        readyzCalls += 1;
        peakRss = Math.max(peakRss, rssMb(pid));
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const form = new FormData();
    form.append('kind', 'projects');
    form.append('file', new Blob([new Uint8Array(await (await import('node:fs/promises')).readFile(file))]), 'wide.xlsx');
    const started = performance.now();
    const uploaded = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers, body: form });
    if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    let job = (await uploaded.json()) as Job;
    while (job.status === 'validating') {
      await new Promise((r) => setTimeout(r, 250));
      job = (await (await fetch(`${base}/api/v1/imports/${job.id}`, { headers })).json()) as Job;
    }
    const checked = performance.now();
    const checkReadyz = worstReadyz;
    const checkRss = peakRss;
    worstReadyz = 0;
    const marked = await fetch(`${base}/api/v1/imports/${job.id}/marked.xlsx`, { headers });
    if (marked.status !== 200) throw new Error(`marked file: ${marked.status} ${await marked.text()}`);
    const markedBytes = (await marked.arrayBuffer()).byteLength;
    const downloaded = performance.now();
    watching = false;
    await watcher;
    return [
      [
        `embedded: upload + check of a ${sizeMb.toFixed(1)} MB sheet (${ROWS.toLocaleString('en-US')} rows × ${COLUMNS.toLocaleString('en-US')} cells)`,
        `${((checked - started) / 1000).toFixed(1)} s`,
        `${job.status}, ${job.problemCount} problems; worst /readyz ${checkReadyz.toFixed(0)} ms; peak RSS ${checkRss} MB (from ${startRss} MB)`,
      ],
      [
        'embedded: its marked file, downloaded while /readyz is read every 100 ms',
        `${((downloaded - checked) / 1000).toFixed(1)} s`,
        `${(markedBytes / 1024 / 1024).toFixed(1)} MB; worst /readyz ${worstReadyz.toFixed(0)} ms over ${readyzCalls} calls; peak RSS ${peakRss} MB`,
      ],
    ];
  } finally {
    await stop(server.child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await importWideBench()) console.log(row.join(' | '));
}
