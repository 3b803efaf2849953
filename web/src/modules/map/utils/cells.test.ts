import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAP_MAX_CELLS_ACROSS, cellDegrees, cellsAcross } from '../../../../../common/domain/map-grid';
import type { MapCell } from '../api/map-api';
import { bboxParam, bubbleSize, shareArcs, shownCount, viewRequestFor, zoomIntoCell } from './cells';

const cell = (over: Partial<MapCell> = {}): MapCell => ({
  lon: 117.02,
  lat: 36.72,
  count: 10,
  warning: [1, 5, 3, 1],
  pool: [2, 2, 2, 2, 2],
  investmentYuan: 0,
  bounds: [117.01, 36.71, 117.03, 36.73],
  ...over,
});

describe('the grid’s bubbles', () => {
  it('asks for a view at the level of 64-pixel cells, widened to whole cells, within the server’s limits', () => {
    // 天桥区 on a 1,000-pixel map: 0.0002° a pixel; level 12's cells are 360/2^14 ≈ 0.022°, 110 pixels (level 13's: 55).
    const district = viewRequestFor([116.95, 36.66, 117.15, 36.8], 1000);
    expect(district.zoom).toBe(12);
    expect(cellDegrees(district.zoom) / (0.2 / 1000)).toBeGreaterThanOrEqual(64);
    expect(district.bbox[0]).toBeLessThanOrEqual(116.95);
    expect(district.bbox[3]).toBeGreaterThanOrEqual(36.8);
    expect(bboxParam(district.bbox)).toMatch(/^-?\d+\.\d{7}(,-?\d+\.\d{7}){3}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: -179e6, max: 170e6 }).map((n) => n / 1e6),
        fc.integer({ min: -89e6, max: 80e6 }).map((n) => n / 1e6),
        fc.integer({ min: 100, max: 200e6 }).map((n) => n / 1e6),
        fc.integer({ min: 200, max: 8000 }),
        (west, south, width, px) => {
          const view: [number, number, number, number] = [west, south, west + width, south + width / 2];
          const asked = viewRequestFor(view, px);
          expect(cellsAcross(asked.bbox, asked.zoom)).toBeLessThanOrEqual(MAP_MAX_CELLS_ACROSS);
          expect(asked.bbox[0]).toBeGreaterThanOrEqual(-180);
          expect(asked.bbox[2]).toBeLessThanOrEqual(180);
          expect(asked.bbox[3]).toBeLessThanOrEqual(90);
          expect(asked.bbox[0]).toBeLessThan(asked.bbox[2]);
        },
      ),
    );
  });

  it('splits the ring in the shares of the colours shown, and counts those only', () => {
    const arcs = shareArcs([1, 5, 3, 1], [true, true, true, true]);
    expect(arcs.map((a) => a.k)).toEqual([0, 1, 2, 3]);
    expect(arcs[0]?.start).toBeCloseTo(-Math.PI / 2, 10);
    expect(arcs[3]?.end).toBeCloseTo((3 * Math.PI) / 2, 10);
    expect(((arcs[1]?.end ?? 0) - (arcs[1]?.start ?? 0)) / (2 * Math.PI)).toBeCloseTo(0.5, 10);
    expect(shareArcs([1, 5, 3, 1], [true, false, true, false]).map((a) => a.k)).toEqual([0, 2]);
    expect(shareArcs([0, 0, 0, 0], [true, true, true, true])).toEqual([]);
    expect(shownCount(cell(), 'warning', [true, false, true, true])).toBe(5);
    expect(shownCount(cell(), 'pool', [])).toBe(10);
  });

  it('sizes a bubble by the logarithm of its count, between 20 and 56 pixels', () => {
    expect(bubbleSize(1)).toBe(20);
    expect(bubbleSize(100)).toBe(38);
    expect(bubbleSize(1_000_000)).toBe(56);
    expect(bubbleSize(50)).toBeLessThan(bubbleSize(51_000));
  });

  it('zooms into a clicked bubble: centred on its points, at least twice as close, never past the closest zoom', () => {
    const view: [number, number, number, number] = [116.9, 36.6, 117.3, 36.9];
    const next = zoomIntoCell(cell(), view, 2, 400);
    expect(next.center[0]).toBeCloseTo(117.02, 10);
    expect(next.center[1]).toBeCloseTo(36.72, 10);
    // The view is 15 times the points' extent (0.02°) along its shorter side: 10.5 times closer (a margin around them).
    expect(next.zoom).toBeCloseTo(2 * 15 * 0.7, 6);
    expect(zoomIntoCell(cell({ bounds: [117, 36.7, 117, 36.7] }), view, 2, 400).zoom).toBe(16);
    expect(zoomIntoCell(cell({ bounds: [116.9, 36.6, 117.3, 36.9] }), view, 2, 400).zoom).toBe(4);
    expect(zoomIntoCell(cell(), view, 300, 400).zoom).toBe(400);
  });
});
