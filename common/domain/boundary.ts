/**
 * Checking a region's boundary before it is kept: a GeoJSON FeatureCollection (or one Feature) of Polygons and
 * MultiPolygons in WGS-84 longitude/latitude degrees, every ring closed and not crossing itself, at most
 * MAX_BOUNDARY_VERTICES corners in all. A problem names the feature, the polygon and the ring at fault.
 */

export const MAX_BOUNDARY_VERTICES = 200_000;
/** The most problems one check reports; the first ones are enough to fix a file. */
const MAX_PROBLEMS = 10;

type Position = [number, number];
type Ring = Position[];
export type BoundaryGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export type BoundaryFeature = { type: 'Feature'; id?: string | number; properties: { name?: string }; geometry: BoundaryGeometry };
export type BoundaryCollection = { type: 'FeatureCollection'; features: BoundaryFeature[] };

export type BoundaryProblemKey =
  | 'boundary.not_geojson'
  | 'boundary.no_features'
  | 'boundary.not_feature'
  | 'boundary.not_polygon'
  | 'boundary.bad_coordinates'
  | 'boundary.projected_crs'
  | 'boundary.projected_coordinates'
  | 'boundary.ring_too_short'
  | 'boundary.ring_open'
  | 'boundary.ring_self_intersects'
  | 'boundary.too_many_vertices';
export type BoundaryProblem = { path: string; key: BoundaryProblemKey; params?: Record<string, number> };
export type BoundaryCheck =
  | { ok: true; collection: BoundaryCollection; vertexCount: number; bbox: [number, number, number, number] }
  | { ok: false; problems: BoundaryProblem[] };

/** The `crs` names that mean WGS-84 longitude/latitude (GeoJSON 2008's named CRS; RFC 7946 drops the member). */
const WGS84_NAMES = new Set([
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:OGC::CRS84',
  'urn:ogc:def:crs:EPSG::4326',
  'EPSG:4326',
  'CRS84',
]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a `crs` member is absent or names WGS-84. */
export function isWgs84Crs(crs: unknown): boolean {
  if (crs === undefined || crs === null) return true;
  if (!isObject(crs) || !isObject(crs.properties)) return false;
  const name = crs.properties.name;
  return typeof name === 'string' && WGS84_NAMES.has(name.trim());
}

/** Which side of the line a→b the point c lies on: >0 left, <0 right, 0 on it. */
const orientation = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/**
 * True when the segments a–b and c–d cross properly: each passes strictly from one side of the other to the other
 * side. Touching at a corner and running along each other (common in digitised boundaries) do not count.
 */
export function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * True when a closed ring crosses itself. Repeated corners are dropped first; the segments are swept by their
 * least longitude, so only segments whose longitude ranges overlap are compared (near-linear for real boundaries).
 */
export function ringSelfIntersects(ring: Ring): boolean {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of ring) {
    if (xs.length > 0 && xs[xs.length - 1] === x && ys[ys.length - 1] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length - 1; // segments; the last point repeats the first
  if (n < 4) return false;
  const point = (i: number): Position => [xs[i] ?? 0, ys[i] ?? 0];
  const minX = (i: number) => Math.min(xs[i] ?? 0, xs[i + 1] ?? 0);
  const maxX = (i: number) => Math.max(xs[i] ?? 0, xs[i + 1] ?? 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minX(i) - minX(j));
  for (const [k, i] of order.entries()) {
    const right = maxX(i);
    for (let m = k + 1; m < n; m++) {
      const j = order[m] ?? 0;
      if (minX(j) > right) break;
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === n - 1) continue; // neighbours share a corner
      if (segmentsCross(point(i), point(i + 1), point(j), point(j + 1))) return true;
    }
  }
  return false;
}

const samePoint = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.length <= 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));

type Collected = { problems: BoundaryProblem[]; vertices: number; bbox: [number, number, number, number] };

/** Checks one ring's shape and corners; returns it as [lon, lat] pairs, or null when it is not an array of positions. */
function checkRing(raw: unknown, path: string, where: Record<string, number>, acc: Collected): Ring | null {
  if (!Array.isArray(raw) || !raw.every(isPosition)) {
    acc.problems.push({ path, key: 'boundary.bad_coordinates', params: where });
    return null;
  }
  acc.vertices += raw.length;
  if (acc.vertices > MAX_BOUNDARY_VERTICES) return null;
  const ring = raw.map((p) => [p[0], p[1]] as Position);
  if (ring.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)) {
    acc.problems.push({ path, key: 'boundary.projected_coordinates', params: where });
    return null;
  }
  for (const [lon, lat] of ring) {
    acc.bbox = [Math.min(acc.bbox[0], lon), Math.min(acc.bbox[1], lat), Math.max(acc.bbox[2], lon), Math.max(acc.bbox[3], lat)];
  }
  if (ring.length < 4) acc.problems.push({ path, key: 'boundary.ring_too_short', params: where });
  else if (!samePoint(ring[0], ring.at(-1))) acc.problems.push({ path, key: 'boundary.ring_open', params: where });
  else if (ringSelfIntersects(ring)) acc.problems.push({ path, key: 'boundary.ring_self_intersects', params: where });
  return ring;
}

function checkPolygon(raw: unknown, path: string, where: Record<string, number>, acc: Collected): Ring[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    acc.problems.push({ path, key: 'boundary.bad_coordinates', params: where });
    return [];
  }
  return raw.map((ring, r) => checkRing(ring, `${path}[${r}]`, { ...where, ring: r + 1 }, acc) ?? []);
}

function checkFeature(raw: unknown, index: number, acc: Collected): BoundaryFeature | null {
  const path = `features[${index}]`;
  const feature = index + 1;
  if (!isObject(raw) || raw.type !== 'Feature' || !isObject(raw.geometry)) {
    acc.problems.push({ path, key: 'boundary.not_feature', params: { feature } });
    return null;
  }
  const geometry = raw.geometry;
  const at = `${path}.geometry.coordinates`;
  let checked: BoundaryGeometry;
  if (geometry.type === 'Polygon') {
    checked = { type: 'Polygon', coordinates: checkPolygon(geometry.coordinates, at, { feature, polygon: 1 }, acc) };
  } else if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0) {
    const polygons = geometry.coordinates.map((polygon, p) => checkPolygon(polygon, `${at}[${p}]`, { feature, polygon: p + 1 }, acc));
    checked = { type: 'MultiPolygon', coordinates: polygons };
  } else {
    acc.problems.push({ path: `${path}.geometry`, key: 'boundary.not_polygon', params: { feature } });
    return null;
  }
  const properties = isObject(raw.properties) && typeof raw.properties.name === 'string' ? { name: raw.properties.name.slice(0, 100) } : {};
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? raw.id : undefined;
  return { type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry: checked };
}

/** Checks an uploaded boundary and returns it reduced to what the map draws (ids, names and rings). */
export function checkBoundary(input: unknown): BoundaryCheck {
  if (!isObject(input) || (input.type !== 'FeatureCollection' && input.type !== 'Feature')) {
    return { ok: false, problems: [{ path: 'type', key: 'boundary.not_geojson' }] };
  }
  if (!isWgs84Crs(input.crs)) return { ok: false, problems: [{ path: 'crs', key: 'boundary.projected_crs' }] };
  const rawFeatures = input.type === 'Feature' ? [input] : input.features;
  if (!Array.isArray(rawFeatures) || rawFeatures.length === 0)
    return { ok: false, problems: [{ path: 'features', key: 'boundary.no_features' }] };
  const acc: Collected = { problems: [], vertices: 0, bbox: [180, 90, -180, -90] };
  const features: BoundaryFeature[] = [];
  for (const [index, raw] of rawFeatures.entries()) {
    const feature = checkFeature(raw, index, acc);
    if (acc.vertices > MAX_BOUNDARY_VERTICES) {
      return { ok: false, problems: [{ path: 'features', key: 'boundary.too_many_vertices', params: { max: MAX_BOUNDARY_VERTICES } }] };
    }
    if (acc.problems.length >= MAX_PROBLEMS) break;
    if (feature) features.push(feature);
  }
  if (acc.problems.length > 0) return { ok: false, problems: acc.problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, collection: { type: 'FeatureCollection', features }, vertexCount: acc.vertices, bbox: acc.bbox };
}
