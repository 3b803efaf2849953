import type { Translate } from '../../../i18n';

/** A month of a unit's history (GET /assessment/units/:unitId/history): its line, null when not assessed. */
export type HistoryMonth = {
  month: number;
  line: { group: string | null; score: number | null; rank: number | null; groupSize: number } | null;
};

/**
 * The month's rank against the month before, in one sentence: 较上月上升2位 / 与上月持平 / 较上月下降1位; or why there is
 * nothing to compare (this month or last month without a rank, last month in another group). January is compared
 * with December of the year before (`previousDecember` of the history). Null when the month is not in the history.
 */
export function rankTrendSentence(
  months: HistoryMonth[],
  month: number,
  t: Translate,
  previousDecember: HistoryMonth | null = null,
): string | null {
  const now = months.find((m) => m.month === month);
  if (!now) return null;
  if (!now.line) return t('assessment.trend.notAssessed');
  if (now.line.rank === null) return t('assessment.trend.notRanked');
  const before = month === 1 ? previousDecember?.line : months.find((m) => m.month === month - 1)?.line;
  if (!before || before.rank === null) return t('assessment.trend.noPrevious');
  if (before.group !== now.line.group) return t('assessment.trend.otherGroup', { group: before.group ?? '—' });
  const places = before.rank - now.line.rank;
  if (places > 0) return t('assessment.trend.up', { places });
  if (places < 0) return t('assessment.trend.down', { places: -places });
  return t('assessment.trend.same');
}
