import { LineChart } from 'echarts/charts';
import { type EChartsCoreOption, use } from 'echarts/core';
import type { Translate } from '../../../i18n';
import { formatScore } from './format';
import type { RankingSubject } from '../api/assessment-api';
import type { HistoryMonth } from './rank-trend';

// Only the line chart; the grid and tooltip come with web/src/ui/EChart.tsx.
use([LineChart]);

/**
 * What a month's point says in the tooltip: rank of the group's size and the score, or why there is none; a city's
 * ranking counts its districts (共3个区县).
 */
export function rankPointText(m: HistoryMonth, t: Translate, subject: RankingSubject = 'unit'): string {
  if (!m.line) return t('assessment.trend.pointNotAssessed', { month: m.month });
  if (m.line.rank === null) return t('assessment.trend.pointNotRanked', { month: m.month });
  if (subject !== 'unit')
    return t(subject === 'city' ? 'assessment.trend.pointCities' : 'assessment.trend.pointDistricts', {
      month: m.month,
      rank: m.line.rank,
      size: m.line.groupSize,
      score: formatScore(m.line.score),
    });
  return t('assessment.trend.point', {
    month: m.month,
    rank: m.line.rank,
    size: m.line.groupSize,
    group: m.line.group ?? t('assessment.trend.allUnits'),
    score: formatScore(m.line.score),
  });
}

/** A step for the rank axis that divides 1…largest evenly into at most five parts: 15 units → 1, 8, 15. */
export function rankAxisStep(largest: number): number {
  const span = largest - 1;
  if (span <= 4) return 1;
  for (let step = Math.ceil(span / 5); step < span; step += 1) if (span % step === 0) return step;
  return span;
}

/**
 * A unit's rank month by month: rank 1 at the top (the axis inverted, whole numbers from 1 to the largest group), a
 * gap where it was not assessed or not ranked; the tooltip gives the rank, the group's size and the score.
 */
export function rankHistoryOption(months: HistoryMonth[], t: Translate, subject: RankingSubject = 'unit'): EChartsCoreOption {
  const largest = Math.max(1, ...months.map((m) => m.line?.groupSize ?? 0));
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex as number | undefined;
        const month = index === undefined ? undefined : months[index];
        return month ? rankPointText(month, t, subject) : '';
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: months.map((m) => t('assessment.trend.month', { month: m.month })) },
    // The title says these are ranks; an axis name would sit at the bottom of an inverted axis, over the months.
    yAxis: { type: 'value', inverse: true, min: 1, max: largest, interval: rankAxisStep(largest) },
    series: [
      {
        type: 'line',
        name: t('assessment.trend.rank'),
        data: months.map((m) => m.line?.rank ?? null),
        connectNulls: false,
        symbolSize: 8,
        label: { show: true, position: 'top', fontSize: 11 },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}
