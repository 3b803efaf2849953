/**
 * The one map's data (issue 16: 100,000 points ≤ 300 ms): `GET /api/v1/map/projects` as the web asks it, one request
 * at a time, 30 after 5 to warm up (BENCH_MAP_RUNS, BENCH_MAP_WARMUP), each with `accept-encoding: br` and without
 * (identity), as a reader whose map shows
 * - the whole region (the province user: 济南市's districts drawn, the province's generated projects in 天桥区),
 * - a district (天桥区's boundary),
 * - a street (0.012° × 0.008°, ≈ 1 km, in the middle of the generated points: points, not cells),
 * and the API's default (no bbox: the extent of the points), each on a 1,100-pixel-wide map (the desktop's).
 *
 *   npx tsx bench/map.ts                                   (PGlite: the demo district, 133 projects)
 *   BENCH_DATABASE_URL=postgres://…/prov_map npx tsx bench/map.ts [--user province]
 *
 * Prints per view: the answer (mode, placed, cells, bytes plain and brotli), p50 / p95 and the server's CPU a request.
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Bbox } from '../common/domain/map-grid';
import type { MapBase, MapProjectsWire } from '../common/schemas/map';
import { bboxParam, viewRequestFor } from '../web/src/modules/map/utils/cells';
import { baseExtent } from '../web/src/modules/map/utils/map-option';
import { measure, signIn, startServer, stop } from './lib';

const { values } = parseArgs({ options: { user: { type: 'string', default: 'province' } } });
const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 3360);
const runs = Number(process.env.BENCH_MAP_RUNS ?? 30);
const warmup = Number(process.env.BENCH_MAP_WARMUP ?? 5);
/** The desktop map's width in pixels (1,440-pixel window less the menu and margins). */
const MAP_WIDTH = 1100;
/** A street: ≈ 1 km around the middle of the generated points (bench/scale.ts places them in 116.95–117.05, 36.66–36.78). */
const STREET: Bbox = [116.994, 36.716, 117.006, 36.724];

/** The body's size as sent, with the encoding asked (node:http: no decompression). */
function sentBytes(address: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(address, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-map-'));
const env: Record<string, string> = { LANTU_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url, LANTU_DEMO: '1' } : {}) };
const server = await startServer(env, port);
const pid = server.child.pid ?? 0;
try {
  const base = `http://127.0.0.1:${port}`;
  const session = await signIn(base, values.user);
  const cookie = { cookie: session.cookie };
  const mapBase = async (regionCode?: string) =>
    (await (await fetch(`${base}/api/v1/map/base${regionCode ? `?regionCode=${regionCode}` : ''}`, { headers: cookie })).json()) as MapBase;
  const whole = baseExtent(await mapBase());
  const district = baseExtent(await mapBase('370105'));
  const asked = (view: Bbox | null) => {
    if (!view) return '';
    const { bbox, zoom } = viewRequestFor(view, MAP_WIDTH);
    return `?bbox=${bboxParam(bbox)}&zoom=${zoom}`;
  };
  const views: [string, string][] = [
    ['the whole region', asked(whole)],
    ['a district (天桥区)', asked(district)],
    ['a street (≈ 1 km)', asked(STREET)],
    ['no bbox (the points’ extent)', ''],
  ];
  const rows: string[][] = [];
  for (const [label, query] of views) {
    const address = `${base}/api/v1/map/projects${query}`;
    const answer = (await (await fetch(address, { headers: cookie })).json()) as MapProjectsWire;
    const plain = await sentBytes(address, { ...cookie, 'accept-encoding': 'identity' });
    const brotli = await sentBytes(address, { ...cookie, 'accept-encoding': 'br' });
    console.log(
      `${label}: ${query || '(no query)'} → ${answer.mode}, ${answer.placed} placed, ${answer.cells.length} cells, zoom ${answer.zoom}; ${plain} bytes, ${brotli} with brotli`,
    );
    for (const encoding of ['br', 'identity']) {
      const headers = { ...cookie, 'accept-encoding': encoding };
      await measure('warm-up', warmup, () => fetch(address, { headers }));
      rows.push(await measure(`${label}, ${encoding}`, runs, () => fetch(address, { headers }), pid));
    }
  }
  const load = os.loadavg().map((n) => n.toFixed(2));
  console.log(
    `\n${url ? 'PostgreSQL' : 'PGlite'}, as ${values.user}, ${runs} requests each after ${warmup}; load average ${load.join(' ')}`,
  );
  for (const row of rows) console.log(row.join(' | '));
} finally {
  await stop(server.child);
}
