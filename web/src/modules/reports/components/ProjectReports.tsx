import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { ProgressReport } from '../api/reports-api';
import { useReports } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { ReportDrawer } from './ReportDrawer';
import { ReportStatusTag } from './ReportStatusTag';

/** The project's monthly reports, month by month: state, late flag, amount and 形象进度; each opens in a drawer. */
export function ProjectReports({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useReports({ projectId, page, pageSize: 12 });
  const [shown, setShown] = useState<string | null>(null);

  const columns: ColumnsType<ProgressReport> = [
    { title: t('report.period'), dataIndex: 'period', render: (v: string) => periodLabel(t, v) },
    {
      title: t('report.status'),
      dataIndex: 'status',
      render: (_, r) => (
        <span data-testid="project-report" data-period={r.period}>
          <ReportStatusTag status={r.status} late={r.late} />
        </span>
      ),
    },
    {
      title: `${t('report.investment')}（${t('money.wan')}）`,
      dataIndex: 'investmentYuan',
      align: 'right',
      render: (v: number | null) => formatWan(v),
    },
    {
      title: t('report.progressPercent'),
      dataIndex: 'progressPercent',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    { title: t('report.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
  ];

  return (
    <Card title={t('report.projectReports')} size="small" data-testid="project-reports">
      <Table<ProgressReport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setShown(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('report.projectReportsEmpty') }}
        pagination={{
          current: list.data?.page,
          pageSize: 12,
          total: list.data?.total,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
      />
      <ReportDrawer reportId={shown} onClose={() => setShown(null)} />
    </Card>
  );
}
