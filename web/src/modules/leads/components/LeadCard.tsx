import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { Money } from '../../projects/components/ProjectTags';
import type { Lead } from '../api/leads-api';
import { LeadStageTag, OverdueBadge } from './LeadBadges';

/** One lead on the board or the phone's list: name, enterprise, investment, owner, an overdue clock. */
export function LeadCard({ lead, showStage = false }: { lead: Lead; showStage?: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" styles={{ body: { padding: 10 } }} data-testid="lead-card">
      <Flex vertical gap={4}>
        <Link to={`/leads/${lead.id}`} style={{ fontWeight: 500 }} data-testid="lead-card-name">
          {lead.name}
        </Link>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {lead.enterprise?.name ?? t('lead.noEnterprise')}
        </Typography.Text>
        <Flex justify="space-between" align="center" wrap gap={4}>
          <Money yuan={lead.estimatedInvestmentYuan} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lead.owner.name.replace(/（.*）$/, '')}
          </Typography.Text>
        </Flex>
        <Flex wrap gap={4}>
          {showStage && <LeadStageTag stage={lead.stage} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`leadMethod.${lead.method}`)} · {lead.unit.name}
          </Typography.Text>
          <OverdueBadge overdue={lead.overdue} />
        </Flex>
      </Flex>
    </Card>
  );
}
