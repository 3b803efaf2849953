import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { OpportunityKind } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { PublicOpportunity } from '../api/opportunities-api';

const KIND_COLOURS: Record<OpportunityKind, string> = {
  scenario: 'blue',
  land: 'green',
  building: 'purple',
  cooperation: 'orange',
  policy: 'red',
};

/**
 * One public item as an enterprise reads it; every text is rendered as text (React escapes it). The list's cards and the
 * item's own page are told apart (`public-opportunity` / `public-opportunity-detail`): the list stays on the screen while
 * the item's page loads.
 */
export function PublicOpportunityCard({ item, linked = true }: { item: PublicOpportunity; linked?: boolean }) {
  const { t } = useI18n();
  const title = linked ? <Link to={`/open/opportunities/${item.id}`}>{item.title}</Link> : item.title;
  return (
    <Card size="small" data-testid={linked ? 'public-opportunity' : 'public-opportunity-detail'}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Tag color={KIND_COLOURS[item.kind]}>{t(`opportunityKind.${item.kind}`)}</Tag>
          <Typography.Text type="secondary">{item.regionName}</Typography.Text>
        </Space>
        <Typography.Title level={5} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph
          style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          ellipsis={linked ? { rows: 3 } : false}
        >
          {item.description}
        </Typography.Paragraph>
        {item.location && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {item.location}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('opportunity.validity')}：{item.validFrom} ~ {item.validTo ?? t('opportunity.untilWithdrawn')}
        </Typography.Text>
        <Typography.Text>
          <PhoneOutlined /> {t('publicOpportunities.contact')}：{item.contactName}{' '}
          <a href={`tel:${item.contactPhone.replace(/[^0-9+]/g, '')}`}>{item.contactPhone}</a>
        </Typography.Text>
      </Space>
    </Card>
  );
}
