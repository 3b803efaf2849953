import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../i18n';
import type { Plan } from '../api/tracks-api';
import { buildGanttOption, dateMs, GANTT_COLOURS, ganttRows, renderBar } from './gantt';
import { milestoneOf } from './test-milestones';

const t: Translate = (key, params) => (params ? `${key}${JSON.stringify(params)}` : key);

const milestone = milestoneOf;

const plan: Plan = {
  projectId: 'p1',
  startDate: '2025-01-01',
  deadline: '2025-12-31',
  earliestCompletion: '2025-10-01',
  feasible: true,
  version: 3,
  milestones: [
    milestone({
      id: 'a',
      name: '立项',
      earliestStart: '2025-01-01',
      earliestFinish: '2025-02-01',
      latestStart: '2025-03-01',
      latestFinish: '2025-04-01',
      floatDays: 59,
      actualStart: '2025-01-05',
      actualFinish: '2025-02-10',
    }),
    milestone({
      id: 'b',
      name: '开工',
      kind: 'start',
      durationDays: 0,
      earliestStart: '2025-04-01',
      earliestFinish: '2025-04-01',
      critical: true,
      floatDays: 0,
    }),
    milestone({
      id: 'c',
      name: '主体<封顶>',
      latestStart: '2025-04-01',
      latestFinish: '2025-09-01',
      critical: true,
      overdue: true,
      actualStart: '2025-05-01',
    }),
    milestone({ id: 'd', name: '竣工', kind: 'completion' }),
  ],
};

describe('the Gantt chart of a plan', () => {
  it('draws latest dates when scheduled back from a deadline, else earliest ones; unfinished work runs to today', () => {
    const rows = ganttRows(plan, '2025-06-15');
    expect(rows[0]?.planned).toEqual({ start: '2025-03-01', finish: '2025-04-01' });
    expect(rows[0]?.actual).toEqual({ start: '2025-01-05', finish: '2025-02-10', inProgress: false });
    expect(rows[1]?.planned).toEqual({ start: '2025-04-01', finish: '2025-04-01' });
    expect(rows[2]?.actual).toEqual({ start: '2025-05-01', finish: '2025-06-15', inProgress: true });
    expect(rows[3]?.planned).toBeNull();
    expect(rows.map((row) => row.tone)).toEqual(['normal', 'critical', 'overdue', 'normal']);
  });

  it('puts each bar in the series of its tone, actual bars apart, and a line at today', () => {
    const option = buildGanttOption(plan, '2025-06-15', t);
    const series = option.series as { name: string; data: ({ value: number[] } | number[])[] }[];
    const values = (name: string) => series.find((s) => s.name === name)?.data.map((d) => ('value' in d ? d.value : d));
    expect(values('gantt.planned')).toEqual([[0, dateMs('2025-03-01'), dateMs('2025-04-01'), 0]]);
    expect(values('gantt.critical')).toEqual([[1, dateMs('2025-04-01'), dateMs('2025-04-01'), 0]]);
    expect(values('gantt.overdue')).toEqual([[2, dateMs('2025-04-01'), dateMs('2025-09-01'), 0]]);
    expect(values('gantt.actual')).toEqual([
      [0, dateMs('2025-01-05'), dateMs('2025-02-10'), 0],
      [2, dateMs('2025-05-01'), dateMs('2025-06-15'), 1],
    ]);
    expect(values('today')).toEqual([[dateMs('2025-06-15')]]);
    expect(option.useUTC).toBe(true);
    // From 立项's actual start to 主体封顶's planned finish, with 3% of the span (at least a week) either side.
    const span = dateMs('2025-09-01') - dateMs('2025-01-05');
    const pad = Math.round((span * 0.03) / 86_400_000) * 86_400_000;
    expect(option.xAxis).toMatchObject({ min: dateMs('2025-01-05') - pad, max: dateMs('2025-09-01') + pad });
    const yAxis = option.yAxis as { data: { value: string; textStyle: { color?: string } }[] };
    expect(yAxis.data.map((d) => d.value)).toEqual(['立项', '开工', '主体<封顶>', '竣工']);
    expect(yAxis.data[1]?.textStyle.color).toBe(GANTT_COLOURS.critical);
    expect(yAxis.data[2]?.textStyle.color).toBe(GANTT_COLOURS.overdue);
  });

  it('escapes milestone names in the tooltip', () => {
    const option = buildGanttOption(plan, '2025-06-15', t);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ value: [2, 0, 0, 1] });
    expect(html).toContain('主体&lt;封顶&gt;');
    expect(html).toContain('gantt.inProgress');
    expect(html).not.toContain('<封顶>');
  });

  it('draws a bar above the row for the plan, below it for the actual work, and a diamond for a zero-length milestone', () => {
    const api = (values: number[]) =>
      ({
        value: (dim: number) => values[dim] ?? 0,
        coord: ([x, row]: number[]) => [(x ?? 0) / DAY, 100 + (row ?? 0) * 40],
        size: () => [0, 40],
      }) as unknown as CustomSeriesRenderItemAPI;
    const params = {} as CustomSeriesRenderItemParams;
    const DAY = 86_400_000;
    expect(renderBar('planned', 'blue')(params, api([1, 10 * DAY, 30 * DAY, 0]))).toEqual({
      type: 'rect',
      shape: { x: 10, y: 127, width: 20, height: 12, r: 2 },
      style: { fill: 'blue' },
    });
    expect(renderBar('actual', 'green')(params, api([0, 10 * DAY, 20 * DAY, 1]))).toMatchObject({
      type: 'rect',
      shape: { y: 101 },
      style: { stroke: 'green', lineDash: [4, 2] },
    });
    expect(renderBar('planned', 'blue')(params, api([0, 10 * DAY, 10 * DAY, 0]))).toMatchObject({ type: 'polygon' });
  });
});
