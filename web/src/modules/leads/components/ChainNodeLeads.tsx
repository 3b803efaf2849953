import { Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useLeads } from '../hooks/use-leads';
import { LeadLinkList } from './LeadLinkList';

/** The leads placed on a chain map's node (精准招商: who is being courted for this link), for the node's drawer. */
export function ChainNodeLeads({ nodeId }: { nodeId: string }) {
  const { t } = useI18n();
  const leads = useLeads({ chainNodeId: nodeId, pageSize: 10 });
  return (
    <Flex vertical gap={4} data-testid="chain-node-leads">
      <Typography.Text strong>{t('leadLinks.nodeLeads', { count: leads.data?.total ?? 0 })}</Typography.Text>
      <LeadLinkList
        list={leads.data}
        loading={leads.isPending}
        empty={t('leadLinks.nodeNone')}
        moreHref={`/leads?chainNodeId=${nodeId}`}
        testId="chain-node-lead"
      />
    </Flex>
  );
}
