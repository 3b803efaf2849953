import { Badge, Empty, Flex, Grid, List, Typography } from 'antd';
import { LEAD_STAGES, type LeadStage } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { LeadList } from '../api/leads-api';
import { LeadCard } from './LeadCard';

const COLUMN_WIDTH = 232;

/**
 * The pipeline as a board: a column per stage with its count (over everything the filters match) and its cards; the
 * columns scroll sideways inside the card. On a phone, one list with each card's stage.
 */
export function LeadBoard({ list }: { list: LeadList | undefined }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const items = list?.items ?? [];
  if (phone) {
    return (
      <List
        dataSource={items}
        locale={{ emptyText: <Empty description={t('lead.empty')} /> }}
        renderItem={(lead) => (
          <List.Item style={{ padding: '4px 0', border: 'none' }}>
            <div style={{ width: '100%' }}>
              <LeadCard lead={lead} showStage />
            </div>
          </List.Item>
        )}
        data-testid="lead-list"
      />
    );
  }
  const byStage = (stage: LeadStage) => items.filter((l) => l.stage === stage);
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="lead-board">
      <Flex gap={10} style={{ minWidth: LEAD_STAGES.length * (COLUMN_WIDTH + 10) }}>
        {LEAD_STAGES.map((stage) => {
          const cards = byStage(stage);
          const count = list?.stageCounts[stage] ?? 0;
          return (
            <Flex
              key={stage}
              vertical
              gap={8}
              style={{ width: COLUMN_WIDTH, flex: 'none', background: '#f5f6f8', borderRadius: 6, padding: 8 }}
              data-testid={`lead-column-${stage}`}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{t(`leadStage.${stage}`)}</Typography.Text>
                <Badge count={count} showZero color={count ? '#1677ff' : '#bfbfbf'} overflowCount={99999} />
              </Flex>
              {cards.map((lead) => (
                <LeadCard key={lead.id} lead={lead} />
              ))}
              {count > cards.length && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('lead.more', { count: count - cards.length })}
                </Typography.Text>
              )}
            </Flex>
          );
        })}
      </Flex>
    </div>
  );
}
