/**
 * Clustering of dense points (一张图 at city and province scale): past CLUSTER_THRESHOLD points, the points shown are
 * binned on a square grid whose cells halve each time the viewer doubles the zoom. A cell holding one point keeps the
 * point; a cell holding more becomes one bubble at the points' mean place, labelled with their count and telling how
 * many of them are of each colour.
 */

/** Past this many points on the map, points are clustered. A district's few hundred projects never are. */
export const CLUSTER_THRESHOLD = 2000;
/** At this zoom and closer (the map lets the viewer zoom to 40) every point is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 32;
/** Grid cells across the points' extent at zoom 1 (the whole region in view). */
export const CLUSTER_CELLS = 16;

/** A point as the map's series hold it: longitude, latitude, row index in the columns. */
export type MapPoint = [number, number, number];
/**
 * A bubble: its place (the mean of its points), how many points it stands for, how many of them fall in each class
 * (`classOf` of the points: a colour), and the points' extent.
 */
export type PointCluster = { lon: number; lat: number; count: number; byClass: number[]; bounds: [number, number, number, number] };

/** The zoom a grid is built for: the power of two at or below the viewer's zoom, so panning does not re-cluster. */
export function clusterZoomOf(zoom: number | undefined): number {
  if (!zoom || !Number.isFinite(zoom) || zoom <= 1) return 1;
  return 2 ** Math.floor(Math.log2(zoom));
}

/** The side of a grid cell in degrees for points spread over `extent` ([west, south, east, north]) at `zoom`. */
export function cellSizeOf(extent: [number, number, number, number], zoom: number): number {
  const span = Math.max(extent[2] - extent[0], extent[3] - extent[1]);
  return span > 0 ? span / (CLUSTER_CELLS * clusterZoomOf(zoom)) : 1;
}

/** The smallest box holding every point, or null when there are none. */
export function extentOf(lon: readonly number[], lat: readonly number[]): [number, number, number, number] | null {
  if (lon.length === 0) return null;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i] ?? 0;
    const y = lat[i] ?? 0;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return [west, south, east, north];
}

/** Points binned by cells of `cell` degrees from `origin`: the lone points and the bubbles. */
export function clusterPoints(
  points: readonly MapPoint[],
  cell: number,
  origin: [number, number],
  classOf: (point: MapPoint) => number = () => 0,
): { singles: MapPoint[]; clusters: PointCluster[] } {
  const cells = new Map<string, MapPoint[]>();
  for (const point of points) {
    const key = `${Math.floor((point[0] - origin[0]) / cell)}:${Math.floor((point[1] - origin[1]) / cell)}`;
    const members = cells.get(key);
    if (members) members.push(point);
    else cells.set(key, [point]);
  }
  const singles: MapPoint[] = [];
  const clusters: PointCluster[] = [];
  for (const members of cells.values()) {
    const first = members[0];
    if (!first) continue;
    if (members.length === 1) {
      singles.push(first);
      continue;
    }
    let lon = 0;
    let lat = 0;
    const byClass: number[] = [];
    const bounds: [number, number, number, number] = [first[0], first[1], first[0], first[1]];
    for (const member of members) {
      const [x, y] = member;
      const k = classOf(member);
      byClass[k] = (byClass[k] ?? 0) + 1;
      lon += x;
      lat += y;
      bounds[0] = Math.min(bounds[0], x);
      bounds[1] = Math.min(bounds[1], y);
      bounds[2] = Math.max(bounds[2], x);
      bounds[3] = Math.max(bounds[3], y);
    }
    clusters.push({
      lon: lon / members.length,
      lat: lat / members.length,
      count: members.length,
      byClass: Array.from(byClass, (n) => n ?? 0),
      bounds,
    });
  }
  return { singles, clusters };
}

/** A bubble's diameter in pixels: grows with the logarithm of its count, from 18 (two points) to 48. */
export const clusterSymbolSize = (count: number) => Math.min(48, Math.round(14 + 6 * Math.log10(count) * 2));
