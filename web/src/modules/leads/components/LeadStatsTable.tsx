import { Card, Descriptions, Empty, Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n';
import { Money } from '../../projects/components/ProjectTags';
import type { LeadStats } from '../api/leads-api';
import { CONVERSION_STEPS, type ConversionStep, percentOf } from './LeadFunnel';

type Line = LeadStats['total'];

/**
 * The conversion figures line by line for the chosen dimension (unit, method, industry, month of signing), with the
 * total: how many reached each stage and its rate, the median days of each step, contract value and out-of-city
 * money. Cards on a phone.
 */
export function LeadStatsTable({ stats, loading }: { stats: LeadStats | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  // English stage names need a little more room than Chinese ones (the table scrolls inside its card if need be).
  const widths = locale === 'en-US' ? { count: 98, days: 98 } : { count: 74, days: 88 };
  const phone = Grid.useBreakpoint().md === false;
  const reached = (line: Line, step: ConversionStep) => (
    <Flex vertical align="end">
      <span>{line[step]}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {percentOf(line.rates[step]) ?? '—'}
      </Typography.Text>
    </Flex>
  );
  const days = (value: number | null) => (value === null ? '—' : t('leadStats.days', { days: value }));
  // On a phone a step reads as words: "3 个，占上一阶段 60%，用时 80 天" — the rate and days only where there are some.
  const phoneStep = (line: Line, step: ConversionStep) => {
    const rate = percentOf(line.rates[step]);
    const median = line.medianDays[step];
    return [
      t('leadStats.count', { count: line[step] }),
      rate === null ? null : t('leadStats.rateOfBefore', { rate }),
      median === null ? null : t('leadStats.tookDays', { days: median }),
    ]
      .filter(Boolean)
      .join(t('leadStats.separator'));
  };
  if (phone) {
    const lines = stats ? [...stats.lines, stats.total] : [];
    return (
      <List
        loading={loading}
        dataSource={lines}
        locale={{ emptyText: <Empty description={t('leadStats.empty')} /> }}
        renderItem={(line) => (
          <List.Item style={{ padding: '4px 0', border: 'none' }}>
            <Card size="small" style={{ width: '100%' }} title={line.label} data-testid="lead-stats-card">
              <Descriptions size="small" column={1} colon={false}>
                <Descriptions.Item label={t('leadStats.step.signed')}>{line.signed}</Descriptions.Item>
                {CONVERSION_STEPS.map((step) => (
                  <Descriptions.Item key={step} label={t(`leadStats.step.${step}`)}>
                    {phoneStep(line, step)}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label={t('leadStats.contractValue')}>
                  <Money yuan={line.contractValueYuan} />
                </Descriptions.Item>
                <Descriptions.Item label={t('leadStats.outOfCity')}>
                  <Money yuan={line.outOfCityYuan} />
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </List.Item>
        )}
        data-testid="lead-stats-list"
      />
    );
  }
  const columns: ColumnsType<Line> = [
    { title: t(`leadStats.by.${stats?.by ?? 'unit'}`), dataIndex: 'label', key: 'label', fixed: 'left', width: 160 },
    {
      title: t('leadStats.reachedGroup'),
      key: 'reached',
      children: [
        { title: t('leadStats.step.signed'), dataIndex: 'signed', key: 'signed', align: 'right' as const, width: widths.count },
        ...CONVERSION_STEPS.map((step) => ({
          title: t(`leadStats.step.${step}`),
          key: step,
          align: 'right' as const,
          width: widths.count,
          render: (_: unknown, line: Line) => reached(line, step),
        })),
      ],
    },
    {
      title: t('leadStats.medianDays'),
      key: 'days',
      children: CONVERSION_STEPS.map((step) => ({
        title: t(`leadStats.stepFrom.${step}`),
        key: `days-${step}`,
        align: 'right' as const,
        width: widths.days,
        render: (_: unknown, line: Line) => days(line.medianDays[step]),
      })),
    },
    {
      title: t('leadStats.contractValue'),
      key: 'contract',
      align: 'right',
      width: 125,
      render: (_, line) => <Money yuan={line.contractValueYuan} />,
    },
    {
      title: t('leadStats.outOfCity'),
      key: 'outOfCity',
      align: 'right',
      width: 130,
      render: (_, line) => (
        <Flex vertical align="end">
          <Money yuan={line.outOfCityYuan} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {percentOf(line.outOfCityShare) ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <Table<Line>
      rowKey={(line) => line.key ?? '—'}
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={stats?.lines ?? []}
      pagination={false}
      scroll={{ x: 160 + 5 * widths.count + 4 * widths.days + 125 + 130 }}
      locale={{ emptyText: <Empty description={t('leadStats.empty')} /> }}
      data-testid="lead-stats-table"
      summary={() =>
        stats ? (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="lead-stats-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{stats.total.label}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {stats.total.signed}
              </Table.Summary.Cell>
              {CONVERSION_STEPS.map((step, i) => (
                <Table.Summary.Cell key={step} index={2 + i} align="right">
                  {reached(stats.total, step)}
                </Table.Summary.Cell>
              ))}
              {CONVERSION_STEPS.map((step, i) => (
                <Table.Summary.Cell key={`days-${step}`} index={6 + i} align="right">
                  {days(stats.total.medianDays[step])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={10} align="right">
                <Money yuan={stats.total.contractValueYuan} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={11} align="right">
                <Money yuan={stats.total.outOfCityYuan} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
