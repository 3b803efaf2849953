/**
 * Time to a usable page in Debian's Chromium (issue 18: the project list and the dashboard usable ≤ 1.5 s on a
 * district data set). "Usable" is the moment the page shows its data, read in the page itself: the first row of the
 * project list's table, the dashboard's count of key projects — `performance.now()` at that moment, counted from the
 * navigation's start (the document's time origin), so the figure holds the HTML, the JavaScript, the catalogs, the API
 * answers and React's render, and not Playwright's own round trips.
 *
 * Each page is opened `BENCH_WEB_RUNS` times (10) in two ways: **first visit** (a new browser context: empty cache, the
 * session cookie only) and **reload** (the same context reloaded: the hashed assets from the cache, as a person
 * pressing F5). Signed in as the project office at 1440 × 900.
 *
 *   npx tsx bench/web-usable.ts                       (generates the district data set on PGlite first, ≈ 2 min)
 *   BENCH_WEB_DATA_DIR=DIR npx tsx bench/web-usable.ts   (a data folder from `npm run bench:data -- --scale district --pglite DIR`)
 *
 * BENCH_PORT (3314) sets the server's port; LANTU_CHROMIUM the browser (/usr/bin/chromium). The production build must
 * exist (`npx vite build`; `npm start` builds it).
 *
 * BENCH_WEB_ONLY=list|dashboard measures one of the two pages. BENCH_WEB_COMPARE=DIR (a copy of an earlier build's
 * dist/web) measures that build and the current one by turns, run by run, so both see the same moments of a shared
 * machine's load: its hashed assets are added to dist/web for the run (the server lists the files at start) and the
 * two index.html swapped before each run; dist/web is put back after.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import { generate } from './data';
import { percentile, root, signIn, startServer, stop } from './lib';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3314);
const BUDGET_MS = 1500;
/** BENCH_WEB_ONLY=dashboard (or list) measures that page alone. */
const ONLY = process.env.BENCH_WEB_ONLY;

/** A page and the element whose presence makes it usable: the data a person came for, on the screen. */
const PAGES = [
  { name: 'project list', path: '/projects', ready: '[data-testid="project-table"] tr.ant-table-row' },
  { name: 'dashboard', path: '/', ready: '[data-testid="kpi-projects"] .ant-statistic-content-value' },
] as const;

/** Navigates and answers the page's own clock when `selector` first matched (polled every animation frame). */
async function usableAfter(page: Page, selector: string, navigate: () => Promise<unknown>): Promise<number> {
  await navigate();
  const handle = await page.waitForFunction((s) => (document.querySelector(s) ? performance.now() : 0), selector, {
    polling: 'raf',
    timeout: 30_000,
  });
  return Number(await handle.jsonValue());
}

type Sample = { label: string; first: number[]; reload: number[] };

/** One first visit and one reload of the page, in a new browser context. */
async function measureOnce(browser: Browser, base: string, cookie: string, target: (typeof PAGES)[number], into: Sample) {
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: base });
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  into.first.push(await usableAfter(page, target.ready, () => page.goto(target.path)));
  into.reload.push(await usableAfter(page, target.ready, () => page.reload()));
  await context.close();
}

const WEB = path.join(root, 'dist', 'web');
const INDEX_FILES = ['index.html', 'index.html.br', 'index.html.gz'];

/** Puts a build's index files in dist/web (the assets of both are there for the run). */
function putIndexOf(dir: string) {
  for (const file of INDEX_FILES) if (existsSync(path.join(dir, file))) copyFileSync(path.join(dir, file), path.join(WEB, file));
}

/** Adds the other build's hashed assets to dist/web and keeps the current index files; answers how to undo it. */
function mergeBuilds(other: string, keep: string): () => void {
  const own = new Set(readdirSync(path.join(WEB, 'assets')));
  const added = readdirSync(path.join(other, 'assets')).filter((file) => !own.has(file));
  for (const file of added) copyFileSync(path.join(other, 'assets', file), path.join(WEB, 'assets', file));
  for (const file of INDEX_FILES) if (existsSync(path.join(WEB, file))) copyFileSync(path.join(WEB, file), path.join(keep, file));
  return () => {
    for (const file of added) rmSync(path.join(WEB, 'assets', file));
    putIndexOf(keep);
  };
}

const dataDir = process.env.BENCH_WEB_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-web-'));
if (!process.env.BENCH_WEB_DATA_DIR) {
  console.log(`generating the district data set on PGlite in ${dataDir} …`);
  await generate('district', { pgliteDir: dataDir });
}
const compare = process.env.BENCH_WEB_COMPARE;
const builds = compare
  ? [
      { name: 'compared', dir: compare },
      { name: 'current', dir: mkdtempSync(path.join(os.tmpdir(), 'lantu-web-current-')) },
    ]
  : [];
const undoMerge = compare ? mergeBuilds(compare, builds[1]?.dir ?? '') : () => {};
const server = await startServer({ LANTU_DATA_DIR: dataDir }, PORT);
const browser = await chromium.launch({
  executablePath: process.env.LANTU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const base = `http://127.0.0.1:${PORT}`;
  const { cookie } = await signIn(base, 'office');
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(`load average ${load.join(' ')}; ${RUNS} runs each${compare ? `, the ${compare} build and the current one by turns` : ''}`);
  console.log('page | p50 | p95 | budget | pass');
  for (const target of PAGES.filter((p) => !ONLY || p.name.includes(ONLY))) {
    const samples = (compare ? builds : [{ name: '', dir: '' }]).map((build) => ({
      build,
      sample: { label: compare ? `${target.name} (${build.name})` : target.name, first: [], reload: [] } as Sample,
    }));
    for (let i = 0; i < RUNS; i++) {
      for (const { build, sample } of samples) {
        if (compare) putIndexOf(build.dir);
        await measureOnce(browser, base, cookie, target, sample);
      }
    }
    for (const { sample } of samples) {
      for (const [how, times] of [
        ['first visit', sample.first],
        ['reload', sample.reload],
      ] as const) {
        const p95 = percentile(times, 95);
        console.log(
          `${sample.label}, ${how} | ${percentile(times, 50).toFixed(0)} ms | ${p95.toFixed(0)} ms | ${BUDGET_MS} ms | ${p95 <= BUDGET_MS ? 'pass' : 'FAIL'}`,
        );
      }
    }
  }
  console.log(
    `load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await stop(server.child);
  undoMerge();
}
