import { describe, expect, it } from 'vitest';
import type { MapBase, MapProjects } from '../api/map-api';
import { LARGE_THRESHOLD, baseGeoJson, baseMapName, buildMapOption, groupPoints } from './map-option';
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
});
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

  it('draws many points in large mode and keeps the pan and zoom', () => {
    const option = buildMapOption({
      mapName: 'm',
      points: points(LARGE_THRESHOLD * 8),
      colourBy: 'warning',
      t,
      view: { center: [117, 36.7], zoom: 3 },
    });
    const series = option.series as { large: boolean; data: unknown[] }[];
    expect(series.every((s) => s.large)).toBe(true);
    expect(option.geo).toMatchObject({ map: 'm', center: [117, 36.7], zoom: 3 });
    const few = buildMapOption({ mapName: 'm', points: points(40), colourBy: 'pool', t });
    expect((few.series as { large: boolean }[]).some((s) => s.large)).toBe(false);
  });

  it('draws a city as its districts and renames the map when a boundary changes', () => {
    const city = base({ regionCode: '370100', children: [boundary('370102'), boundary('370105')] });
    expect(baseGeoJson(city)?.features).toEqual([{ id: '370102' }, { id: '370105' }]);
    expect(baseGeoJson(base({ boundary: null }))).toBeNull();
    expect(baseMapName(base())).not.toBe(baseMapName(base({ boundary: boundary('370105', 2) })));
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
