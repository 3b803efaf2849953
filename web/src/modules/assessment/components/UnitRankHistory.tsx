import { Alert, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { EChart } from '../../../ui/EChart';
import type { RankingSubject } from '../api/assessment-api';
import { useUnitHistory } from '../hooks/use-assessment';
import { rankHistoryOption, rankPointText } from '../utils/rank-chart';
import { rankTrendSentence } from '../utils/rank-trend';

/**
 * A unit's rank over the year's months, in its ranking row: the sentence against last month (较上月上升2位) and a small
 * line chart, rank 1 at the top, the score in the tooltip. Fetched when the row opens.
 */
export function UnitRankHistory({
  unitId,
  unitName,
  year,
  month,
  subject = 'unit',
}: {
  unitId: string;
  unitName: string;
  year: number;
  month: number;
  /** A city's ranking line is a district's: the tooltip counts districts. */
  subject?: RankingSubject;
}) {
  const { t } = useI18n();
  const history = useUnitHistory(unitId, year);
  const months = history.data?.months;
  const option = useMemo(() => (months?.length ? rankHistoryOption(months, t, subject) : null), [months, t, subject]);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (history.isError) return <Alert type="error" showIcon message={history.error.message} />;
  const sentence = rankTrendSentence(history.data.months, month, t, history.data.previousDecember);
  return (
    // contain: the canvas's width never widens the table cell, so the chart follows a phone's width down to 390 px.
    <section data-testid="rank-history" style={{ marginBottom: 12, maxWidth: 560, contain: 'inline-size' }}>
      <Typography.Text strong>{t('assessment.trend.title', { unit: unitName, year })}</Typography.Text>
      {sentence && (
        <div>
          <Typography.Text data-testid="rank-trend-sentence">{sentence}</Typography.Text>
        </div>
      )}
      {option ? (
        // The canvas says nothing to a screen reader: the points are read out in words instead.
        <div
          role="img"
          aria-label={history.data.months.map((m) => rankPointText(m, t, subject)).join(t('assessment.trend.pointSeparator'))}
          data-testid="rank-history-chart"
        >
          <EChart option={option} style={{ height: 150 }} />
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('assessment.trend.empty')}</Typography.Paragraph>
      )}
    </section>
  );
}
