import { Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { Month, RankingSubject, ScoreLine } from '../api/assessment-api';
import { RankingTable } from './RankingTable';

/**
 * The month's ranking: one table, or — when the rule ranks in groups (街道, 区直部门) — a table per group under its
 * name and size, ranks within the group. A row opens to the unit's rank over the months and its explanation.
 */
export function GroupedRanking({
  groups,
  items,
  loading,
  month,
  subject = 'unit',
  emptyText,
}: {
  groups: string[];
  items: ScoreLine[];
  loading: boolean;
  month: Month;
  /** A city's or province's ranking lists districts (one list, no groups). */
  subject?: RankingSubject;
  emptyText?: string;
}) {
  const { t } = useI18n();
  if (!groups.length) return <RankingTable items={items} loading={loading} month={month} subject={subject} emptyText={emptyText} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {groups.map((group) => {
        const lines = items.filter((line) => line.group === group);
        return (
          <section key={group} data-testid="ranking-group">
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="ranking-group-title">
              {t('assessment.groupRanking', { group, count: lines.length })}
            </Typography.Title>
            <RankingTable items={lines} loading={loading} month={month} />
          </section>
        );
      })}
    </Space>
  );
}
