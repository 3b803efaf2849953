import { BarChart, LineChart } from 'echarts/charts';
import { type EChartsCoreOption, use } from 'echarts/core';
import type { Translate } from '../../../i18n';
import type { AnnualPlanTable } from '../api/annual-plans-api';

// The bar and line charts; the grid, tooltip and legend come with web/src/ui/EChart.tsx.
use([BarChart, LineChart]);

/** 万元 with two decimals as a number for the chart (the axis shows the value, the tooltip the text). */
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** The year's plan month by month: a bar per month, the running sum as a line on its own axis, both in 万元. */
export function monthChartOption(months: AnnualPlanTable['byMonth'], t: Translate): EChartsCoreOption {
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
    xAxis: { type: 'category', data: months.map((m) => t('annualPlan.monthN', { month: m.month })) },
    yAxis: [
      { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', splitLine: { show: false } },
    ],
    series: [
      { name: t('annualPlan.chart.monthly'), type: 'bar', data: months.map((m) => wan(m.plannedYuan)), itemStyle: { color: '#4096ff' } },
      {
        name: t('annualPlan.chart.cumulative'),
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => wan(m.cumulativeYuan)),
        itemStyle: { color: '#d48806' },
        symbolSize: 5,
      },
    ],
  };
}
