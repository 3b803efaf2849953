import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Grid, Input, Row, Select, Space, Statistic, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { moneyParts } from '../../../common/domain/money';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import { useAddressSearch } from '../lib/use-address-search';
import { annualPlansApi } from '../modules/annual-plans/api/annual-plans-api';
import { AnnualPlanGroups } from '../modules/annual-plans/components/AnnualPlanGroups';
import { AnnualPlanMissing } from '../modules/annual-plans/components/AnnualPlanMissing';
import { AnnualPlanMonths } from '../modules/annual-plans/components/AnnualPlanMonths';
import { AnnualPlanProjects } from '../modules/annual-plans/components/AnnualPlanProjects';
import { useAnnualPlanTable } from '../modules/annual-plans/hooks/use-annual-plan-table';
import { changeTone, signedWan } from '../modules/annual-plans/utils/plan-figures';
import { useCan, useMe } from '../modules/auth/hooks/use-me';
import { useDownload } from '../modules/projects/hooks/use-download';
import { useRegionChildren } from '../modules/regions/hooks/use-regions';
import { seesSeveralDistricts } from '../modules/map/utils/region-choice';

const DISTRICT = /^\d{6}$/;
type TabKey = 'projects' | 'units' | 'categories' | 'months' | 'missing';

/** One key figure: its name, the value and a line under it. */
function Kpi({ title, value, note, testId, yuan }: { title: string; value: ReactNode; note?: ReactNode; testId: string; yuan?: number }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId} data-yuan={yuan}>
      <Statistic title={title} value={0} formatter={() => value} valueStyle={{ fontSize: 22 }} />
      {note && <div style={{ marginTop: 2 }}>{note}</div>}
    </Card>
  );
}

/**
 * 年度投资计划: the year's annual plans of the reader's scope — the figure the ledger totals — by project, lead unit,
 * category and month, baseline beside current, who has not entered theirs, and the same as a workbook.
 */
export function AnnualPlanPage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  const phone = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useAddressSearch();
  const year = Number(search.get('year')) || chinaToday().year();
  const picked = search.get('regionCode') ?? '';
  const regionCode = DISTRICT.test(picked) ? picked : undefined;
  const q = search.get('q') ?? undefined;
  const tab = (search.get('tab') as TabKey | null) ?? 'projects';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  // A city reader may look at one of his districts (the dashboard's `regionCode`); a district's people see their own.
  const city = seesSeveralDistricts(me) && !me.region.code.endsWith('0000');
  const districts = useRegionChildren(me.region.code, city);
  const params = { year, regionCode, q };
  const table = useAnnualPlanTable(params);
  const data = table.data;
  const { busy, download } = useDownload();
  const [searchText, setSearchText] = useState(q ?? '');

  const money = (yuan: number) => {
    const { value, unit } = moneyParts(yuan);
    return t('money.amount', { value, unit: t(`money.${unit}`) });
  };
  const total = data?.total;

  const controls = (
    <Space size={phone ? 4 : 8} wrap style={{ justifyContent: 'flex-end' }}>
      {city && (
        <Select
          allowClear
          placeholder={t('annualPlan.allDistricts')}
          value={regionCode}
          onChange={(code: string | undefined) => set('regionCode', code)}
          options={(districts.data ?? []).filter((d) => d.level === 'district').map((d) => ({ value: d.code, label: d.name }))}
          style={{ width: 130 }}
          aria-label={t('annualPlan.district')}
          data-testid="annual-plan-district"
        />
      )}
      <DatePicker
        picker="year"
        allowClear={false}
        value={dayjs(`${year}-01-01`)}
        onChange={(d) => d && set('year', String(d.year()))}
        aria-label={t('annualPlan.year')}
        style={{ width: 96 }}
        data-testid="annual-plan-year"
      />
      {can('project.export') && (
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={() => download(() => annualPlansApi.exportTable(params))}
          aria-label={t('annualPlan.export')}
          data-testid="annual-plan-export"
        >
          {phone ? null : t('annualPlan.export')}
        </Button>
      )}
    </Space>
  );

  const kpis = (
    <Row gutter={[12, 12]} data-testid="annual-plan-kpis">
      <Col xs={12} lg={6}>
        <Kpi
          title={t('annualPlan.kpi.current')}
          value={total ? money(total.currentYuan) : '—'}
          yuan={total?.currentYuan}
          testId="annual-plan-total"
          note={
            total && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('annualPlan.kpi.adjusted', { n: total.adjustedCount })}
              </Typography.Text>
            )
          }
        />
      </Col>
      <Col xs={12} lg={6}>
        <Kpi
          title={t('annualPlan.kpi.baseline')}
          value={total ? money(total.baselineYuan) : '—'}
          testId="annual-plan-baseline"
          note={
            total && (
              <Typography.Text type={changeTone(total.changeYuan)} style={{ fontSize: 12 }}>
                {t('annualPlan.kpi.change')} {signedWan(total.changeYuan)} {t('money.wan')}
              </Typography.Text>
            )
          }
        />
      </Col>
      <Col xs={12} lg={6}>
        <Kpi
          title={t('annualPlan.kpi.projects')}
          value={`${total?.count ?? 0} ${t('annualPlan.countSuffix')}`}
          testId="annual-plan-count"
          note={
            total && (
              <Typography.Text type={total.draftCount > 0 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                {total.draftCount > 0
                  ? t('annualPlan.kpi.drafts', { n: total.draftCount, amount: money(total.draftYuan) })
                  : t('annualPlan.kpi.allFrozen')}
              </Typography.Text>
            )
          }
        />
      </Col>
      <Col xs={12} lg={6}>
        <Kpi
          title={t('annualPlan.kpi.missing')}
          value={
            <Typography.Link onClick={() => set('tab', 'missing')} style={{ fontSize: 22 }} data-testid="annual-plan-missing-count">
              {data?.missingCount ?? 0} {t('annualPlan.countSuffix')}
            </Typography.Link>
          }
          testId="annual-plan-missing-kpi"
          note={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data ? t('annualPlan.kpi.missingUnits', { n: data.missing.length }) : ''}
            </Typography.Text>
          }
        />
      </Col>
    </Row>
  );

  const loading = table.isFetching;
  const items = [
    { key: 'projects', label: t('annualPlan.tab.projects'), children: <AnnualPlanProjects data={data} loading={loading} phone={phone} /> },
    {
      key: 'units',
      label: t('annualPlan.tab.units'),
      children: (
        <AnnualPlanGroups
          groups={data?.byUnit ?? []}
          total={total}
          nameTitle={t('annualPlan.col.unit')}
          noName=""
          loading={loading}
          phone={phone}
          testId="annual-plan-units"
        />
      ),
    },
    {
      key: 'categories',
      label: t('annualPlan.tab.categories'),
      children: (
        <AnnualPlanGroups
          groups={data?.byCategory ?? []}
          total={total}
          nameTitle={t('annualPlan.col.category')}
          noName={t('annualPlan.noCategory')}
          loading={loading}
          phone={phone}
          testId="annual-plan-categories"
        />
      ),
    },
    { key: 'months', label: t('annualPlan.tab.months'), children: <AnnualPlanMonths months={data?.byMonth ?? []} /> },
    {
      key: 'missing',
      label: <span data-testid="annual-plan-tab-missing">{t('annualPlan.tab.missing', { n: data?.missingCount ?? 0 })}</span>,
      children: <AnnualPlanMissing data={data} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('annualPlan.title')} extra={phone ? null : controls}>
        {phone && <div style={{ marginBottom: 12 }}>{controls}</div>}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="annual-plan-scope">
          {t('annualPlan.scopeNote', { region: data?.regionName ?? me.region.name })}
        </Typography.Paragraph>
        {kpis}
      </Card>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(text) => set('q', text.trim() || undefined)}
            placeholder={t('annualPlan.search')}
            style={{ maxWidth: 360 }}
            data-testid="annual-plan-search"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('annualPlan.unitNote')}
          </Typography.Text>
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key === 'projects' ? undefined : key)}
          items={items}
          data-testid="annual-plan-tabs"
        />
      </Card>
    </Flex>
  );
}
