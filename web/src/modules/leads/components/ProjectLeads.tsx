import { Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { Money } from '../../projects/components/ProjectTags';
import { useLeads } from '../hooks/use-leads';
import { LeadStageTag } from './LeadBadges';

/** The project's attraction track (招引): the lead(s) it came from, with the investor, the contract and the stage. */
export function ProjectLeads({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const leads = useLeads({ projectId, pageSize: 20 });
  if (leads.isPending) return <Skeleton active />;
  const items = leads.data?.items ?? [];
  if (!items.length) return <Empty description={t('lead.projectLeadsEmpty')} data-testid="project-leads-empty" />;
  return (
    <Flex vertical gap={16} data-testid="project-leads">
      {items.map((lead) => (
        <div key={lead.id}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Link to={`/leads/${lead.id}`} data-testid="project-lead-link">
              <Typography.Text strong>{lead.name}</Typography.Text>
            </Link>
            <LeadStageTag stage={lead.stage} />
          </Flex>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('lead.enterprise')}>{lead.enterprise?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.method')}>{t(`leadMethod.${lead.method}`)}</Descriptions.Item>
            <Descriptions.Item label={t('lead.owner')}>{lead.owner.name}</Descriptions.Item>
            <Descriptions.Item label={t('lead.contractValue')}>
              <Money yuan={lead.contractValueYuan} />
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.contractDate')}>{formatDate(lead.contractDate)}</Descriptions.Item>
            <Descriptions.Item label={t('lead.unit')}>{lead.unit.name}</Descriptions.Item>
          </Descriptions>
        </div>
      ))}
    </Flex>
  );
}
