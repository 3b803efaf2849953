import { App, Button, Popconfirm, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatWan } from '../../../../../common/domain/money';
import { REPORT_STATUSES } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { FIRST_PAGE, type Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import { useShowError } from '../../../lib/use-show-error';
import type { ProgressReport, ReportingPeriod } from '../api/reports-api';
import { useRemovePeriodProject, useReports } from '../hooks/use-reports';
import { ReportDrawer } from './ReportDrawer';
import { ReportStatusTag } from './ReportStatusTag';

/** The reports a period owes, one per project, with their state and late flag; a project is taken off from its row. */
export function PeriodReportsTable({ period }: { period: ReportingPeriod }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [status, setStatus] = useState<ProgressReport['status'] | undefined>(undefined);
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const list = useReports({ periodId: period.id, status, ...paging });
  const remove = useRemovePeriodProject();
  const [shown, setShown] = useState<string | null>(null);

  const columns: ColumnsType<ProgressReport> = [
    {
      title: t('report.project'),
      dataIndex: 'projectName',
      render: (_, r) => (
        <Link to={`/projects/${r.projectId}`} style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>
          {r.projectName}
        </Link>
      ),
    },
    { title: t('report.unit'), dataIndex: 'responsibleUnitName' },
    { title: t('report.status'), dataIndex: 'status', render: (_, r) => <ReportStatusTag status={r.status} late={r.late} /> },
    {
      title: `${t('report.investment')}（${t('money.wan')}）`,
      dataIndex: 'investmentYuan',
      align: 'right',
      render: (value: number | null) => formatWan(value),
    },
    {
      title: t('report.progressPercent'),
      dataIndex: 'progressPercent',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    { title: t('report.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setShown(r.id)} data-testid="period-report-view">
            {r.abilities.approve ? t('report.approve') : t('report.view')}
          </Button>
          {period.abilities.removeProject && (r.status === 'draft' || r.status === 'returned') && (
            <Popconfirm
              title={t('period.removeConfirm', { name: r.projectName })}
              okText={t('period.removeProject')}
              cancelText={t('action.cancel')}
              onConfirm={() =>
                remove
                  .mutateAsync({ id: period.id, projectId: r.projectId })
                  .then(() => message.success(t('period.projectRemoved')))
                  .catch((error) => showError(error))
              }
            >
              <Button type="link" size="small" danger>
                {t('period.removeProject')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('period.allStatuses')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))}
        style={{ width: 160 }}
        data-testid="period-report-status"
      />
      <PagedTable<ProgressReport>
        columns={columns}
        page={list.data}
        loading={list.isFetching}
        onPagingChange={setPaging}
        data-testid="period-reports"
      />
      <ReportDrawer reportId={shown} onClose={() => setShown(null)} />
    </Space>
  );
}
