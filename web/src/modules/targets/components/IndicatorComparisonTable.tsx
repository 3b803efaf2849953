import { Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import { formatDecimal } from '../../../lib/format';
import type { Indicator, IndicatorComparison } from '../api/targets-api';
import { formatTarget } from './format';
import { type Standing, StandingCell } from './StandingCell';

type Row = IndicatorComparison['rows'][number];

/**
 * The year's indicators of a city's (or province's) districts side by side: a row per indicator, for each district
 * its target, actual to date and completion against time, and the districts' sum where it adds up. Read-only.
 */
export function IndicatorComparisonTable({
  data,
  loading,
  province = false,
}: {
  data: IndicatorComparison | undefined;
  loading: boolean;
  /** A province reader's: the districts' sum is the province's (全省合计), not a city's. */
  province?: boolean;
}) {
  const { t, locale } = useI18n();
  const totalTitle = t(province ? 'target.compare.totalProvince' : 'target.compare.total');
  const phone = !Grid.useBreakpoint().md;
  const districts = data?.districts ?? [];
  const rows = data?.rows ?? [];
  const hasTotal = rows.some((r) => r.total !== null);

  const standing = (s: Standing) => <StandingCell standing={s} />;
  const amount = (value: string | null, row: Row) =>
    value === null
      ? '—'
      : `${formatDecimal(value)}${locale === 'zh-CN' || row.measure === 'percent' ? '' : ' '}${t(`targetMeasure.${row.measure}`)}`;
  const cell = (row: Row, indicator: Indicator | null, testId: string) =>
    indicator === null ? (
      <Typography.Text type="secondary">{t('target.compare.none')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid={testId}>
        <Typography.Text>
          {t('target.compare.target')}：{formatTarget(t, locale, indicator)}
        </Typography.Text>
        <Typography.Text strong title={indicator.actual ?? undefined}>
          {t('target.compare.actual')}：{amount(indicator.actual, row)}
        </Typography.Text>
        {standing(indicator)}
      </Space>
    );
  const total = (row: Row) =>
    row.total === null ? (
      <Typography.Text type="secondary">{t('target.compare.noTotal')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={0} style={{ width: '100%' }} data-testid={`compare-total-${row.name}`}>
        <Typography.Text>
          {t('target.compare.target')}：{amount(row.total.targetValue, row)}
        </Typography.Text>
        <Typography.Text strong>
          {t('target.compare.actual')}：{amount(row.total.actual, row)}
        </Typography.Text>
        {standing(row.total)}
      </Space>
    );
  const name = (row: Row) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{row.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {row.computation ? t(`targetComputation.${row.computation}`) : t(`targetSource.${row.source}`)}
      </Typography.Text>
    </Space>
  );

  const columns: ColumnsType<Row> = phone
    ? [
        {
          title: t('target.name'),
          key: 'card',
          render: (_, row) => (
            <Space direction="vertical" size={6} style={{ width: '100%' }}>
              {name(row)}
              {districts.map((d, i) => (
                <div key={d.code}>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  {cell(row, row.cells[i] ?? null, `compare-${row.name}-${d.code}`)}
                </div>
              ))}
              {row.total && (
                <div>
                  <Typography.Text strong>{totalTitle}</Typography.Text>
                  {total(row)}
                </div>
              )}
            </Space>
          ),
        },
      ]
    : [
        { title: t('target.name'), key: 'name', width: 170, fixed: 'left', render: (_, row) => name(row) },
        ...districts.map((d, i) => ({
          title: d.name,
          key: d.code,
          width: 230,
          render: (_: unknown, row: Row) => cell(row, row.cells[i] ?? null, `compare-${row.name}-${d.code}`),
        })),
        ...(hasTotal ? [{ title: totalTitle, key: 'total', width: 230, render: (_: unknown, row: Row) => total(row) }] : []),
      ];
  return (
    <Table
      rowKey={(row) => `${row.name}/${row.kind}/${row.measure}/${row.computation ?? ''}`}
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={phone ? undefined : { x: 170 + 230 * (districts.length + (hasTotal ? 1 : 0)) }}
      data-testid="indicator-comparison"
    />
  );
}
