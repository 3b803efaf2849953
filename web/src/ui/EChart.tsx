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

type EChartProps = {
  option: EChartsCoreOption;
  style?: CSSProperties;
  className?: string;
  ref?: Ref<EChartHandle>;
  'data-testid'?: string;
};

/**
 * One ECharts chart in a div: created on mount (in the interface language), given each new option whole,
 * resized with its box, and disposed on unmount. Options should be memoised; a new object redraws the chart.
 */
export function EChart({ option, style, className, ref, 'data-testid': testId }: EChartProps) {
  const { locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest option, so a chart re-created (language change) draws what is current.
  const latest = useRef(option);
  latest.current = option;

  useImperativeHandle(ref, () => ({ instance: () => chart.current }), []);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    instance.setOption(latest.current, { notMerge: true });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} style={{ width: '100%', minHeight: 120, ...style }} data-testid={testId} />;
}
