import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { LEAD_STATS_GROUPS } from '../../../common/schemas/leads';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import { useAddressSearch } from '../lib/use-address-search';
import type { LeadStatsBy } from '../modules/leads/api/leads-api';
import { LeadFunnel } from '../modules/leads/components/LeadFunnel';
import { LeadStatsTable } from '../modules/leads/components/LeadStatsTable';
import { useLeadStats } from '../modules/leads/hooks/use-leads';

const isBy = (value: string | null): value is LeadStatsBy => (LEAD_STATS_GROUPS as readonly string[]).includes(value ?? '');
/** The years offered: this year and the four before it. */
const YEARS_OFFERED = 5;

/**
 * 转化分析: of the leads the reader sees that were signed (in the year chosen, or ever), how many were registered,
 * started, had their funds in and went into production — the funnel of the total, then a line per unit, method,
 * industry or month of signing. The grouping and the year are in the address.
 */
export function LeadStatsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useAddressSearch();
  const requested = search.get('by');
  const by: LeadStatsBy = isBy(requested) ? requested : 'unit';
  const thisYear = chinaToday().year();
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i);
  const yearParam = Number(search.get('year'));
  const year = years.includes(yearParam) ? yearParam : null;
  const stats = useLeadStats({ by, ...(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}) });
  const change = (next: { by?: LeadStatsBy; year?: number | null }) => {
    const params = new URLSearchParams(search);
    if (next.by) params.set('by', next.by);
    if (next.year !== undefined) {
      if (next.year) params.set('year', String(next.year));
      else params.delete('year');
    }
    setSearch(params, { replace: true });
  };
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/leads')} aria-label={t('leadStats.back')} />
          {t('leadStats.title')}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center">
          <Select
            value={year ?? 0}
            onChange={(value) => change({ year: value || null })}
            style={{ width: 180 }}
            options={[
              { value: 0, label: t('leadStats.allYears') },
              ...years.map((y) => ({ value: y, label: t('leadStats.signedInYear', { year: y }) })),
            ]}
            aria-label={t('leadStats.year')}
            data-testid="lead-stats-year"
          />
          <Segmented
            value={by}
            onChange={(value) => change({ by: value as LeadStatsBy })}
            options={LEAD_STATS_GROUPS.map((value) => ({ value, label: t(`leadStats.byShort.${value}`) }))}
            data-testid="lead-stats-by"
          />
        </Flex>
        {stats.isError && <Alert type="error" showIcon message={t('leadStats.failed')} />}
        {stats.data && (
          <Card size="small" title={t('leadStats.funnelTitle')}>
            <LeadFunnel total={stats.data.total} />
          </Card>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('leadStats.hint')}
        </Typography.Text>
        <LeadStatsTable stats={stats.data} loading={stats.isFetching} />
      </Flex>
    </Card>
  );
}
