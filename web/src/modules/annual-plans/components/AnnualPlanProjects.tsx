import { Card, Flex, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import type { AnnualPlanTable, AnnualPlanTableRow } from '../api/annual-plans-api';
import { changeTone, signedWan } from '../utils/plan-figures';

type Props = { data: AnnualPlanTable | undefined; loading: boolean; phone: boolean };

const money = (yuan: number | null) => formatWan(yuan);

/** The version a row's figure comes from: 第2版 (adjusted), and whether it is still a draft. */
function VersionTag({ row }: { row: AnnualPlanTableRow }) {
  const { t } = useI18n();
  return (
    <Tag color={row.frozen ? (row.versionNo > 1 ? 'blue' : undefined) : 'orange'} style={{ marginInlineEnd: 0 }}>
      {t('annualPlan.versionN', { n: row.versionNo })}
      {row.frozen ? '' : ` · ${t('annualPlan.draft')}`}
    </Tag>
  );
}

/** A row's twelve months (万元) and the reason of its adjustment: the table's expanded row. */
function MonthsOf({ row }: { row: AnnualPlanTableRow }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6} data-testid="annual-plan-row-months">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: '4px 16px' }}>
        {row.monthlyYuan.map((yuan, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed positions
          <Typography.Text key={i}>
            <Typography.Text type="secondary">{t('annualPlan.monthN', { month: i + 1 })}</Typography.Text> {formatWan(yuan)}
          </Typography.Text>
        ))}
      </div>
      {row.reason && <Typography.Text type="secondary">{t('annualPlan.reason', { reason: row.reason })}</Typography.Text>}
    </Flex>
  );
}

/** 按项目: every project with a plan — a table at desk width (the months in the expanded row), cards on a phone. */
export function AnnualPlanProjects({ data, loading, phone }: Props) {
  const { t } = useI18n();
  const rows = data?.items ?? [];
  const total = data?.total;
  if (phone) {
    return (
      <List
        dataSource={rows}
        loading={loading}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: t('annualPlan.empty', { year: data?.year ?? '' }) }}
        data-testid="annual-plan-cards"
        renderItem={(row) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="annual-plan-card">
            <Flex justify="space-between" gap={8} align="start">
              <Link to={`/projects/${row.projectId}`} style={{ fontWeight: 500, minWidth: 0, overflowWrap: 'anywhere' }}>
                {row.name}
              </Link>
              <VersionTag row={row} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.leadUnitName} · {row.categoryName ?? t('annualPlan.noCategory')}
            </Typography.Text>
            <Flex justify="space-between" wrap gap={4} style={{ marginTop: 4 }}>
              <span>
                <Typography.Text type="secondary">{t('annualPlan.col.current')} </Typography.Text>
                <Typography.Text strong>{money(row.currentYuan)}</Typography.Text>
              </span>
              <span>
                <Typography.Text type="secondary">{t('annualPlan.col.change')} </Typography.Text>
                <Typography.Text type={changeTone(row.changeYuan)}>
                  {row.baselineYuan === null ? t('annualPlan.noBaseline') : signedWan(row.changeYuan)}
                </Typography.Text>
              </span>
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<AnnualPlanTableRow> = [
    {
      title: t('annualPlan.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 260,
      ellipsis: true,
      render: (name: string, row) => (
        <Link to={`/projects/${row.projectId}`} title={name}>
          {name}
        </Link>
      ),
    },
    { title: t('annualPlan.col.unit'), dataIndex: 'leadUnitName', width: 170, ellipsis: true },
    {
      title: t('annualPlan.col.category'),
      dataIndex: 'categoryName',
      width: 110,
      ellipsis: true,
      render: (name: string | null) => name ?? t('annualPlan.noCategory'),
    },
    {
      title: t('annualPlan.col.baseline'),
      dataIndex: 'baselineYuan',
      align: 'right',
      width: 140,
      sorter: (a, b) => (a.baselineYuan ?? -1) - (b.baselineYuan ?? -1),
      render: (yuan: number | null) =>
        yuan === null ? <Typography.Text type="secondary">{t('annualPlan.noBaseline')}</Typography.Text> : money(yuan),
    },
    {
      title: t('annualPlan.col.current'),
      dataIndex: 'currentYuan',
      align: 'right',
      width: 140,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.currentYuan - b.currentYuan,
      render: money,
    },
    {
      title: t('annualPlan.col.change'),
      dataIndex: 'changeYuan',
      align: 'right',
      width: 120,
      sorter: (a, b) => (a.changeYuan ?? 0) - (b.changeYuan ?? 0),
      render: (yuan: number | null) => <Typography.Text type={changeTone(yuan)}>{signedWan(yuan)}</Typography.Text>,
    },
    { title: t('annualPlan.col.version'), key: 'version', width: 100, render: (_, row) => <VersionTag row={row} /> },
  ];

  return (
    <Table<AnnualPlanTableRow>
      rowKey="projectId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      tableLayout="fixed"
      scroll={{ x: 1040 }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true, size: 'small' }}
      expandable={{ expandedRowRender: (row) => <MonthsOf row={row} /> }}
      locale={{ emptyText: t('annualPlan.empty', { year: data?.year ?? '' }) }}
      data-testid="annual-plan-table"
      summary={() =>
        total && rows.length > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="annual-plan-table-total">
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1} colSpan={3}>
                {t('annualPlan.total')}（{total.count}）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {money(total.baselineYuan)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {money(total.currentYuan)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text type={changeTone(total.changeYuan)}>{signedWan(total.changeYuan)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} />
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
