import { GraphicComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { type RefObject, useEffect } from 'react';
import type { EChartHandle } from '../../../ui/EChart';
import type { MapOption } from '../utils/map-option';
import { tilesForView } from '../utils/tiles';

use([GraphicComponent]);

/**
 * Draws the intranet tile server's images under the map's boundary as ECharts graphic images, placed by the map's
 * own projection and redrawn after each pan or zoom. Nothing is drawn without a tile server (no internet assumed).
 */
export function useTileLayer(chart: RefObject<EChartHandle | null>, tileUrl: string | null, option: MapOption) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new option replaces the chart whole, tiles included: draw them again.
  useEffect(() => {
    const instance = chart.current?.instance();
    if (!instance || !tileUrl) return;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const width = instance.getWidth();
      const height = instance.getHeight();
      const nw = instance.convertFromPixel({ geoIndex: 0 }, [0, 0]) as number[] | undefined;
      const se = instance.convertFromPixel({ geoIndex: 0 }, [width, height]) as number[] | undefined;
      if (!nw || !se) return;
      const view: [number, number, number, number] = [nw[0] ?? 0, se[1] ?? 0, se[0] ?? 0, nw[1] ?? 0];
      const elements = tilesForView(tileUrl, view, width).map((tile, i) => {
        const [x0, y0] = instance.convertToPixel({ geoIndex: 0 }, tile.nw) as number[];
        const [x1, y1] = instance.convertToPixel({ geoIndex: 0 }, tile.se) as number[];
        return {
          type: 'image' as const,
          id: `tile-${i}`,
          silent: true,
          z: -10,
          style: { image: tile.url, x: x0 ?? 0, y: y0 ?? 0, width: (x1 ?? 0) - (x0 ?? 0), height: (y1 ?? 0) - (y0 ?? 0) },
        };
      });
      instance.setOption({ graphic: { elements } }, { replaceMerge: ['graphic'] });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    draw();
    instance.on('georoam', schedule);
    return () => {
      cancelAnimationFrame(frame);
      instance.off('georoam', schedule);
    };
  }, [chart, tileUrl, option]);
}
