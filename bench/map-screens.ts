/**
 * The one map of a generated province as its reader sees it (issue 16: "drawn smoothly"): `lantu serve` on
 * BENCH_DATABASE_URL, Chromium signed in as the province user, /map at 1,440 × 900 and on a 390 × 844 phone, then a
 * click on the biggest bubble; screenshots into test-results/e2e-mapgrid/screens/ (643–645), and how long the page
 * took from navigation to the bubbles drawn (the map's answer and ECharts' drawing).
 *
 *   BENCH_DATABASE_URL=postgres://…/prov_map npx tsx bench/map-screens.ts
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { PASSWORD, startServer, stop } from './lib';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('set BENCH_DATABASE_URL to a generated database');
const port = Number(process.env.BENCH_PORT ?? 3361);
const out = process.env.BENCH_SCREENS ?? 'test-results/e2e-mapgrid/screens';
const base = `http://127.0.0.1:${port}`;
/** The bubbles' inner disc (web/src/modules/map/utils/map-option.ts). */
const BUBBLE = [0x2f, 0x54, 0xeb];

/** The canvas pixels of the bubbles' colour, as screen positions in the map. */
const bubblePixels = (page: Page) =>
  page.getByTestId('region-map').evaluate((element, rgb) => {
    const canvas = element.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return [];
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const spots: { x: number; y: number }[] = [];
    for (let y = 0; y < height; y += 2)
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) spots.push({ x: x / ratio, y: y / ratio });
      }
    return spots;
  }, BUBBLE);

async function open(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  const started = performance.now();
  await page.goto(`${base}/map`);
  await page.getByTestId('map-cells-hint').waitFor({ timeout: 60_000 });
  for (let i = 0; i < 600 && (await bubblePixels(page)).length === 0; i++) await page.waitForTimeout(50);
  return Math.round(performance.now() - started);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-map-screens-'));
const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
const browser = await chromium.launch({ executablePath: process.env.LANTU_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const signedIn = await context.request.post(`${base}/api/v1/auth/sign-in`, { data: { username: 'province', password: PASSWORD } });
  if (!signedIn.ok()) throw new Error(`sign-in: ${signedIn.status()}`);
  const page = await context.newPage();
  const desktop = await open(page, { width: 1440, height: 900 });
  await page.screenshot({ path: `${out}/643-province-map-bubbles.png` });
  const spots = await bubblePixels(page);
  const summary = await page.getByTestId('map-summary').textContent();
  // The bubble with the most pixels: the biggest count.
  const biggest = spots.reduce(
    (best, spot) => {
      const near = spots.filter((o) => Math.abs(o.x - spot.x) <= 8 && Math.abs(o.y - spot.y) <= 8).length;
      return near > best.near ? { spot, near } : best;
    },
    { spot: spots[0] ?? { x: 0, y: 0 }, near: -1 },
  ).spot;
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/map/projects'));
  const clicked = performance.now();
  await page.getByTestId('region-map').click({ position: biggest });
  await answered;
  const zoomedIn = Math.round(performance.now() - clicked);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/644-province-map-bubble-clicked.png` });
  const phone = await open(page, { width: 390, height: 844 });
  await page.screenshot({ path: `${out}/645-province-map-phone.png`, fullPage: true });
  console.log(`summary: ${summary}`);
  console.log(
    `desktop: bubbles drawn ${desktop} ms after navigation; a bubble clicked: the new view answered ${zoomedIn} ms after the click (a click asks at once, without the pause after a pan)`,
  );
  console.log(`phone: bubbles drawn ${phone} ms after navigation`);
} finally {
  await browser.close();
  await stop(server.child);
}
