import { describe, expect, it } from 'vitest';
import { MAX_BOUNDARY_VERTICES, checkBoundary, isWgs84Crs, ringSelfIntersects, segmentsCross } from './boundary';

const square: [number, number][] = [
  [117, 36.6],
  [117.1, 36.6],
  [117.1, 36.7],
  [117, 36.7],
  [117, 36.6],
];
const feature = (coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  id: '370105',
  properties: { name: '天桥区' },
  geometry: { type, coordinates },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const problemsOf = (input: unknown) => {
  const result = checkBoundary(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
};

describe('checkBoundary', () => {
  it('accepts a FeatureCollection of polygons and keeps only ids, names and rings', () => {
    const result = checkBoundary({
      ...collection({ ...feature([square]), properties: { name: '天桥区', cp: [1, 2] } }),
      UTF8Encoding: false,
    });
    expect(result).toEqual({
      ok: true,
      collection: collection(feature([square])),
      vertexCount: 5,
      bbox: [117, 36.6, 117.1, 36.7],
    });
  });

  it('accepts a single Feature and a MultiPolygon', () => {
    const result = checkBoundary(feature([[square], [square.map(([x, y]) => [x + 1, y])]], 'MultiPolygon'));
    expect(result.ok && result.collection.features[0]?.geometry.type).toBe('MultiPolygon');
    expect(result.ok && result.vertexCount).toBe(10);
  });

  it('refuses what is not a FeatureCollection or Feature, and an empty collection', () => {
    expect(problemsOf({ type: 'Polygon', coordinates: [square] })).toEqual([{ path: 'type', key: 'boundary.not_geojson' }]);
    expect(problemsOf([square])).toEqual([{ path: 'type', key: 'boundary.not_geojson' }]);
    expect(problemsOf(collection())).toEqual([{ path: 'features', key: 'boundary.no_features' }]);
  });

  it('refuses lines and points, naming the feature', () => {
    expect(problemsOf(collection(feature([square]), feature(square, 'LineString')))).toEqual([
      { path: 'features[1].geometry', key: 'boundary.not_polygon', params: { feature: 2 } },
    ]);
    expect(problemsOf(collection({ type: 'Feature', properties: {} }))[0]?.key).toBe('boundary.not_feature');
  });

  it('refuses an open ring, naming feature, polygon and ring', () => {
    const hole = [
      [117.02, 36.62],
      [117.05, 36.62],
      [117.05, 36.65],
    ];
    expect(problemsOf(collection(feature([square, [...hole, [117.02, 36.65]]])))).toEqual([
      { path: 'features[0].geometry.coordinates[1]', key: 'boundary.ring_open', params: { feature: 1, polygon: 1, ring: 2 } },
    ]);
    expect(problemsOf(collection(feature([hole])))[0]?.key).toBe('boundary.ring_too_short');
  });

  it('refuses a self-intersecting ring (a bow tie)', () => {
    const bowTie = [
      [117, 36.6],
      [117.1, 36.7],
      [117.1, 36.6],
      [117, 36.7],
      [117, 36.6],
    ];
    expect(problemsOf(feature([[square], [bowTie]], 'MultiPolygon'))).toEqual([
      { path: 'features[0].geometry.coordinates[1][0]', key: 'boundary.ring_self_intersects', params: { feature: 1, polygon: 2, ring: 1 } },
    ]);
  });

  it('refuses projected coordinates, and a crs naming another system', () => {
    const metres = square.map(([x, y]) => [x * 4000, y * 110_000]);
    expect(problemsOf(collection(feature([metres])))[0]).toEqual({
      path: 'features[0].geometry.coordinates[0]',
      key: 'boundary.projected_coordinates',
      params: { feature: 1, polygon: 1, ring: 1 },
    });
    const cgcs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } };
    expect(problemsOf({ ...collection(feature([square])), crs: cgcs })).toEqual([{ path: 'crs', key: 'boundary.projected_crs' }]);
    expect(
      checkBoundary({ ...collection(feature([square])), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }).ok,
    ).toBe(true);
  });

  it('refuses more than the vertex limit, without checking every ring', () => {
    const ring = Array.from({ length: 50_001 }, (_, i) => [
      117 + Math.cos((i / 50_000) * 2 * Math.PI) / 10,
      36.6 + Math.sin((i / 50_000) * 2 * Math.PI) / 10,
    ]);
    ring[50_000] = [117.1, 36.6];
    const many = collection(...Array.from({ length: 4 }, () => feature([ring])), feature([ring]));
    expect(problemsOf(many)).toEqual([{ path: 'features', key: 'boundary.too_many_vertices', params: { max: MAX_BOUNDARY_VERTICES } }]);
    expect(checkBoundary(collection(...Array.from({ length: 3 }, () => feature([ring])))).ok).toBe(true);
  });

  it('refuses malformed positions', () => {
    expect(problemsOf(collection(feature([[[117, '36'], ...square]])))[0]?.key).toBe('boundary.bad_coordinates');
    expect(problemsOf(collection(feature('nope')))[0]?.key).toBe('boundary.bad_coordinates');
  });
});

describe('segment and ring checks', () => {
  it('counts a proper crossing, not touching or running along', () => {
    expect(segmentsCross([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsCross([0, 0], [2, 2], [2, 2], [3, 0])).toBe(false);
    expect(segmentsCross([0, 0], [2, 0], [1, 0], [3, 0])).toBe(false);
    expect(segmentsCross([0, 0], [1, 1], [2, 0], [3, 1])).toBe(false);
  });

  it('tolerates repeated corners and spikes of digitised boundaries', () => {
    const spiky: [number, number][] = [
      [0, 0],
      [0, 0],
      [2, 0],
      [2, 1],
      [2, 0.5],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(ringSelfIntersects(spiky)).toBe(false);
  });

  it('knows WGS-84 names', () => {
    expect(isWgs84Crs(undefined)).toBe(true);
    expect(isWgs84Crs({ type: 'name', properties: { name: 'EPSG:4326' } })).toBe(true);
    expect(isWgs84Crs({ type: 'name', properties: { name: 'EPSG:3857' } })).toBe(false);
    expect(isWgs84Crs('EPSG:4326')).toBe(false);
  });
});
