import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { ToolboxComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import type { Dashboard } from '../api/dashboard-api';

// Only the chart types the dashboard draws, and the toolbox for "save as image"; the rest of ECharts stays out of the page.
use([BarChart, LineChart, PieChart, ToolboxComponent]);

/** Interface words the charts need, in the reader's language. */
export type ChartWords = {
  save: string;
  wan: string;
  month: (m: number) => string;
  cumulativePlanned: string;
  cumulativeCompleted: string;
  monthCompleted: string;
  completionRate: string;
  timeElapsed: string;
  count: string;
  red: string;
  yellow: string;
  green: string;
  none: string;
};

export type ChartLook = { dark?: boolean; fileName: string };

const WAN = 10_000;
const wan = (yuan: number) => Math.round((yuan / WAN) * 100) / 100;
const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);
const COLOURS = { red: '#e5484d', yellow: '#f5a524', green: '#30a46c', plan: '#8e9aaf', done: '#1677ff' };

const base = (words: ChartWords, look: ChartLook) => ({
  backgroundColor: 'transparent',
  tooltip: { trigger: 'axis' as const, confine: true },
  toolbox: {
    right: 8,
    feature: { saveAsImage: { title: words.save, name: look.fileName, pixelRatio: 2, backgroundColor: look.dark ? '#0b1a2e' : '#fff' } },
  },
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
});

/** Cumulative completed against cumulative planned, month by month (万元), with each month's completion as bars. */
export function monthlyOption(d: Dashboard, words: ChartWords, look: ChartLook): EChartsCoreOption {
  return {
    ...base(words, look),
    legend: { top: 4, left: 0 },
    xAxis: { type: 'category', data: d.monthly.map((m) => words.month(m.month)) },
    yAxis: { type: 'value', name: words.wan },
    series: [
      { name: words.monthCompleted, type: 'bar', data: d.monthly.map((m) => wan(m.completedYuan)), itemStyle: { color: '#69b1ff' } },
      {
        name: words.cumulativePlanned,
        type: 'line',
        data: d.monthly.map((m) => wan(m.cumulativePlannedYuan)),
        itemStyle: { color: COLOURS.plan },
        lineStyle: { type: 'dashed' },
      },
      {
        name: words.cumulativeCompleted,
        type: 'line',
        data: d.monthly.map((m) => wan(m.cumulativeCompletedYuan)),
        itemStyle: { color: COLOURS.done },
      },
    ],
  };
}

type ProgressLine = Dashboard['byUnit'][number];

/** Completion of the annual plan (%) per unit or category, the ones behind time first, with the time elapsed as a line. */
export function progressOption(lines: ProgressLine[], words: ChartWords, look: ChartLook): EChartsCoreOption {
  const shown = lines.slice(0, 10).reverse();
  const elapsed = percent(lines[0]?.timeElapsedRate ?? 0);
  return {
    ...base(words, look),
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((l) => l.name ?? words.none), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        name: words.completionRate,
        type: 'bar',
        data: shown.map((l) => ({
          value: percent(l.completionRate),
          itemStyle: { color: l.status === 'behind' ? COLOURS.yellow : l.status === 'no_plan' ? COLOURS.plan : COLOURS.green },
        })),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
      {
        name: words.timeElapsed,
        type: 'line',
        data: shown.map(() => elapsed),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: COLOURS.red },
      },
    ],
  };
}

/** Where the money goes: total investment per industry (万元) as a ring. */
export function industryOption(d: Dashboard, words: ChartWords, look: ChartLook): EChartsCoreOption {
  return {
    ...base(words, look),
    tooltip: { trigger: 'item', confine: true, formatter: `{b}: {c} ${words.wan} ({d}%)` },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['50%', '55%'],
        label: { formatter: '{b}', overflow: 'truncate', width: 90 },
        data: d.industries.map((i) => ({ name: i.name ?? words.none, value: wan(i.totalInvestmentYuan) })),
      },
    ],
  };
}

/** A count per named item as bars (pools, matters by state). */
export function countOption(
  items: { name: string; count: number; colour?: string }[],
  words: ChartWords,
  look: ChartLook,
): EChartsCoreOption {
  return {
    ...base(words, look),
    xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: words.count,
        type: 'bar',
        data: items.map((i) => ({ value: i.count, itemStyle: i.colour ? { color: i.colour } : undefined })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** Red, yellow and green projects per lead unit (the ten with most red), stacked. */
export function warningsOption(d: Dashboard, words: ChartWords, look: ChartLook): EChartsCoreOption {
  const shown = d.warningsByUnit.slice(0, 10).reverse();
  const bar = (name: string, key: 'red' | 'yellow' | 'green') => ({
    name,
    type: 'bar',
    stack: 'colour',
    itemStyle: { color: COLOURS[key] },
    data: shown.map((g) => g[key]),
  });
  return {
    ...base(words, look),
    legend: { top: 4, left: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((g) => g.name ?? words.none), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [bar(words.red, 'red'), bar(words.yellow, 'yellow'), bar(words.green, 'green')],
  };
}

/** The items a chart shows, in the order it draws them: its n-th bar is `shownOrder(list)[n]` (the bar charts reverse). */
export const shownReversed = <T>(list: T[], limit = 10) => list.slice(0, limit).reverse();
