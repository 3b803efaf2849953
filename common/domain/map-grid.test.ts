import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Bbox,
  MAP_DEFAULT_CELLS_ACROSS,
  MAP_MAX_ZOOM,
  cellDegrees,
  cellsAcross,
  gridZoomFor,
  gridZoomForScreen,
  inBbox,
  snapToGrid,
} from './map-grid';

/** A view somewhere on the globe, from a few metres to a continent wide, in micro-degrees (a point's six decimals). */
const micro = (min: number, max: number) => fc.integer({ min: min * 1e6, max: max * 1e6 }).map((n) => n / 1e6);
const views = fc
  .tuple(micro(-179, 170), micro(-89, 80), micro(1e-4, 9), micro(1e-4, 9))
  .map(([west, south, width, height]): Bbox => [west, south, west + width, south + height]);

describe('the map grid', () => {
  it('halves the cells at each level; a cell is a quarter of a 256-pixel tile', () => {
    expect(cellDegrees(0)).toBe(90);
    expect(cellDegrees(10)).toBe(360 / 4096);
    expect(cellDegrees(11) * 2).toBe(cellDegrees(10));
  });

  it('picks the level whose cells cut a view’s longer side into at most 16, and more than 8', () => {
    fc.assert(
      fc.property(views, (view) => {
        const zoom = gridZoomFor(view);
        const span = Math.max(view[2] - view[0], view[3] - view[1]);
        expect(span / cellDegrees(zoom)).toBeLessThanOrEqual(MAP_DEFAULT_CELLS_ACROSS);
        if (zoom < MAP_MAX_ZOOM) expect(span / cellDegrees(zoom + 1)).toBeGreaterThan(MAP_DEFAULT_CELLS_ACROSS);
      }),
    );
    // A single point (no span) gets the finest level.
    expect(gridZoomFor([117, 36.7, 117, 36.7])).toBe(MAP_MAX_ZOOM);
  });

  it('picks for a screen the level whose cells are 64 to 128 pixels wide', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: 300, max: 4000 }), (view, width) => {
        const zoom = gridZoomForScreen(view, width);
        const cellPx = cellDegrees(zoom) / ((view[2] - view[0]) / width);
        if (zoom > 0 && zoom < MAP_MAX_ZOOM) {
          expect(cellPx).toBeGreaterThanOrEqual(64 - 1e-6);
          expect(cellPx).toBeLessThan(128 + 1e-6);
        }
      }),
    );
  });

  it('widens a view to whole cells: it still holds the view, and its edges lie on the grid', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: 0, max: MAP_MAX_ZOOM }), (view, zoom) => {
        const snapped = snapToGrid(view, zoom);
        const side = cellDegrees(zoom);
        expect(snapped[0]).toBeLessThanOrEqual(view[0]);
        expect(snapped[1]).toBeLessThanOrEqual(view[1]);
        expect(snapped[2]).toBeGreaterThanOrEqual(Math.min(180, view[2]));
        expect(snapped[3]).toBeGreaterThanOrEqual(Math.min(90, view[3]));
        for (const edge of snapped) if (Math.abs(edge) !== 180 && Math.abs(edge) !== 90) expect(Number.isInteger(edge / side)).toBe(true);
        // Snapping again changes nothing: a small pan inside the same cells asks the same question.
        expect(snapToGrid(snapped, zoom)).toEqual(snapped);
        expect(cellsAcross(snapped, zoom)).toBeLessThanOrEqual(cellsAcross(view, zoom) + 1);
      }),
    );
  });

  it('counts the cells a view spans and tells a point in a view, edges included', () => {
    expect(cellsAcross([0, 0, 90, 10], 0)).toBe(2);
    expect(cellsAcross([1, 1, 2, 2], 0)).toBe(1);
    expect(inBbox([117, 36.7, 117.1, 36.8], 117, 36.8)).toBe(true);
    expect(inBbox([117, 36.7, 117.1, 36.8], 117.1000001, 36.75)).toBe(false);
  });
});
