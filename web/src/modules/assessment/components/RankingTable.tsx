import { Table, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { type Month, type RankingSubject, SUBJECT_COLUMN, type ScoreLine } from '../api/assessment-api';
import { formatScore } from '../utils/format';
import { ScoreExplanation } from './ScoreExplanation';
import { UnitRankHistory } from './UnitRankHistory';

/**
 * 考核排名: rank, unit (a city's: district) and score, each row opening to its rank over the year's months and its
 * explanation. Three narrow columns fit a phone.
 */
export function RankingTable({
  items,
  loading,
  month,
  subject = 'unit',
  emptyText,
}: {
  items: ScoreLine[];
  loading: boolean;
  month: Month;
  subject?: RankingSubject;
  /** What an empty table says (no ranking yet, or no rule at all). */
  emptyText?: string;
}) {
  const { t } = useI18n();
  return (
    <Table<ScoreLine>
      rowKey="unitId"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      data-testid="ranking-table"
      locale={{ emptyText: emptyText ?? t('assessment.noSnapshot') }}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (line) => (
          <>
            <UnitRankHistory unitId={line.unitId} unitName={line.unitName} year={month.year} month={month.month} subject={subject} />
            <ScoreExplanation terms={line.terms} score={line.score} error={line.error} />
          </>
        ),
      }}
      columns={[
        {
          title: t('assessment.rank'),
          dataIndex: 'rank',
          width: 64,
          render: (rank: number | null) => (rank === null ? '—' : <Typography.Text strong>{rank}</Typography.Text>),
        },
        {
          title: t(SUBJECT_COLUMN[subject]),
          dataIndex: 'unitName',
          ellipsis: false,
          render: (name: string) => <span data-testid="ranking-unit">{name}</span>,
        },
        {
          title: t('assessment.score'),
          dataIndex: 'score',
          width: 90,
          align: 'right',
          render: (score: number | null) => <span data-testid="ranking-score">{formatScore(score)}</span>,
        },
      ]}
    />
  );
}
