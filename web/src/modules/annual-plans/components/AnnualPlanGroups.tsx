import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import type { AnnualPlanGroup } from '../api/annual-plans-api';
import { changeTone, shareOf, signedWan } from '../utils/plan-figures';

type Props = {
  groups: AnnualPlanGroup[];
  total: AnnualPlanGroup | undefined;
  /** What a group is: a lead unit or a category (its column's header, and the name of a group without one). */
  nameTitle: string;
  noName: string;
  loading: boolean;
  /** Below md the count, baseline and change columns are left out (the columns' own breakpoint), and so their totals. */
  phone: boolean;
  testId: string;
};

/** 按单位 / 按类别: each group's projects, baseline, current plan, change and share of the whole, with the total. */
export function AnnualPlanGroups({ groups, total, nameTitle, noName, loading, phone, testId }: Props) {
  const { t } = useI18n();
  const whole = total?.currentYuan ?? 0;
  const columns: ColumnsType<AnnualPlanGroup> = [
    { title: nameTitle, dataIndex: 'name', ellipsis: !phone, render: (name: string | null) => name ?? noName },
    { title: t('annualPlan.col.count'), dataIndex: 'count', align: 'right', width: 80, responsive: ['md'] },
    {
      title: t('annualPlan.col.baseline'),
      dataIndex: 'baselineYuan',
      align: 'right',
      width: 140,
      responsive: ['md'],
      render: (yuan: number) => formatWan(yuan),
    },
    {
      title: t('annualPlan.col.current'),
      dataIndex: 'currentYuan',
      align: 'right',
      width: phone ? 116 : 140,
      render: (yuan: number) => formatWan(yuan),
    },
    {
      title: t('annualPlan.col.change'),
      dataIndex: 'changeYuan',
      align: 'right',
      width: 120,
      responsive: ['md'],
      render: (yuan: number) => <Typography.Text type={changeTone(yuan)}>{signedWan(yuan)}</Typography.Text>,
    },
    {
      title: t('annualPlan.col.share'),
      key: 'share',
      align: phone ? 'right' : 'left',
      // On a phone the share in figures only: the name keeps the room.
      width: phone ? 64 : 180,
      render: (_, group) =>
        phone ? (
          shareOf(group.currentYuan, whole)
        ) : (
          <Progress
            percent={whole === 0 ? 0 : (group.currentYuan / whole) * 100}
            format={() => shareOf(group.currentYuan, whole)}
            size="small"
            style={{ marginBottom: 0 }}
          />
        ),
    },
  ];
  return (
    <Table<AnnualPlanGroup>
      rowKey={(g) => g.key ?? '—'}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={groups}
      tableLayout="fixed"
      pagination={false}
      data-testid={testId}
      summary={() =>
        total && groups.length > 0 ? (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>{t('annualPlan.total')}</Table.Summary.Cell>
            {!phone && (
              <>
                <Table.Summary.Cell index={1} align="right">
                  {total.count}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatWan(total.baselineYuan)}
                </Table.Summary.Cell>
              </>
            )}
            <Table.Summary.Cell index={3} align="right">
              {formatWan(total.currentYuan)}
            </Table.Summary.Cell>
            {!phone && (
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text type={changeTone(total.changeYuan)}>{signedWan(total.changeYuan)}</Typography.Text>
              </Table.Summary.Cell>
            )}
            <Table.Summary.Cell index={5} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
