import type { CustomSeriesRenderItem, CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn } from 'echarts';
import type { CustomSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Translate } from '../../../i18n';
import type { Milestone, Plan } from '../api/tracks-api';

// The wall chart of a plan (挂图作战): one row per milestone, the planned bar above the actual one, a line for today.
// Planned dates are the latest ones (scheduled back from the deadline); without a deadline, the earliest ones.
// Dates are whole days at UTC midnight and the chart is drawn in UTC, so nothing shifts with the browser's zone.

export type GanttOption = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption
>;

/** One milestone as the chart draws it. */
export type GanttRow = {
  milestone: Milestone;
  planned: { start: string; finish: string } | null;
  /** The actual bar; an unfinished milestone runs to today. */
  actual: { start: string; finish: string; inProgress: boolean } | null;
  /** Which planned series the bar belongs to: overdue beats critical. */
  tone: 'normal' | 'critical' | 'overdue';
};

export const GANTT_COLOURS = { normal: '#4096ff', critical: '#fa8c16', overdue: '#f5222d', actual: '#52c41a', today: '#cf1322' } as const;
const DAY_MS = 86_400_000;

/** An ISO calendar date as milliseconds at UTC midnight. */
export function dateMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The rows of the chart, in the plan's order. */
export function ganttRows(plan: Plan, today: string): GanttRow[] {
  return plan.milestones.map((milestone) => {
    const { latestStart, latestFinish, earliestStart, earliestFinish, actualStart, actualFinish } = milestone;
    const planned =
      latestStart && latestFinish
        ? { start: latestStart, finish: latestFinish }
        : earliestStart && earliestFinish
          ? { start: earliestStart, finish: earliestFinish }
          : null;
    let actual: GanttRow['actual'] = null;
    if (actualStart && actualFinish) actual = { start: actualStart, finish: actualFinish, inProgress: false };
    else if (actualStart) actual = { start: actualStart, finish: today < actualStart ? actualStart : today, inProgress: true };
    else if (actualFinish) actual = { start: actualFinish, finish: actualFinish, inProgress: false };
    const tone = milestone.overdue ? 'overdue' : milestone.critical ? 'critical' : 'normal';
    return { milestone, planned, actual, tone };
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Draws one bar (or, for a zero-length milestone such as 开工, a diamond) in the upper or lower half of its row. */
export function renderBar(slot: 'planned' | 'actual', colour: string): CustomSeriesRenderItem {
  return (_params, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
    const row = Number(api.value(0));
    const [x0 = 0, yMid = 0] = api.coord([api.value(1), row]);
    const [x1 = 0] = api.coord([api.value(2), row]);
    const size = api.size?.([0, 1]);
    const band = Array.isArray(size) ? (size[1] ?? 24) : 24;
    const height = Math.max(6, Math.min(14, band * 0.3));
    const y = slot === 'planned' ? yMid - height - 1 : yMid + 1;
    const inProgress = Number(api.value(3)) === 1;
    const style = inProgress ? { fill: '#fff', stroke: colour, lineWidth: 2, lineDash: [4, 2] } : { fill: colour };
    if (x1 - x0 < 2) {
      const r = height / 2 + 1;
      const cy = y + height / 2;
      return {
        type: 'polygon',
        shape: {
          points: [
            [x0, cy - r],
            [x0 + r, cy],
            [x0, cy + r],
            [x0 - r, cy],
          ],
        },
        style: { fill: colour },
      };
    }
    return { type: 'rect', shape: { x: x0, y, width: x1 - x0, height, r: 2 }, style };
  };
}

/** The vertical line at today, across the whole plot, with its label. */
export function renderToday(label: string): CustomSeriesRenderItem {
  return (params, api): CustomSeriesRenderItemReturn => {
    const [x = 0] = api.coord([api.value(0), 0]);
    const box = params.coordSys as unknown as { y: number; height: number };
    return {
      type: 'group',
      children: [
        {
          type: 'line',
          shape: { x1: x, y1: box.y, x2: x, y2: box.y + box.height },
          style: { stroke: GANTT_COLOURS.today, lineWidth: 1.5, lineDash: [6, 3] },
        },
        { type: 'text', x: x + 4, y: box.y + box.height - 16, style: { text: label, fill: GANTT_COLOURS.today, fontSize: 11 } },
      ],
    };
  };
}

/** The ECharts option of a plan's Gantt chart at a given day (pure, so it can be tested and exported as is). */
export function buildGanttOption(plan: Plan, today: string, t: Translate): GanttOption {
  const rows = ganttRows(plan, today);
  const names = { normal: t('gantt.planned'), critical: t('gantt.critical'), overdue: t('gantt.overdue'), actual: t('gantt.actual') };
  const plannedSeries = (tone: GanttRow['tone']): CustomSeriesOption => ({
    type: 'custom',
    name: names[tone],
    renderItem: renderBar('planned', GANTT_COLOURS[tone]),
    itemStyle: { color: GANTT_COLOURS[tone] },
    encode: { x: [1, 2], y: 0 },
    clip: true,
    data: rows.flatMap((row, i) =>
      row.planned && row.tone === tone ? [{ value: [i, dateMs(row.planned.start), dateMs(row.planned.finish), 0] }] : [],
    ),
  });

  const tooltip = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (!row) return '';
    const m = row.milestone;
    const lines = [`<b>${escapeHtml(m.name)}</b>`];
    if (row.planned) lines.push(escapeHtml(t('gantt.tipPlanned', { start: row.planned.start, finish: row.planned.finish })));
    if (row.actual) {
      const finish = row.actual.inProgress ? t('gantt.inProgress') : row.actual.finish;
      lines.push(escapeHtml(t('gantt.tipActual', { start: row.actual.start, finish })));
    }
    if (m.floatDays !== null) lines.push(escapeHtml(t('gantt.tipFloat', { days: m.floatDays })));
    const flags = [m.critical ? t('plan.critical') : null, m.overdue ? t('plan.overdue') : null].filter(Boolean);
    if (flags.length > 0)
      lines.push(
        `<span style="color:${m.overdue ? GANTT_COLOURS.overdue : GANTT_COLOURS.critical}">${escapeHtml(flags.join(' · '))}</span>`,
      );
    return lines.join('<br/>');
  };

  // A little room either side of the earliest and latest bar (and today), so no bar touches the frame.
  const moments = [
    dateMs(today),
    ...rows
      .flatMap((row) => [row.planned?.start, row.planned?.finish, row.actual?.start, row.actual?.finish])
      .flatMap((d) => (d ? [dateMs(d)] : [])),
  ];
  const first = Math.min(...moments);
  const last = Math.max(...moments);
  const pad = Math.max(7 * DAY_MS, Math.round(((last - first) * 0.03) / DAY_MS) * DAY_MS);

  return {
    useUTC: true,
    animation: false,
    backgroundColor: '#fff',
    legend: { top: 4, data: [names.normal, names.critical, names.overdue, names.actual] },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const value = first?.value;
        return Array.isArray(value) ? tooltip(Number(value[0])) : '';
      },
    },
    grid: { left: 8, right: 32, top: 64, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'time',
      position: 'top',
      min: first - pad,
      max: last + pad,
      minInterval: DAY_MS,
      splitLine: { show: true, lineStyle: { type: 'dashed', color: '#f0f0f0' } },
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => ({
        value: row.milestone.name,
        textStyle: row.tone === 'normal' ? {} : { color: GANTT_COLOURS[row.tone], fontWeight: 'bold' },
      })),
      axisTick: { show: false },
      axisLabel: { width: 140, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: '#fafafa' } },
    },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, height: 16, bottom: 12, filterMode: 'weakFilter', showDetail: false },
      { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false },
    ],
    series: [
      plannedSeries('normal'),
      plannedSeries('critical'),
      plannedSeries('overdue'),
      {
        type: 'custom',
        name: names.actual,
        renderItem: renderBar('actual', GANTT_COLOURS.actual),
        itemStyle: { color: GANTT_COLOURS.actual },
        encode: { x: [1, 2], y: 0 },
        clip: true,
        data: rows.flatMap((row, i) =>
          row.actual ? [{ value: [i, dateMs(row.actual.start), dateMs(row.actual.finish), row.actual.inProgress ? 1 : 0] }] : [],
        ),
      },
      {
        type: 'custom',
        name: 'today',
        renderItem: renderToday(t('gantt.today')),
        encode: { x: 0 },
        silent: true,
        tooltip: { show: false },
        z: 10,
        data: [[dateMs(today)]],
      },
    ],
  };
}
