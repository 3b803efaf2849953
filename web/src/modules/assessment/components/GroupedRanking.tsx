import { Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { ScoreLine } from '../api/assessment-api';
import { RankingTable } from './RankingTable';

/**
 * The month's ranking: one table, or — when the rule ranks in groups (街道, 区直部门) — a table per group under its
 * name and size, ranks within the group.
 */
export function GroupedRanking({ groups, items, loading }: { groups: string[]; items: ScoreLine[]; loading: boolean }) {
  const { t } = useI18n();
  if (!groups.length) return <RankingTable items={items} loading={loading} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {groups.map((group) => {
        const lines = items.filter((line) => line.group === group);
        return (
          <section key={group} data-testid="ranking-group">
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="ranking-group-title">
              {t('assessment.groupRanking', { group, count: lines.length })}
            </Typography.Title>
            <RankingTable items={lines} loading={loading} />
          </section>
        );
      })}
    </Space>
  );
}
