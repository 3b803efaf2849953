import { DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../../../lib/use-address-search';
import { useI18n } from '../../../i18n';
import { chinaToday } from '../../../lib/china-today';
import { FullPageSpin } from '../../../ui/FullPageSpin';
import { useCan, useMe } from '../../auth/hooks/use-me';
import { useDashboard, useDashboardDistricts, useDashboardHighlights } from '../hooks/use-dashboard';
import { AttentionList } from './AttentionList';
import { AttractionCard } from './AttractionCard';
import { CHART_KEYS, type ChartKey } from './chart-keys';
import { DistrictTable } from './DistrictTable';
import { KpiCards } from './KpiCards';
import type { Dashboard } from '../api/dashboard-api';

const DISTRICT = /^\d{6}$/;

// The charts (and ECharts, about 180 KB gzip) load after the figures: the key cards and the red and yellow list show
// first, each chart's place held at its height meanwhile.
const DashboardCharts = lazy(async () => ({ default: (await import('./DashboardCharts')).DashboardCharts }));
const DashboardMapCard = lazy(async () => ({ default: (await import('./DashboardMapCard')).DashboardMapCard }));

function LazyCharts({ d, keys, lg, height = 280 }: { d: Dashboard; keys: readonly ChartKey[]; lg?: number; height?: number }) {
  const { t } = useI18n();
  const fallback = (
    <Row gutter={[12, 12]}>
      {keys.map((key) => (
        <Col key={key} xs={24} lg={lg ?? 12}>
          <Card size="small" style={{ height: height + 57 }} aria-label={t('dashboard.chartsLoading')}>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
  return (
    <Suspense fallback={fallback}>
      <DashboardCharts d={d} keys={keys} lg={lg} height={height} />
    </Suspense>
  );
}

/**
 * The dashboard (驾驶舱) of the reader's scope: key figures, charts, the red and yellow projects; a leader starts on
 * the projects he is in charge of; a city or province reader also sees his districts side by side and can open one.
 */
export function DashboardView() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useAddressSearch();
  const thisYear = chinaToday().year();
  const year = Number(search.get('year')) || thisYear;
  const regionCode = DISTRICT.test(search.get('regionCode') ?? '') ? (search.get('regionCode') ?? undefined) : undefined;
  const isLeader = me.role.code === 'leader';
  const scope = search.get('scope') ?? (isLeader ? 'mine' : 'all');
  const dashboard = useDashboard({ year, regionCode, leader: scope === 'mine' ? 'me' : undefined });
  // A region scope at a city (370100) or province (370000) reaches several districts; a district's people see one.
  const severalDistricts = me.dataScope === 'region' && me.region.code.endsWith('00');
  const districts = useDashboardDistricts(year, severalDistricts);
  const highlights = useDashboardHighlights({ year, regionCode });
  const can = useCan();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const d = dashboard.data;
  const districtName = districts.data?.districts.find((r) => r.regionCode === regionCode)?.name ?? regionCode;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard">
      <Row gutter={[8, 8]} align="middle" justify="space-between">
        <Col>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('dashboard.title')}
            </Typography.Title>
            {d && <Typography.Text type="secondary">{t('dashboard.asOf', { date: d.asOf })}</Typography.Text>}
            {regionCode && (
              <Tag closable onClose={() => set('regionCode', undefined)} data-testid="dashboard-district-tag">
                {t('dashboard.district', { name: districtName ?? '' })}
              </Tag>
            )}
          </Space>
        </Col>
        <Col>
          <Space wrap>
            {isLeader && (
              <Segmented
                value={scope}
                onChange={(v) => set('scope', String(v))}
                options={[
                  { value: 'mine', label: t('dashboard.mine') },
                  { value: 'all', label: t('dashboard.all') },
                ]}
                data-testid="dashboard-scope"
              />
            )}
            <Select
              value={year}
              onChange={(v) => set('year', String(v))}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: t('dashboard.year', { year: y }) }))}
              style={{ width: 100 }}
              data-testid="dashboard-year"
            />
            <Button icon={<DesktopOutlined />} onClick={() => navigate('/big-screen')} data-testid="dashboard-big-screen">
              {t('dashboard.bigScreen')}
            </Button>
          </Space>
        </Col>
      </Row>
      {dashboard.error && <Alert type="error" message={(dashboard.error as Error).message} />}
      {!d ? (
        <FullPageSpin />
      ) : (
        <>
          <Typography.Text type="secondary">{t('dashboard.clickHint')}</Typography.Text>
          <KpiCards d={d} newStartsTarget={highlights.data?.newStartsTarget} />
          {districts.data && districts.data.districts.length > 1 && !regionCode && <DistrictTable data={districts.data} />}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <LazyCharts d={d} keys={['monthly']} lg={24} height={360} />
            </Col>
            <Col xs={24} xl={8}>
              <AttentionList d={d} />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            {can('lead.read') && highlights.data?.attraction && (
              <Col xs={24} xl={12}>
                <AttractionCard year={highlights.data.year} attraction={highlights.data.attraction} />
              </Col>
            )}
            <Col xs={24} xl={can('lead.read') && highlights.data?.attraction ? 12 : 24}>
              <Suspense fallback={<Card size="small" style={{ height: 420 }} loading />}>
                <DashboardMapCard projectsDrill={d.kpis.projects.drill} regionCode={regionCode} />
              </Suspense>
            </Col>
          </Row>
          <LazyCharts d={d} keys={CHART_KEYS.filter((k) => k !== 'monthly')} />
        </>
      )}
    </Space>
  );
}
