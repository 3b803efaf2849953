import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { FIRST_PAGE, type Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import type { ProgressReport } from '../api/reports-api';
import { useReports } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { ReportDrawer } from './ReportDrawer';
import { ReportStatusTag } from './ReportStatusTag';

/** 填报审核: the submitted reports awaiting the project office, newest month first; each opens to approve or return. */
export function ReviewQueue() {
  const { t } = useI18n();
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const list = useReports({ status: 'submitted', ...paging });
  const [shown, setShown] = useState<string | null>(null);

  const columns: ColumnsType<ProgressReport> = [
    { title: t('report.period'), dataIndex: 'period', render: (v: string) => periodLabel(t, v) },
    {
      title: t('report.project'),
      dataIndex: 'projectName',
      render: (v: string) => <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>{v}</span>,
    },
    { title: t('report.unit'), dataIndex: 'responsibleUnitName' },
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
    { title: t('report.status'), dataIndex: 'status', render: (_, r) => <ReportStatusTag status={r.status} late={r.late} /> },
    { title: t('report.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setShown(r.id)} data-testid="review-open" data-project={r.projectName}>
          {t('report.approve')} / {t('report.return')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PagedTable<ProgressReport>
        columns={columns}
        page={list.data}
        loading={list.isFetching}
        onRow={(r) => ({ onClick: () => setShown(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('report.queueEmpty') }}
        onPagingChange={setPaging}
        data-testid="review-queue"
      />
      <ReportDrawer reportId={shown} onClose={() => setShown(null)} />
    </>
  );
}
