/**
 * The server's grid cells drawn as bubbles (一张图 at city and province scale; the grid is common/domain/map-grid.ts):
 * a bubble at the mean of a cell's points, sized by its count, its ring split in the shares of the colours shown, its
 * count written inside; and the view the map asks about as the viewer pans and zooms.
 */
import {
  type Bbox,
  MAP_MAX_CELLS_ACROSS,
  MAP_MAX_ZOOM,
  cellsAcross,
  gridZoomForScreen,
  snapToGrid,
} from '../../../../../common/domain/map-grid';
import type { MapCell } from '../../../../../common/schemas/map';

/** What the map asks the server about: a view and its grid level; nothing = the whole extent of the points. */
export type MapViewRequest = { bbox?: Bbox; zoom?: number };

/**
 * The question for a view drawn `widthPx` wide: the grid level whose cells are about 64 pixels there (coarser while
 * the view would span more than the server's limit of cells), the view widened to whole cells so that a small pan
 * asks the same question again. Written with 7 decimals (points have 6).
 */
export function viewRequestFor(view: Bbox, widthPx: number): Required<MapViewRequest> {
  const onGlobe: Bbox = [Math.max(-180, view[0]), Math.max(-90, view[1]), Math.min(180, view[2]), Math.min(90, view[3])];
  let zoom = Math.min(gridZoomForScreen(onGlobe, widthPx), MAP_MAX_ZOOM);
  while (zoom > 0 && cellsAcross(onGlobe, zoom) > MAP_MAX_CELLS_ACROSS) zoom--;
  const snapped = snapToGrid(onGlobe, zoom);
  const bbox = [floor7(snapped[0]), floor7(snapped[1]), Math.min(180, ceil7(snapped[2])), Math.min(90, ceil7(snapped[3]))] as Bbox;
  return { bbox, zoom };
}
const floor7 = (n: number) => Math.floor(n * 1e7) / 1e7;
const ceil7 = (n: number) => Math.ceil(n * 1e7) / 1e7;

/** The `bbox` parameter's text: west,south,east,north. */
export const bboxParam = (bbox: Bbox) => bbox.map((n) => n.toFixed(7)).join(',');

/** A bubble's diameter in pixels: grows with the logarithm of its count, from 20 (one project) to 56 (10,000 and more). */
export const bubbleSize = (count: number) => Math.round(Math.min(56, 20 + 9 * Math.log10(Math.max(1, count))));

/** A cell's counts by the map's colours (warning levels 0–3, or pools in the answer's order). */
export const cellClasses = (cell: MapCell, colourBy: 'warning' | 'pool') => (colourBy === 'warning' ? cell.warning : cell.pool);

/** How many of a cell's projects are of the colours shown (`shown[k]` false: the legend hides colour k). */
export function shownCount(cell: MapCell, colourBy: 'warning' | 'pool', shown: boolean[]): number {
  return cellClasses(cell, colourBy).reduce((sum, n, k) => sum + (shown[k] === false ? 0 : n), 0);
}

/** The ring's arcs: each shown colour's share of the bubble, clockwise from the top, as [start, end] in radians. */
export function shareArcs(counts: number[], shown: boolean[]): { k: number; start: number; end: number }[] {
  const total = counts.reduce((sum, n, k) => sum + (shown[k] === false ? 0 : n), 0);
  if (total === 0) return [];
  const arcs: { k: number; start: number; end: number }[] = [];
  let at = -Math.PI / 2;
  counts.forEach((n, k) => {
    if (shown[k] === false || n === 0) return;
    const end = at + (2 * Math.PI * n) / total;
    arcs.push({ k, start: at, end });
    at = end;
  });
  return arcs;
}

/**
 * Where a click on a bubble takes the view: centred on its points, close enough that their extent fills most of
 * the view (at least twice as close as now), never past the map's closest zoom.
 */
export function zoomIntoCell(cell: MapCell, view: Bbox, zoom: number, maxZoom: number): { center: [number, number]; zoom: number } {
  const [west, south, east, north] = cell.bounds;
  const spanX = east - west;
  const spanY = north - south;
  const fit = Math.min(
    spanX > 0 ? (view[2] - view[0]) / spanX : Number.POSITIVE_INFINITY,
    spanY > 0 ? (view[3] - view[1]) / spanY : Number.POSITIVE_INFINITY,
  );
  const factor = Math.max(2, Number.isFinite(fit) ? fit * 0.7 : 8);
  return { center: [(west + east) / 2, (south + north) / 2], zoom: Math.min(maxZoom, zoom * factor) };
}
