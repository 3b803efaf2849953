import { DataZoomComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { useI18n } from '../i18n';

// The components most charts need; a chart type (bar, custom, map …) is registered by the module that draws it,
// so a page pays only for the charts it shows.
use([CanvasRenderer, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, TitleComponent]);

/** What a page can do with a chart it shows: reach the ECharts instance (to export an image, say). */
export type EChartHandle = { instance: () => EChartsType | null };

/** What a click on a chart's item says: which series and which item of it. */
export type EChartClick = { seriesIndex: number; dataIndex: number; name: string };

type EChartProps = {
  option: EChartsCoreOption;
  /** A click on an item (a bar, a point, a slice): a drill-down, say. */
  onClick?: (item: EChartClick) => void;
  /** ECharts' built-in dark theme (the big screen). */
  theme?: 'dark';
  style?: CSSProperties;
  className?: string;
  ref?: Ref<EChartHandle>;
  'data-testid'?: string;
};

/**
 * One ECharts chart in a div: created on mount (in the interface language), given each new option whole,
 * resized with its box, and disposed on unmount. Options should be memoised; a new object redraws the chart.
 */
export function EChart({ option, onClick, theme, style, className, ref, 'data-testid': testId }: EChartProps) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest option, so a chart re-created (language change) draws what is current.
  const latest = useRef(option);
  latest.current = option;
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useImperativeHandle(ref, () => ({ instance: () => chart.current }), []);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, theme, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.setOption(latest.current, { notMerge: true });
    instance.on('click', (params) => {
      const item = params as { seriesIndex?: number; dataIndex?: number; name?: string };
      clicked.current?.({ seriesIndex: item.seriesIndex ?? 0, dataIndex: item.dataIndex ?? 0, name: item.name ?? '' });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale, theme]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className}
      style={{ width: '100%', minHeight: 120, cursor: onClick ? 'pointer' : undefined, ...style }}
      data-testid={testId}
    />
  );
}
