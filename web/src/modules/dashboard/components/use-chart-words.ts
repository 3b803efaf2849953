import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import type { ChartWords } from '../utils/chart-options';

/** The charts' words in the reader's language. */
export function useChartWords(): ChartWords {
  const { t } = useI18n();
  return useMemo(
    () => ({
      save: t('dashboard.chart.save'),
      wan: t('money.wan'),
      month: (month: number) => t('dashboard.chart.month', { month }),
      cumulativePlanned: t('dashboard.chart.cumulativePlanned'),
      cumulativeCompleted: t('dashboard.chart.cumulativeCompleted'),
      monthCompleted: t('dashboard.chart.monthCompleted'),
      completionRate: t('dashboard.chart.completionRate'),
      timeElapsed: t('dashboard.chart.timeElapsed'),
      count: t('dashboard.chart.count'),
      red: t('warningColour.red'),
      yellow: t('warningColour.yellow'),
      green: t('warningColour.green'),
      none: t('dashboard.chart.none'),
    }),
    [t],
  );
}
