import { DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../../../lib/use-address-search';
import { useI18n } from '../../../i18n';
import { chinaToday } from '../../../lib/china-today';
import { FullPageSpin } from '../../../ui/FullPageSpin';
import { useMe } from '../../auth/hooks/use-me';
import { useDashboard, useDashboardDistricts } from '../hooks/use-dashboard';
import { AttentionList } from './AttentionList';
import { CHART_KEYS, DashboardCharts } from './DashboardCharts';
import { DistrictTable } from './DistrictTable';
import { KpiCards } from './KpiCards';

const DISTRICT = /^\d{6}$/;

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
          <KpiCards d={d} />
          {districts.data && districts.data.districts.length > 1 && !regionCode && <DistrictTable data={districts.data} />}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <DashboardCharts d={d} keys={['monthly']} lg={24} height={360} />
            </Col>
            <Col xs={24} xl={8}>
              <AttentionList d={d} />
            </Col>
          </Row>
          <DashboardCharts d={d} keys={CHART_KEYS.filter((k) => k !== 'monthly')} />
        </>
      )}
    </Space>
  );
}
