import { Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { EChart } from '../../../ui/EChart';
import type { AnnualPlanTable } from '../api/annual-plans-api';
import { monthChartOption } from '../utils/month-chart';

type Month = AnnualPlanTable['byMonth'][number];

/** 按月份: the year's monthly plan as bars with the running sum, and the same figures in a table. */
export function AnnualPlanMonths({ months }: { months: Month[] }) {
  const { t } = useI18n();
  const option = useMemo(() => monthChartOption(months, t), [months, t]);
  const columns: ColumnsType<Month> = [
    { title: t('annualPlan.col.month'), dataIndex: 'month', render: (month: number) => t('annualPlan.monthN', { month }) },
    { title: t('annualPlan.col.planned'), dataIndex: 'plannedYuan', align: 'right', render: (yuan: number) => formatWan(yuan) },
    { title: t('annualPlan.col.cumulative'), dataIndex: 'cumulativeYuan', align: 'right', render: (yuan: number) => formatWan(yuan) },
  ];
  return (
    <Flex vertical gap={12}>
      <EChart option={option} style={{ height: 260 }} data-testid="annual-plan-month-chart" />
      <Table<Month> rowKey="month" size="small" columns={columns} dataSource={months} pagination={false} data-testid="annual-plan-months" />
    </Flex>
  );
}
