/**
 * The one map's grid (一张图 at city and province scale): past MAP_POINTS_LIMIT points in a view, the server answers the
 * view's points grouped in square cells of a grid fixed on the globe, one cell a bubble. A grid's level is a web-map
 * zoom (0 the whole world in one 256-pixel tile, each level twice as close); its cells are a quarter of a tile's side,
 * about 64 screen pixels at that zoom, so a view holds a few dozen bubbles whatever its size. The grid is aligned on
 * 0° (cell x holds the longitudes [x·side, (x+1)·side)), so panning keeps every bubble where it was.
 */

/** A view on the map: [west, south, east, north] in WGS-84 degrees. */
export type Bbox = [number, number, number, number];

/**
 * Past this many points in a view the server answers cells, not points. Why 2,000: a point travels as ≈ 115 bytes of
 * text and costs the server ≈ 4 µs (docs/performance.md, the map), so 2,000 are ≈ 230 KB (≈ 60 KB with brotli) and
 * under 10 ms; ECharts draws that many symbols one by one (each with its hover) without its large mode; and on a
 * 1,440-pixel map 2,000 points already overlap into blots that bubbles with counts tell better. A district's few
 * hundred projects stay points; a province's 100,000 are bubbles until the view is a few streets wide.
 */
export const MAP_POINTS_LIMIT = 2000;
/** The finest grid level: cells of ≈ 2 m. */
export const MAP_MAX_ZOOM = 24;
/** The most cells a view may span along either side (a 64-pixel cell on a 8,192-pixel screen). */
export const MAP_MAX_CELLS_ACROSS = 128;
/** Cells across the longer side of a view when the request names no zoom (the server picks the level). */
export const MAP_DEFAULT_CELLS_ACROSS = 16;
/** A grid cell's side in screen pixels at its own zoom (a quarter of a 256-pixel tile). */
export const MAP_CELL_PIXELS = 64;

/** The side of a cell in degrees at a grid level: 360° / 2^(zoom + 2). */
export const cellDegrees = (zoom: number) => 360 / 2 ** (zoom + 2);

/** How many cells of a level a view spans along its longer side (at least 1). */
export function cellsAcross(bbox: Bbox, zoom: number): number {
  const side = cellDegrees(zoom);
  const across = Math.max(Math.floor(bbox[2] / side) - Math.floor(bbox[0] / side), Math.floor(bbox[3] / side) - Math.floor(bbox[1] / side));
  return across + 1;
}

/** The level whose cells span a view's longer side about MAP_DEFAULT_CELLS_ACROSS times (never more than that). */
export function gridZoomFor(bbox: Bbox): number {
  const span = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
  if (!(span > 0)) return MAP_MAX_ZOOM;
  const zoom = Math.floor(Math.log2((360 * MAP_DEFAULT_CELLS_ACROSS) / span)) - 2;
  return Math.max(0, Math.min(MAP_MAX_ZOOM, zoom));
}

/**
 * The level for a view drawn `widthPx` pixels wide: the closest whose cells are at least `cellPx` pixels on screen, so
 * bubbles do not crowd each other.
 */
export function gridZoomForScreen(bbox: Bbox, widthPx: number, cellPx = MAP_CELL_PIXELS): number {
  const degreesPerPixel = (bbox[2] - bbox[0]) / Math.max(widthPx, 1);
  if (!(degreesPerPixel > 0)) return MAP_MAX_ZOOM;
  const zoom = Math.floor(Math.log2(360 / (cellPx * degreesPerPixel))) - 2;
  return Math.max(0, Math.min(MAP_MAX_ZOOM, zoom));
}

/** A view widened to whole cells of its level (and kept on the globe), so small pans ask the same question again. */
export function snapToGrid(bbox: Bbox, zoom: number): Bbox {
  const side = cellDegrees(zoom);
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return [
    clamp(Math.floor(bbox[0] / side) * side, 180),
    clamp(Math.floor(bbox[1] / side) * side, 90),
    clamp(Math.ceil(bbox[2] / side) * side, 180),
    clamp(Math.ceil(bbox[3] / side) * side, 90),
  ];
}

/** Whether a point lies in a view, edges included (the server's test, `between`). */
export const inBbox = (bbox: Bbox, lon: number, lat: number) => lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
