import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { type Bbox, MAP_MAX_CELLS_ACROSS, inBbox } from '../../../common/domain/map-grid';
import { parseMapPoints } from '../../../common/domain/map-points';
import type { MapBase, MapProjectsWire, RegionBoundary } from '../../../common/schemas/map';
import { auditEvents, projects, regionBoundaries } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

const square: [number, number][] = [
  [117, 36.7],
  [117.05, 36.7],
  [117.05, 36.75],
  [117, 36.75],
  [117, 36.7],
];
const upload = (coordinates: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: '370105', properties: { name: '天桥区' }, geometry: { type: 'Polygon', coordinates } }],
  ...extra,
});
const pointsOf = (response: { json: () => unknown }) => {
  const wire = response.json() as MapProjectsWire;
  return parseMapPoints(wire.rows, wire.pools, wire.unplaced);
};
type ListPage = { items: { id: string; leadUnitId: string }[]; total: number };
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);
const cellsOf = (response: { statusCode: number; json: () => unknown }) => {
  expect(response.statusCode).toBe(200);
  return response.json() as MapProjectsWire;
};

describeEachDatabase('map API (一张图)', (t) => {
  let admin: Client;
  let office: Client;
  let unitClerk: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    office = await signInAs(t().app, 'office');
    unitClerk = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  const boundaryRow = async (code: string) =>
    (await t().database.db.select().from(regionBoundaries).where(eq(regionBoundaries.regionCode, code)))[0];

  it('answers the district’s demo boundary by default, and a city with its districts', async () => {
    const base = (await office.get('/api/v1/map/base')).json() as MapBase;
    expect(base.regionCode).toBe('370105');
    expect(base.boundary?.geojson.features).toHaveLength(1);
    expect(base.boundary?.geojson.features[0].properties.name).toBe('天桥区');
    expect(base.boundary?.bbox[0]).toBeGreaterThan(116.8);
    expect(base.tileUrl).toBeNull();
    expect(base.abilities.upload).toBe(false);
    const city = (await office.get('/api/v1/map/base?regionCode=370100')).json() as MapBase;
    expect(city.regionName).toBe('济南市');
    expect(city.children.map((c) => c.regionCode)).toContain('370105');
    expect(city.children.length).toBeGreaterThanOrEqual(10);
    // 历下区 is neither in the office's jurisdiction nor above it.
    expect((await office.get('/api/v1/map/base?regionCode=370102')).statusCode).toBe(404);
    expect((await anonymous(t().app).get('/api/v1/map/base')).statusCode).toBe(401);
  });

  it('lets the administrator replace the district’s boundary, audited, and serves the tile server set in settings', async () => {
    const before = await boundaryRow('370105');
    const response = await admin.post('/api/v1/regions/370105/boundary', upload([square], { source: '天桥区.geojson' }));
    expect(response.statusCode).toBe(200);
    const saved = response.json() as RegionBoundary;
    expect(saved).toMatchObject({ regionCode: '370105', vertexCount: 5, bbox: [117, 36.7, 117.05, 36.75], source: '天桥区.geojson' });
    expect(saved.version).toBe((before?.version ?? 0) + 1);
    const audit = await lastAuditEvent(t().database, 'regions.boundary_upload', '370105');
    expect(audit?.after).toMatchObject({ features: 1, vertexCount: 5 });
    expect((await admin.get('/api/v1/map/base')).json()).toMatchObject({ abilities: { upload: true }, boundary: { vertexCount: 5 } });

    const settings = (await admin.get('/api/v1/settings')).json() as { version: number };
    const tileUrl = 'https://tiles.gov.local/{z}/{x}/{y}.png';
    expect((await admin.patch('/api/v1/settings', { mapTileUrl: tileUrl, version: settings.version })).statusCode).toBe(200);
    expect(((await office.get('/api/v1/map/base')).json() as MapBase).tileUrl).toBe(tileUrl);
    const bad = await admin.patch('/api/v1/settings', {
      mapTileUrl: 'ftp://tiles.gov.local/{z}/{x}/{y}.png',
      version: settings.version + 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('mapTileUrl');
    expect(errorOf(bad).details?.[0]?.message).toContain('http://');
  });

  it('refuses bad boundaries naming feature and ring, and keeps nothing', async () => {
    const before = await boundaryRow('370105');
    const auditsBefore = (await t().database.db.select().from(auditEvents)).length;
    const open = square.slice(0, 4);
    const bowTie = [square[0], square[2], square[1], square[3], square[0]];
    const metres = square.map(([x, y]) => [x * 4000, y * 110_000]);
    const cases: [unknown, string, string][] = [
      [{ type: 'Polygon', coordinates: [square] }, 'body.type', 'FeatureCollection'],
      [upload([square, open]), 'body.features[0].geometry.coordinates[1]', '第 1 个要素第 1 个面第 2 圈没有闭合'],
      [upload([bowTie]), 'body.features[0].geometry.coordinates[0]', '自相交'],
      [upload([metres]), 'body.features[0].geometry.coordinates[0]', '投影坐标'],
      [upload([square], { crs: { type: 'name', properties: { name: 'EPSG:4547' } } }), 'body.crs', 'WGS-84'],
    ];
    for (const [body, path, message] of cases) {
      const response = await admin.post('/api/v1/regions/370105/boundary', body);
      expect(response.statusCode, path).toBe(400);
      expect(errorOf(response).details?.[0]).toEqual({ path, message: expect.stringContaining(message) });
    }
    expect(await boundaryRow('370105')).toEqual(before);
    expect((await t().database.db.select().from(auditEvents)).length).toBe(auditsBefore);
  });

  it('answers 413 naming the limit for a file over 20 MB', async () => {
    const huge = JSON.stringify(upload([square], { padding: 'x'.repeat(21 * 1024 * 1024) }));
    const response = await admin.post('/api/v1/regions/370105/boundary', huge, { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).message).toBe('提交的内容过大：不能超过 20 MB');
  });

  it('lets only an administrator of the region upload', async () => {
    expect((await office.post('/api/v1/regions/370105/boundary', upload([square]))).statusCode).toBe(403);
    expect((await otherAdmin.post('/api/v1/regions/370105/boundary', upload([square]))).statusCode).toBe(404);
    // 济南市 is above 天桥区's administrator: he sees it, but may not change it.
    expect((await admin.post('/api/v1/regions/370100/boundary', upload([square]))).statusCode).toBe(403);
  });

  it('answers the points the project list’s filters match, in scope, counting those without a point', async () => {
    const list = (await office.get('/api/v1/projects?pageSize=200&pool=implementing')).json() as ListPage;
    const points = pointsOf(await office.get('/api/v1/map/projects?pool=implementing'));
    expect(list.total).toBeGreaterThan(5);
    expect(points.ids.length + points.unplaced).toBe(list.total);
    expect(new Set(points.ids)).toEqual(new Set(list.items.map((p) => p.id)));
    const implementing = points.pools.indexOf('implementing');
    expect(points.pool.every((p) => p === implementing)).toBe(true);
    for (const key of ['names', 'lon', 'lat', 'warning', 'pool', 'investmentWan'] as const)
      expect(points[key]).toHaveLength(points.ids.length);
    expect(points.lon.every((x) => x > 116.8 && x < 117.3)).toBe(true);
    expect(points.warning.every((w) => [0, 1, 2, 3].includes(w))).toBe(true);

    const red = pointsOf(await office.get('/api/v1/map/projects?warning=red'));
    expect(red.warning.every((w) => w === 3)).toBe(true);
    const all = pointsOf(await office.get('/api/v1/map/projects'));
    expect(red.ids.length).toBeLessThan(all.ids.length);

    const firstId = list.items[0]?.id ?? '';
    await t().database.db.update(projects).set({ longitude: null, latitude: null }).where(eq(projects.id, firstId));
    const after = pointsOf(await office.get('/api/v1/map/projects?pool=implementing'));
    expect(after.unplaced).toBe(points.unplaced + 1);
    expect(after.ids).not.toContain(firstId);
  });

  it('leaks nothing out of scope, even when a filter names another unit', async () => {
    const own = (await unitClerk.get('/api/v1/projects?pageSize=200')).json() as ListPage;
    const points = pointsOf(await unitClerk.get('/api/v1/map/projects'));
    expect(points.ids.length + points.unplaced).toBe(own.total);
    const ownUnit = own.items[0]?.leadUnitId;
    const everything = (await office.get('/api/v1/projects?pageSize=200')).json() as ListPage;
    const otherUnit = everything.items.find((p) => p.leadUnitId !== ownUnit)?.leadUnitId;
    expect(otherUnit).toBeDefined();
    const other = pointsOf(await unitClerk.get(`/api/v1/map/projects?leadUnitId=${otherUnit}`));
    expect(other).toMatchObject({ ids: [], names: [], unplaced: 0 });
    expect(pointsOf(await otherAdmin.get('/api/v1/map/projects')).ids).toEqual([]);
    const bad = await office.get('/api/v1/map/projects?pool=nowhere&page=2');
    expect(bad.statusCode).toBe(400);
  });
  it('answers grid cells past maxPoints whose counts add up to the list’s total, by colour, by pool and in money', async () => {
    for (const filter of ['', 'pool=implementing', 'warning=red,yellow']) {
      const list = (await office.get(`/api/v1/projects?pageSize=1&${filter}`)).json() as ListPage;
      const points = pointsOf(await office.get(`/api/v1/map/projects?${filter}`));
      const answer = cellsOf(await office.get(`/api/v1/map/projects?maxPoints=0&${filter}`));
      expect(answer.mode, filter).toBe('cells');
      expect(answer.rows).toBe('');
      expect(answer.cells.length).toBeGreaterThan(0);
      // The cells count every placed project once; with the unplaced, the list's total.
      expect(sum(answer.cells.map((c) => c.count)), filter).toBe(points.ids.length);
      expect(answer.placed).toBe(points.ids.length);
      expect(answer.placed + answer.unplaced, filter).toBe(list.total);
      for (const cell of answer.cells) {
        expect(sum(cell.warning)).toBe(cell.count);
        expect(sum(cell.pool)).toBe(cell.count);
        expect(inBbox(cell.bounds, cell.lon, cell.lat)).toBe(true);
      }
      // By colour and pool, the cells say what the points say.
      for (const level of [0, 1, 2, 3])
        expect(sum(answer.cells.map((c) => c.warning[level] ?? 0)), `${filter} warning ${level}`).toBe(
          points.warning.filter((w) => w === level).length,
        );
      for (const k of answer.pools.keys())
        expect(sum(answer.cells.map((c) => c.pool[k] ?? 0))).toBe(points.pool.filter((p) => p === k).length);
      expect(sum(answer.cells.map((c) => c.investmentYuan)) / 10_000).toBeCloseTo(sum(points.investmentWan), 0);
      // Without a bbox the view is the points' extent, the level about 16 cells across it.
      expect(answer.view).toEqual([Math.min(...points.lon), Math.min(...points.lat), Math.max(...points.lon), Math.max(...points.lat)]);
      expect(answer.zoom).toBeGreaterThan(8);
    }
    // The unit clerk's cells count his own projects only.
    const own = (await unitClerk.get('/api/v1/projects?pageSize=1')).json() as ListPage;
    const his = cellsOf(await unitClerk.get('/api/v1/map/projects?maxPoints=0'));
    expect(his.placed + his.unplaced).toBe(own.total);
    expect(sum(his.cells.map((c) => c.count))).toBe(his.placed);
    expect(cellsOf(await otherAdmin.get('/api/v1/map/projects?maxPoints=0'))).toMatchObject({ cells: [], placed: 0, rows: '' });
  });

  it('answers the points of a view while it holds at most maxPoints, else its cells: the same projects either way', async () => {
    const all = pointsOf(await office.get('/api/v1/map/projects'));
    const [west, east] = [Math.min(...all.lon), Math.max(...all.lon)];
    const [south, north] = [Math.min(...all.lat), Math.max(...all.lat)];
    // Property: for any view and level, the cells' counts add up to the view's points, which are the points in it.
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.integer({ min: 9, max: 14 }),
        async ([x0, x1], [y0, y1], zoom) => {
          const lon = [west + (east - west) * Math.min(x0, x1), west + (east - west) * Math.max(x0, x1) + 1e-6];
          const lat = [south + (north - south) * Math.min(y0, y1), south + (north - south) * Math.max(y0, y1) + 1e-6];
          const bbox = [lon[0], lat[0], lon[1], lat[1]].map((n) => (n ?? 0).toFixed(6)).join(',');
          const view = bbox.split(',').map(Number) as Bbox;
          const inside = all.ids.filter((_, i) => inBbox(view, all.lon[i] ?? 0, all.lat[i] ?? 0));
          const points = cellsOf(await office.get(`/api/v1/map/projects?bbox=${bbox}`));
          expect(points.mode).toBe('points');
          expect(new Set(parseMapPoints(points.rows, points.pools, 0).ids)).toEqual(new Set(inside));
          expect(points.placed).toBe(inside.length);
          const cells = await office.get(`/api/v1/map/projects?bbox=${bbox}&zoom=${zoom}&maxPoints=0`);
          // A level too fine for the view is refused (checked below); any other answers cells that add up.
          if (cells.statusCode === 400) return;
          const answer = cellsOf(cells);
          expect(answer).toMatchObject({ view, zoom, placed: inside.length, unplaced: all.unplaced });
          expect(answer.mode).toBe(inside.length > 0 ? 'cells' : 'points');
          expect(sum(answer.cells.map((c) => c.count))).toBe(inside.length);
          for (const cell of answer.cells)
            expect(inBbox(view, cell.bounds[0], cell.bounds[1]) && inBbox(view, cell.bounds[2], cell.bounds[3])).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
    // maxPoints decides: a view of more is answered in cells, of as many or fewer in points.
    const whole = [west, south, east, north].join(',');
    expect(cellsOf(await office.get(`/api/v1/map/projects?bbox=${whole}&maxPoints=${all.ids.length - 1}`)).mode).toBe('cells');
    expect(cellsOf(await office.get(`/api/v1/map/projects?bbox=${whole}&maxPoints=${all.ids.length}`)).mode).toBe('points');
  });

  it('refuses a bad view naming the field', async () => {
    const cases: [string, string, string][] = [
      ['bbox=117,36.7,117.1', 'query.bbox', '西,南,东,北'],
      ['bbox=117.1,36.7,117,36.8', 'query.bbox', '西小于东'],
      ['bbox=117,36.7,117.1,91', 'query.bbox', '纬度在 −90～90'],
      ['bbox=1e2,36.7,117.1,36.8', 'query.bbox', '十进制'],
      ['zoom=12', 'query.zoom', '须同时给出视野范围'],
      ['bbox=116,36,118,38&zoom=13', 'query.zoom', `最多 ${MAP_MAX_CELLS_ACROSS} 格`],
      ['bbox=116,36,118,38&zoom=25', 'query.zoom', ''],
      ['maxPoints=2001', 'query.maxPoints', ''],
    ];
    for (const [query, path, message] of cases) {
      const response = await office.get(`/api/v1/map/projects?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorOf(response).details?.[0], query).toEqual({ path, message: expect.stringContaining(message) });
    }
    // In English for a reader who reads English.
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const english = await office.get('/api/v1/map/projects?bbox=117,36.7');
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' })).statusCode).toBe(200);
    expect(errorOf(english).details?.[0]).toEqual({ path: 'query.bbox', message: expect.stringContaining('west,south,east,north') });
  });
});
