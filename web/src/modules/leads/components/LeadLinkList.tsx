import { Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { Money } from '../../projects/components/ProjectTags';
import type { LeadList } from '../api/leads-api';
import { LeadStageTag } from './LeadBadges';

type LeadLinkListProps = {
  list: LeadList | undefined;
  loading: boolean;
  /** What an empty list says (no leads of this enterprise, on this node, from this trip). */
  empty: string;
  /** The board filtered the same way, offered when the list holds more than it shows. */
  moreHref?: string;
  testId: string;
};

/** A short list of leads, each with its stage, owner unit and estimated investment, linking to the lead's page. */
export function LeadLinkList({ list, loading, empty, moreHref, testId }: LeadLinkListProps) {
  const { t } = useI18n();
  const items = list?.items ?? [];
  if (!loading && items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} />;
  return (
    <Flex vertical gap={4}>
      <List
        size="small"
        loading={loading}
        dataSource={items}
        rowKey="id"
        data-testid={testId}
        renderItem={(lead) => (
          <List.Item data-testid={`${testId}-item`}>
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={6} align="center" wrap>
                <Link to={`/leads/${lead.id}`}>{lead.name}</Link>
                <LeadStageTag stage={lead.stage} />
              </Flex>
              <Typography.Text type="secondary">
                {t('leadLinks.unitLabel')}：{lead.unit.name} · {t('leadLinks.investmentLabel')}：
                <Money yuan={lead.estimatedInvestmentYuan} />
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {moreHref && list && list.total > items.length && (
        <Link to={moreHref} data-testid={`${testId}-more`}>
          {t('leadLinks.more', { count: list.total })}
        </Link>
      )}
    </Flex>
  );
}
