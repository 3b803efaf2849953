import { Card, Empty, Flex, Tag } from 'antd';
import { Link } from 'react-router';
import { SIGNED_STAGES } from '../../../../../common/domain/leads';
import { useI18n } from '../../../i18n';
import { useLeads } from '../hooks/use-leads';
import { LeadLinkList } from './LeadLinkList';

const SHOWN = 20;

/**
 * An enterprise's leads (招商线索) and the projects its signed leads became, in the reader's reach; shown only to readers
 * of leads (the page leaves both cards out for the others).
 */
export function EnterpriseLeadCards({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const leads = useLeads({ enterpriseId, pageSize: SHOWN });
  // Every signed lead of the enterprise, whatever the first list shows: their projects.
  const signed = useLeads({ enterpriseId, stage: SIGNED_STAGES.join(','), pageSize: 100 });
  const projects = new Map((signed.data?.items ?? []).flatMap((l) => (l.project ? [[l.project.id, l.project] as const] : [])));
  return (
    <>
      <Card title={t('enterprise.leads')} size="small" data-testid="enterprise-leads">
        <LeadLinkList
          list={leads.data}
          loading={leads.isPending}
          empty={t('leadLinks.enterpriseNone')}
          moreHref={`/leads?enterpriseId=${enterpriseId}`}
          testId="enterprise-lead"
        />
      </Card>
      <Card title={t('enterprise.projects')} size="small" data-testid="enterprise-projects">
        {projects.size === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leadLinks.enterpriseNoProjects')} />
        ) : (
          <Flex vertical gap={6}>
            {[...projects.values()].map((p) => (
              <Flex key={p.id} gap={6} align="center" wrap data-testid="enterprise-project">
                <Link to={`/projects/${p.id}?track=attraction`}>{p.name}</Link>
                <Tag color="blue">{t(`pool.${p.pool}` as 'pool.planning')}</Tag>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
    </>
  );
}
