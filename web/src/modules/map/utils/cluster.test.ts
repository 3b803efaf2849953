import { describe, expect, it } from 'vitest';
import { CLUSTER_CELLS, type MapPoint, cellSizeOf, clusterPoints, clusterSymbolSize, clusterZoomOf, extentOf } from './cluster';

describe('clustering dense points', () => {
  it('keeps a lone point as it is and turns the points sharing a cell into one bubble at their mean', () => {
    const points: MapPoint[] = [
      [117.01, 36.01, 0],
      [117.03, 36.02, 1],
      [117.05, 36.09, 2],
      [117.52, 36.51, 3],
    ];
    const { singles, clusters } = clusterPoints(points, 0.1, [117, 36]);
    expect(singles).toEqual([[117.52, 36.51, 3]]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.count).toBe(3);
    expect(clusters[0]?.lon).toBeCloseTo(117.03, 10);
    expect(clusters[0]?.lat).toBeCloseTo(36.04, 10);
    expect(clusters[0]?.bounds).toEqual([117.01, 36.01, 117.05, 36.09]);
  });

  it('accounts for every point exactly once, whatever the cell size', () => {
    const points: MapPoint[] = Array.from({ length: 5000 }, (_, i) => [
      116 + ((i * 7919) % 1000) / 500,
      35 + ((i * 104729) % 1000) / 400,
      i,
    ]);
    for (const cell of [0.001, 0.05, 0.3, 5]) {
      const { singles, clusters } = clusterPoints(points, cell, [116, 35]);
      expect(singles.length + clusters.reduce((sum, c) => sum + c.count, 0)).toBe(5000);
      expect(new Set(singles.map((p) => p[2])).size).toBe(singles.length);
    }
  });

  it('halves the cells each time the zoom doubles, and not in between, so panning does not re-cluster', () => {
    expect([undefined, 0.8, 1, 1.9, 2, 3.99, 4, 40].map(clusterZoomOf)).toEqual([1, 1, 1, 1, 2, 2, 4, 32]);
    const extent: [number, number, number, number] = [114, 34, 122, 38];
    expect(cellSizeOf(extent, 1)).toBeCloseTo(8 / CLUSTER_CELLS, 12);
    expect(cellSizeOf(extent, 2.5)).toBeCloseTo(8 / CLUSTER_CELLS / 2, 12);
    expect(cellSizeOf([117, 36, 117, 36], 1)).toBe(1);
  });

  it('finds the extent of the points and sizes bubbles by the logarithm of their count', () => {
    expect(extentOf([117.2, 116.9, 117.5], [36.7, 36.9, 36.6])).toEqual([116.9, 36.6, 117.5, 36.9]);
    expect(extentOf([], [])).toBeNull();
    expect(clusterSymbolSize(2)).toBe(18);
    expect(clusterSymbolSize(100)).toBeGreaterThan(clusterSymbolSize(10));
    expect(clusterSymbolSize(1_000_000)).toBe(48);
  });
});
