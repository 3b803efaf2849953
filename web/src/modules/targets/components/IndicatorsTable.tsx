import { Button, Grid, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import type { Indicator } from '../api/targets-api';
import { DistrictShares } from './DistrictShares';
import { formatTarget } from './format';
import { STATUS_COLOUR } from './StandingCell';
import { formatDecimal } from '../../../lib/format';

type Props = {
  items: Indicator[];
  loading: boolean;
  onEdit: (indicator: Indicator) => void;
  onEnter: (indicator: Indicator) => void;
  onBreakdown: (indicator: Indicator) => void;
};

/** The year's indicators: target as published, source, owner, actual to date, completion and its standing against time in words. */
export function IndicatorsTable({ items, loading, onEdit, onEnter, onBreakdown }: Props) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const actions = (row: Indicator) => (
    <Space size={0} wrap>
      {row.abilities.enter && (
        <Button type="link" size="small" onClick={() => onEnter(row)} data-testid={`indicator-enter-${row.name}`}>
          {t('target.enter')}
        </Button>
      )}
      {row.abilities.update && (
        <Button type="link" size="small" onClick={() => onEdit(row)} data-testid={`indicator-edit-${row.name}`}>
          {t('target.edit')}
        </Button>
      )}
      {row.abilities.breakdown && (
        <Button type="link" size="small" onClick={() => onBreakdown(row)} data-testid={`indicator-breakdown-${row.name}`}>
          {t('target.breakdown')}
        </Button>
      )}
    </Space>
  );
  const actual = (row: Indicator) =>
    row.actual === null ? (
      '—'
    ) : (
      <span title={row.actual}>
        {formatDecimal(row.actual)}
        {t(`targetMeasure.${row.measure}`)}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
          {row.actualMonth ? t('target.throughMonth', { month: row.actualMonth }) : t('target.computedNow')}
        </Typography.Text>
      </span>
    );
  const completion = (row: Indicator) =>
    row.progress?.completionRate === null || row.progress === null ? null : (
      <Progress
        percent={Math.round(row.progress.completionRate * 1000) / 10}
        size="small"
        status={STATUS_COLOUR[row.progress.status]}
        style={{ minWidth: 100, marginBottom: 0 }}
      />
    );
  // A city's indicator names its city (a district's reader sees it beside his own) and lists its districts' shares.
  const name = (row: Indicator) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong={phone}>{row.name}</Typography.Text>
      {row.regionLevel !== 'district' && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t(row.regionLevel === 'province' ? 'target.provinceTag' : 'target.cityTag', { region: row.regionName })}
        </Tag>
      )}
    </Space>
  );
  const hasActions = items.some((i) => Object.values(i.abilities).some(Boolean));
  const columns: ColumnsType<Indicator> = phone
    ? [
        {
          title: t('target.name'),
          key: 'card',
          render: (_, row) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              {name(row)}
              <Typography.Text>
                {t('target.target')}：{formatTarget(t, locale, row)}
              </Typography.Text>
              <Typography.Text>
                {t('target.actual')}：{actual(row)}
              </Typography.Text>
              {completion(row)}
              <Typography.Text type={row.progress?.status === 'behind' ? 'danger' : undefined}>{row.standing}</Typography.Text>
              <DistrictShares indicator={row} />
              <Typography.Text type="secondary">
                {row.ownerUnitName} · {t(`targetSource.${row.source}`)}
              </Typography.Text>
              {hasActions && actions(row)}
            </Space>
          ),
        },
      ]
    : [
        { title: t('target.name'), key: 'name', width: 170, fixed: 'left', render: (_, row) => name(row) },
        { title: t('target.target'), key: 'target', width: 120, render: (_, row) => formatTarget(t, locale, row) },
        {
          title: t('target.source'),
          key: 'source',
          width: 140,
          render: (_, row) => (
            <Tag color={row.source === 'computed' ? 'blue' : undefined} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
              {row.computation ? t(`targetComputation.${row.computation}`) : t(`targetSource.${row.source}`)}
            </Tag>
          ),
        },
        { title: t('target.owner'), dataIndex: 'ownerUnitName', width: 130, ellipsis: true },
        { title: t('target.actual'), key: 'actual', width: 140, render: (_, row) => actual(row) },
        {
          title: t('target.standing'),
          key: 'standing',
          render: (_, row) => (
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              {completion(row)}
              <span data-testid={`indicator-standing-${row.name}`}>
                <Typography.Text type={row.progress?.status === 'behind' ? 'danger' : undefined}>{row.standing}</Typography.Text>
              </span>
              <DistrictShares indicator={row} />
            </Space>
          ),
        },
        ...(hasActions
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                fixed: 'right' as const,
                render: (_: unknown, row: Indicator) => actions(row),
              },
            ]
          : []),
      ];
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={phone ? undefined : { x: 1150 }}
      data-testid="indicators-table"
    />
  );
}
