import { Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import type { Indicator } from '../api/targets-api';
import { formatAmount, formatTarget } from './format';
import { type Standing, StandingCell } from './StandingCell';

type Share = NonNullable<Indicator['districtShares']>['items'][number];

/**
 * 区县对比 of a city's own indicators (a province's: 各市): a row per indicator the reader's region set, a column per
 * district (city) it is broken down to — its share, its actual and its standing against time — and last the region's
 * own target and figure. Built from the list's shares alone (`districtShares`), so it shows no more of a district
 * than the list does: the city office, whose data scope is its own unit tree, compares its districts on the city's
 * indicators without reading the districts' own records. Read-only.
 */
export function SharesComparisonTable({
  items,
  region,
  loading,
}: {
  items: Indicator[];
  region: { code: string; name: string; level: 'city' | 'province' };
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const cities = region.level === 'province';
  const rows = items.filter((i) => i.regionCode === region.code && i.districtShares !== null);
  const below = new Map<string, string>();
  for (const row of rows) for (const share of row.districtShares?.items ?? []) below.set(share.regionCode, share.regionName);
  const columnsBelow = [...below].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
  const shareOf = (row: Indicator, code: string) => row.districtShares?.items.find((s) => s.regionCode === code) ?? null;

  const standing = (s: Standing) => <StandingCell standing={s} />;
  const amount = (value: string | null, row: Indicator) => (value === null ? '—' : formatAmount(t, locale, value, row.measure));
  const cell = (row: Indicator, share: Share | null, testId: string) =>
    share === null ? (
      <Typography.Text type="secondary">{t('target.shares.notBrokenDown')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid={testId}>
        <Typography.Text>
          {t('target.shares.task')}：{amount(share.targetValue, row)}
        </Typography.Text>
        <Typography.Text strong>
          {t('target.compare.actual')}：{amount(share.actual, row)}
        </Typography.Text>
        {share.noCounterpart ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(cities ? 'target.shares.noCounterpartCity' : 'target.shares.noCounterpart')}
          </Typography.Text>
        ) : (
          standing(share)
        )}
      </Space>
    );
  const whole = (row: Indicator) => {
    const shares = row.districtShares;
    return (
      <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid={`shares-whole-${row.name}`}>
        <Typography.Text>
          {t('target.compare.target')}：{formatTarget(t, locale, row)}
        </Typography.Text>
        <Typography.Text strong>
          {t('target.compare.actual')}：{amount(row.actual, row)}
        </Typography.Text>
        {standing(row)}
        {shares?.sum != null && (
          <Typography.Text type={shares.sumMatches ? 'success' : 'danger'} style={{ fontSize: 12 }}>
            {shares.sumMatches
              ? t(cities ? 'target.shares.sumOkCities' : 'target.shares.sumOk', { sum: amount(shares.sum, row) })
              : t(cities ? 'target.shares.sumOffCities' : 'target.shares.sumOff', {
                  sum: amount(shares.sum, row),
                  target: amount(row.targetValue, row),
                })}
          </Typography.Text>
        )}
        {shares && shares.items.length === 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(cities ? 'target.shares.noneCities' : 'target.shares.none')}
          </Typography.Text>
        )}
      </Space>
    );
  };
  const name = (row: Indicator) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{row.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.computation ? t(`targetComputation.${row.computation}`) : t(`targetSource.${row.source}`)}
      </Typography.Text>
    </Space>
  );
  const wholeTitle = t(cities ? 'target.shares.wholeProvince' : 'target.shares.wholeCity');

  const columns: ColumnsType<Indicator> = phone
    ? [
        {
          title: t('target.name'),
          key: 'card',
          render: (_, row) => (
            <Space direction="vertical" size={6} style={{ width: '100%' }}>
              {name(row)}
              {columnsBelow.map((d) => (
                <div key={d.code}>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  {cell(row, shareOf(row, d.code), `shares-${row.name}-${d.code}`)}
                </div>
              ))}
              <div>
                <Typography.Text strong>{wholeTitle}</Typography.Text>
                {whole(row)}
              </div>
            </Space>
          ),
        },
      ]
    : [
        { title: t('target.name'), key: 'name', width: 170, fixed: 'left', render: (_, row) => name(row) },
        ...columnsBelow.map((d) => ({
          title: d.name,
          key: d.code,
          width: 230,
          render: (_: unknown, row: Indicator) => cell(row, shareOf(row, d.code), `shares-${row.name}-${d.code}`),
        })),
        { title: wholeTitle, key: 'whole', width: 260, render: (_: unknown, row: Indicator) => whole(row) },
      ];
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="shares-comparison">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(cities ? 'target.shares.compareTitleCities' : 'target.shares.compareTitle', { region: region.name })}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(cities ? 'target.shares.compareNoteCities' : 'target.shares.compareNote')}
      </Typography.Text>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t(cities ? 'target.shares.emptyProvince' : 'target.shares.emptyCity') }}
        scroll={phone ? undefined : { x: 170 + 230 * columnsBelow.length + 260 }}
      />
    </Space>
  );
}
