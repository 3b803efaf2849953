import { describe, expect, it } from 'vitest';
import type { MapBase, MapCarriers, MapCell, MapProjects } from '../api/map-api';
import { layersFromParam } from './layers';
import {
  CELL_SERIES,
  PARCEL_COLOURS,
  POOL_COLOURS,
  baseGeoJson,
  baseMapName,
  buildMapOption,
  carrierSeries,
  groupPoints,
  maxZoomFor,
  ownOutlineNames,
} from './map-option';
import { tileCorner, tileX, tileY, tilesForView } from './tiles';

const t = ((key: string, params?: Record<string, string | number>) => (params ? `${key}:${JSON.stringify(params)}` : key)) as never;
const points = (n: number): MapProjects => ({
  ids: Array.from({ length: n }, (_, i) => `p${i}`),
  names: Array.from({ length: n }, (_, i) => `项目${i}`),
  lon: Array.from({ length: n }, (_, i) => 117 + i / 1e5),
  lat: Array.from({ length: n }, () => 36.7),
  warning: Array.from({ length: n }, (_, i) => i % 4),
  pool: Array.from({ length: n }, (_, i) => i % 5),
  investmentWan: Array.from({ length: n }, () => 100),
  pools: ['planning', 'advancing', 'implementing', 'completed', 'withdrawn'],
  unplaced: 0,
  mode: 'points',
  view: null,
  zoom: null,
  placed: n,
  cells: [],
});
/** The server's answer of cells: no points, the cells as given. */
const cellsAnswer = (cells: MapCell[]): MapProjects => ({
  ...points(0),
  mode: 'cells',
  placed: cells.reduce((sum, c) => sum + c.count, 0),
  cells,
});
const cell = (lon: number, warning: number[], over: Partial<MapCell> = {}): MapCell => ({
  lon,
  lat: 36.7,
  count: warning.reduce((a, b) => a + b, 0),
  warning,
  pool: [warning.reduce((a, b) => a + b, 0), 0, 0, 0, 0],
  investmentYuan: 123_450_000,
  bounds: [lon - 0.01, 36.69, lon + 0.01, 36.71],
  ...over,
});
type Element = { type: string; shape?: Record<string, number>; style?: Record<string, unknown>; children?: Element[] };
/** Draws item `row` of a custom series with a stand-in of ECharts' api (1 degree = 1,000 pixels). */
const drawItem = (series: unknown, row: number) =>
  (series as { renderItem: (params: unknown, api: unknown) => Element | null }).renderItem(
    {},
    { value: (i: number) => (i === 2 ? row : 0), coord: ([x, y]: number[]) => [(x ?? 0) * 1000, (y ?? 0) * 1000] },
  );
const boundary = (code: string, version = 1) => ({
  regionCode: code,
  regionName: code,
  geojson: { type: 'FeatureCollection' as const, features: [{ id: code }] },
  bbox: [117, 36.6, 117.1, 36.8] as [number, number, number, number],
  vertexCount: 5,
  source: 'demo',
  updatedAt: '2026-12-06T00:00:00Z',
  version,
});
const base = (over: Partial<MapBase> = {}): MapBase => ({
  regionCode: '370105',
  regionName: '天桥区',
  boundary: boundary('370105'),
  children: [],
  tileUrl: null,
  abilities: { upload: false },
  ...over,
});

describe('map option', () => {
  it('splits the points into one series per warning colour or pool, keeping each row index', () => {
    const byWarning = groupPoints(points(8), 'warning', t);
    expect(byWarning.map((g) => g.data.length)).toEqual([2, 2, 2, 2]);
    expect(byWarning[3]?.data[0]).toEqual([117 + 3 / 1e5, 36.7, 3]);
    expect(byWarning.map((g) => g.label)).toEqual(['map.noWarning', 'warningColour.green', 'warningColour.yellow', 'warningColour.red']);
    expect(groupPoints(points(10), 'pool', t).map((g) => g.label)).toEqual([
      'pool.planning',
      'pool.advancing',
      'pool.implementing',
      'pool.completed',
      'pool.withdrawn',
    ]);
  });

  it('draws the server’s cells as bubbles ringed by their colours’ shares, keeping the legend and the pan and zoom', () => {
    const answer = cellsAnswer([cell(117, [0, 30, 10, 0]), cell(117.1, [0, 0, 0, 5]), cell(117.2, [2, 2, 2, 2])]);
    const option = buildMapOption({ mapName: 'm', points: answer, colourBy: 'warning', t, view: { center: [117, 36.7], zoom: 3 } });
    const series = option.series as { id: string; type: string; data: unknown[] }[];
    // The colours' series stay (empty) for the legend; the bubbles are one custom series, a data item a cell.
    expect(series.filter((s) => s.id.startsWith('warning-')).map((s) => s.data.length)).toEqual([0, 0, 0, 0]);
    const bubbles = series.find((s) => s.id === CELL_SERIES);
    expect(bubbles?.type).toBe('custom');
    expect(bubbles?.data).toEqual([
      [117, 36.7, 0],
      [117.1, 36.7, 1],
      [117.2, 36.7, 2],
    ]);
    expect(option.geo).toMatchObject({ map: 'm', center: [117, 36.7], zoom: 3 });
    // 30 green and 10 yellow: a ring of two arcs, three quarters green, and 40 written inside.
    const first = drawItem(bubbles, 0);
    const arcs = (first?.children ?? []).filter((c) => c.type === 'sector');
    expect(arcs.map((a) => a.style?.fill)).toEqual(['#52c41a', '#faad14']);
    const turn = (a: Element) => ((a.shape?.endAngle ?? 0) - (a.shape?.startAngle ?? 0)) / (2 * Math.PI);
    expect(turn(arcs[0] as Element)).toBeCloseTo(0.75, 10);
    expect(turn(arcs[1] as Element)).toBeCloseTo(0.25, 10);
    expect(first?.children?.find((c) => c.type === 'text')?.style?.text).toBe('40');
    expect(first?.children?.find((c) => c.type === 'circle')?.shape).toMatchObject({ cx: 117_000, cy: 36_700 });
    // Four colours of two each: four equal arcs.
    expect((drawItem(bubbles, 2)?.children ?? []).filter((c) => c.type === 'sector')).toHaveLength(4);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = tooltip({ seriesId: CELL_SERIES, data: [117, 36.7, 0] });
    expect(text).toContain('map.cluster:{"count":40}');
    expect(text).toContain('warningColour.green 30 · warningColour.yellow 10');
    expect(text).toContain(`map.investment:{"wan":"${(12_345).toLocaleString()}"}`);
    // Coloured by pool, the ring follows the pools' counts.
    const byPool = buildMapOption({ mapName: 'm', points: answer, colourBy: 'pool', t }).series as { id: string }[];
    const poolArcs = (
      drawItem(
        byPool.find((s) => s.id === CELL_SERIES),
        0,
      )?.children ?? []
    ).filter((c) => c.type === 'sector');
    expect(poolArcs.map((a) => a.style?.fill)).toEqual(['#722ed1']);
    // An answer of points has no bubbles.
    const few = buildMapOption({ mapName: 'm', points: points(40), colourBy: 'pool', t });
    expect((few.series as { id: string }[]).some((s) => s.id === CELL_SERIES)).toBe(false);
  });

  it('counts in bubbles only the colours the legend shows, and keeps the legend choice', () => {
    const answer = cellsAnswer([cell(117, [0, 30, 10, 4]), cell(117.1, [0, 0, 0, 5])]);
    const legendSelected = { 'warningColour.red': false };
    const option = buildMapOption({ mapName: 'm', points: answer, colourBy: 'warning', t, legendSelected });
    const bubbles = (option.series as { id: string; data: unknown[] }[]).find((s) => s.id === CELL_SERIES);
    // The red-only cell is not drawn; the other counts its 40 green and yellow, in two arcs.
    expect(bubbles?.data).toEqual([[117, 36.7, 0]]);
    const drawn = drawItem(bubbles, 0)?.children ?? [];
    expect(drawn.find((c) => c.type === 'text')?.style?.text).toBe('40');
    expect(drawn.filter((c) => c.type === 'sector').map((a) => a.style?.fill)).toEqual(['#52c41a', '#faad14']);
    expect((option.legend as { id: string; selected?: unknown }[])[0]?.selected).toEqual(legendSelected);
  });

  it('lets a wide base zoom in until a view is a few hundred metres wide', () => {
    expect(maxZoomFor(base())).toBe(100);
    const province = base({ boundary: { ...boundary('370000'), bbox: [114.8, 34.4, 122.7, 38.4] } });
    expect(maxZoomFor(province)).toBe(3950);
    expect(maxZoomFor(base({ boundary: { ...boundary('370105001'), bbox: [117, 36.7, 117.01, 36.71] } }))).toBe(40);
    expect(buildMapOption({ mapName: 'm', colourBy: 'warning', t, maxZoom: 100 }).geo).toMatchObject({ scaleLimit: { max: 100 } });
  });

  it('draws a city as its districts and renames the map when a boundary changes', () => {
    const city = base({ regionCode: '370100', regionName: '济南市', boundary: null, children: [boundary('370102'), boundary('370105')] });
    expect(baseGeoJson(city)?.features).toEqual([
      { id: '370102', properties: { name: '370102' } },
      { id: '370105', properties: { name: '370105' } },
    ]);
    expect(ownOutlineNames(city)).toEqual([]);
    expect(baseGeoJson(base({ boundary: null }))).toBeNull();
    expect(baseMapName(base())).not.toBe(baseMapName(base({ boundary: boundary('370105', 2) })));
  });

  it("keeps a district's own outline under its first streets, unlabelled, and a city's districts without a boundary", () => {
    const feature = (name?: string) => ({ type: 'Feature', properties: name ? { name } : {}, geometry: null });
    const street = {
      ...boundary('370105001'),
      regionName: '北园街道',
      geojson: { type: 'FeatureCollection' as const, features: [feature()] },
    };
    const district = base({
      boundary: { ...boundary('370105'), geojson: { type: 'FeatureCollection', features: [feature('天桥区')] } },
      children: [street],
    });
    // Before any street: the district alone, as before.
    expect(baseGeoJson(base({ boundary: district.boundary }))?.features).toEqual([feature('天桥区')]);
    // One street uploaded: the district's outline first (drawn underneath), then the street under its region's name.
    expect(baseGeoJson(district)?.features).toEqual([feature('天桥区'), feature('北园街道')]);
    expect(ownOutlineNames(district)).toEqual(['天桥区']);
    const geo = buildMapOption({ mapName: 'm', colourBy: 'warning', t, outlines: ownOutlineNames(district) }).geo as {
      regions?: { name: string; label: { show: boolean } }[];
    };
    expect(geo.regions).toEqual([expect.objectContaining({ name: '天桥区', label: { show: false } })]);
    expect((buildMapOption({ mapName: 'm', colourBy: 'warning', t }).geo as { regions?: unknown }).regions).toBeUndefined();
    // A city whose boundary is its districts' file: the districts with their own boundary are not drawn twice.
    const cityFile = { type: 'FeatureCollection' as const, features: [feature('历下区'), feature('天桥区'), feature('槐荫区')] };
    const named = (code: string, name: string) => ({
      ...boundary(code),
      regionName: name,
      geojson: { type: 'FeatureCollection' as const, features: [feature(name)] },
    });
    const city = base({
      regionCode: '370100',
      regionName: '济南市',
      boundary: { ...boundary('370100'), geojson: cityFile },
      children: [named('370102', '历下区'), named('370105', '天桥区')],
    });
    expect(ownOutlineNames(city)).toEqual(['槐荫区']);
    expect(baseGeoJson(city)?.features).toEqual([feature('槐荫区'), feature('历下区'), feature('天桥区')]);
  });

  it('closes a finished outline and pins the placed point', () => {
    const option = buildMapOption({
      mapName: 'm',
      colourBy: 'warning',
      t,
      overlay: {
        point: [117, 36.7],
        outline: [
          [117, 36.7],
          [117.01, 36.7],
          [117.01, 36.71],
        ],
        closed: true,
      },
    });
    const series = option.series as { id: string; data: unknown[] }[];
    expect(series.find((s) => s.id === 'outline')?.data).toEqual([
      {
        coords: [
          [117, 36.7],
          [117.01, 36.7],
          [117.01, 36.71],
          [117, 36.7],
        ],
      },
    ]);
    expect(series.find((s) => s.id === 'placed-point')?.data).toEqual([[117, 36.7]]);
  });
});

const square = (lon: number, lat: number, d = 0.01): [number, number][][] => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];
const carriers: MapCarriers = {
  regionCode: '370105',
  parks: [
    { id: 'k1', name: '新材料产业园', areaMu: 3200, outline: square(117, 36.7, 0.03), centre: [117.015, 36.715] },
    { id: 'k2', name: '无范围园区', areaMu: null, outline: null, centre: null },
  ],
  parcels: [
    {
      id: 'a',
      code: 'TQ-01',
      name: '北区01',
      status: 'available',
      areaMu: 86,
      parkName: '新材料产业园',
      outline: square(117, 36.7),
      centre: [117.005, 36.705],
    },
    {
      id: 'b',
      code: 'TQ-02',
      name: '北区02',
      status: 'reserve',
      areaMu: 52.5,
      parkName: null,
      outline: square(117.02, 36.7),
      centre: [117.025, 36.705],
    },
    {
      id: 'c',
      code: 'TQ-03',
      name: '南区03',
      status: 'available',
      areaMu: 40,
      parkName: null,
      outline: square(117.04, 36.7),
      centre: [117.045, 36.705],
    },
    { id: 'd', code: 'TQ-04', name: '未标注', status: 'supplied', areaMu: 10, parkName: null, outline: null, centre: null },
  ],
  truncated: { parks: false, parcels: false },
};

describe('carrier layers', () => {
  it('draws the parks with an outline as one series and the parcels as one series a status, keeping each row index', () => {
    const { series, legend } = carrierSeries(carriers, t);
    expect(series.map((s) => s.id)).toEqual(['carrier-parks', 'carrier-parcels-reserve', 'carrier-parcels-available']);
    // The legend in words, in the same order; a status with nothing drawn (supplied, no outline) is left out.
    expect(legend).toEqual(['map.layer.parks', 'map.layer.parcel.reserve', 'map.layer.parcel.available']);
    expect(series[0]?.data).toEqual([[117.015, 36.715, 0]]);
    expect(series[2]?.data).toEqual([
      [117.005, 36.705, 0],
      [117.045, 36.705, 2],
    ]);
    expect(series[2]?.itemStyle?.color).toBe(PARCEL_COLOURS.available);
    // A parcel's colour is never a point's colour.
    const pointColours = new Set(['#f5222d', '#faad14', '#52c41a', '#8c8c8c', ...Object.values(POOL_COLOURS)]);
    expect(Object.values(PARCEL_COLOURS).some((c) => pointColours.has(c))).toBe(false);
  });

  it('draws a park as a translucent area with its name, a parcel as its area in the status colour', () => {
    const { series } = carrierSeries(carriers, t);
    type Render = (params: unknown, api: unknown) => Record<string, unknown>;
    // ECharts' custom-series api: the item's values ([lon, lat, row]) and the place of a coordinate in pixels.
    const render = (index: number, row: number, scale = 10_000) =>
      ((series[index] as { renderItem: unknown }).renderItem as Render)(
        {},
        { value: (i: number) => (i === 2 ? row : 0), coord: ([x, y]: number[]) => [((x ?? 0) - 117) * scale, ((y ?? 0) - 36.7) * scale] },
      );
    const park = render(0, 0) as { children: { type: string; style: Record<string, unknown> }[] };
    expect(park.children.map((c) => c.type)).toEqual(['polygon', 'text']);
    expect(String(park.children[0]?.style.fill)).toMatch(/^rgba\(.*0\.14\)$/);
    expect(park.children[1]?.style.text).toBe('新材料产业园');
    expect(render(2, 2)).toMatchObject({ type: 'polygon', style: { fill: PARCEL_COLOURS.available } });
    // Shrunk below a few pixels (zoomed out), a parcel is still a visible square.
    expect(render(2, 2, 10)).toMatchObject({ type: 'rect', style: { fill: PARCEL_COLOURS.available } });
  });

  it('puts the layers under the points, their legend at the top, and words their tooltip', () => {
    const option = buildMapOption({ mapName: 'm', points: points(8), colourBy: 'warning', t, carriers });
    const series = option.series as { id: string; z?: number }[];
    expect(series.slice(0, 3).map((s) => s.id)).toEqual(['carrier-parks', 'carrier-parcels-reserve', 'carrier-parcels-available']);
    const parcelZ = series[2]?.z ?? 0;
    expect(series.filter((s) => s.id.startsWith('warning-')).every((s) => (s.z ?? 0) > parcelZ)).toBe(true);
    const legends = option.legend as { id: string; data: string[] }[];
    expect(legends.map((l) => l.id)).toEqual(['points', 'carriers']);
    expect(legends[1]?.data).toContain('map.layer.parcel.available');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ seriesId: 'carrier-parcels-available', data: [117, 36.7, 2] })).toBe(
      'TQ-03 南区03<br/>parcelStatus.available · map.parcel.areaMu:{"mu":40}',
    );
    expect(formatter({ seriesId: 'carrier-parks', data: [117, 36.7, 0] })).toBe('新材料产业园');
    // Without layers, nothing of them.
    const plain = buildMapOption({ mapName: 'm', points: points(8), colourBy: 'warning', t });
    expect((plain.series as { id: string }[]).some((s) => s.id.startsWith('carrier-'))).toBe(false);
    expect((plain.legend as unknown[]).length).toBe(1);
  });

  it('reads the layers from the address: the projects alone by default, none when all are off', () => {
    expect(layersFromParam(null)).toEqual(['projects']);
    expect(layersFromParam('parcels,projects,roads')).toEqual(['projects', 'parcels']);
    expect(layersFromParam('')).toEqual([]);
  });
});

describe('tiles', () => {
  it('finds the tile of a place and its corners', () => {
    expect([tileX(117, 12), tileY(36.7, 12)]).toEqual([3379, 1598]);
    const [lon, lat] = tileCorner(3379, 1598, 12);
    expect(lon).toBeLessThanOrEqual(117);
    expect(lat).toBeGreaterThanOrEqual(36.7);
  });

  it('covers a district view with a bounded number of tiles at a sensible zoom', () => {
    const tiles = tilesForView('https://t/{z}/{x}/{y}.png', [116.9, 36.6, 117.2, 36.85], 800);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(64);
    expect(tiles[0]?.url).toMatch(/^https:\/\/t\/1[0-2]\/\d+\/\d+\.png$/);
  });
});
