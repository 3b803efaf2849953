import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { LeadFunnel } from '../../leads/components/LeadFunnel';
import type { DashboardHighlights } from '../api/dashboard-api';

/**
 * The year's attraction funnel (招商转化): of the leads signed in the year, how many were registered, started, had funds
 * in and went into production, the contract value and the out-of-city money — the conversion page's own total and its
 * own funnel; a click opens that page for the year.
 */
export function AttractionCard({ year, attraction }: { year: number; attraction: NonNullable<DashboardHighlights['attraction']> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      title={t('dashboard.attraction.title', { year })}
      extra={
        <Button type="link" size="small" onClick={() => navigate(attraction.drill)} data-testid="dashboard-attraction-open">
          {t('dashboard.attraction.open')} <RightOutlined />
        </Button>
      }
      onClick={() => navigate(attraction.drill)}
      style={{ height: '100%', cursor: 'pointer' }}
      data-testid="dashboard-attraction"
    >
      {attraction.total.signed === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.attraction.none', { year })}</Typography.Text>
      ) : (
        <LeadFunnel total={attraction.total} />
      )}
    </Card>
  );
}
