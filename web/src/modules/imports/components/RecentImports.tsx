import { Button, Table, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { ImportJobListItem } from '../api/imports-api';
import { useImportJobs } from '../hooks/use-imports';

const STATUS_COLOURS: Record<ImportJobListItem['status'], string> = {
  validating: 'processing',
  invalid: 'error',
  ready: 'warning',
  committing: 'processing',
  committed: 'success',
  failed: 'default',
};

/** The district's recent imports the user may see, each openable to its problems or result. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const jobs = useImportJobs();
  return (
    <Table<ImportJobListItem>
      size="small"
      rowKey="id"
      loading={jobs.isFetching}
      dataSource={jobs.data?.items ?? []}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="import-recent"
      columns={[
        { title: t('import.file'), dataIndex: 'fileName', ellipsis: true, width: 260 },
        { title: t('import.kind'), dataIndex: 'kind', width: 120, render: (kind: ImportJobListItem['kind']) => t(`import.kind.${kind}`) },
        {
          title: t('import.status'),
          dataIndex: 'status',
          width: 100,
          render: (status: ImportJobListItem['status']) => <Tag color={STATUS_COLOURS[status]}>{t(`import.status.${status}`)}</Tag>,
        },
        { title: t('import.rows'), dataIndex: 'totalRows', width: 80 },
        {
          title: t('import.outcome'),
          key: 'outcome',
          width: 180,
          render: (_, job) =>
            job.status === 'invalid'
              ? t('import.outcomeProblems', { count: job.problemCount })
              : job.summary
                ? t('import.outcomeCounts', job.summary)
                : (job.failure ?? '—'),
        },
        { title: t('import.by'), dataIndex: 'createdByName', width: 150, render: (name: string | null) => name ?? '—' },
        { title: t('import.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
        {
          key: 'open',
          width: 80,
          render: (_, job) => (
            <Button type="link" size="small" onClick={() => onOpen(job.id)}>
              {t('import.view')}
            </Button>
          ),
        },
      ]}
    />
  );
}
