import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import type { MatterStats } from '../api/matters-api';

type Line = MatterStats['lines'][number];

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The statistics of matters by unit, category or source: raised, resolved, on time, overdue, rates, days to close. */
export function MatterStatsTable({ stats, loading }: { stats: MatterStats | undefined; loading: boolean }) {
  const { t } = useI18n();
  const rate = (value: number | null) =>
    value === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Progress percent={percent(value) ?? 0} format={(p) => `${p}%`} size="small" style={{ minWidth: 90, marginBottom: 0 }} />
    );
  const columns: ColumnsType<Line> = [
    { title: t(`matterStats.by.${stats?.by ?? 'unit'}`), dataIndex: 'name', key: 'name', fixed: 'left', width: 180 },
    { title: t('matterStats.raised'), dataIndex: 'raised', key: 'raised', align: 'right', width: 80 },
    { title: t('matterStats.resolved'), dataIndex: 'resolved', key: 'resolved', align: 'right', width: 80 },
    { title: t('matterStats.resolvedOnTime'), dataIndex: 'resolvedOnTime', key: 'resolvedOnTime', align: 'right', width: 90 },
    {
      title: t('matterStats.overdue'),
      dataIndex: 'overdue',
      key: 'overdue',
      align: 'right',
      width: 80,
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
    { title: t('matterStats.resolutionRate'), key: 'resolutionRate', width: 150, render: (_, line) => rate(line.resolutionRate) },
    { title: t('matterStats.onTimeRate'), key: 'onTimeRate', width: 150, render: (_, line) => rate(line.onTimeRate) },
    {
      title: t('matterStats.averageDays'),
      dataIndex: 'averageDays',
      key: 'averageDays',
      align: 'right',
      width: 110,
      render: (value: number | null) => (value === null ? '—' : t('matterStats.days', { days: value.toFixed(1) })),
    },
  ];
  return (
    <Table<Line>
      rowKey="key"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={stats?.lines ?? []}
      pagination={false}
      scroll={{ x: 920 }}
      data-testid="matter-stats-table"
      summary={() =>
        stats ? (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="matter-stats-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('matterStats.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {stats.total.raised}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {stats.total.resolved}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {stats.total.resolvedOnTime}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {stats.total.overdue}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5}>{rate(stats.total.resolutionRate)}</Table.Summary.Cell>
              <Table.Summary.Cell index={6}>{rate(stats.total.onTimeRate)}</Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {stats.total.averageDays === null ? '—' : t('matterStats.days', { days: stats.total.averageDays.toFixed(1) })}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
