import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Page } from '../../../lib/list';
import { JsonSideBySide } from '../../../ui/JsonSideBySide';

type AuditTableProps = {
  page: Page<AuditEvent> | undefined;
  loading: boolean;
  onChange: (change: { page: number; pageSize: number }) => void;
};

/** The audit log, newest first; expanding a row shows the record before and after the change. */
export function AuditTable({ page, loading, onChange }: AuditTableProps) {
  const { t, tOptional } = useI18n();
  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? t('audit.system') },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['md'], render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span>
          {tOptional(`auditAction.${action}`, action)}{' '}
          <Typography.Text type="secondary" code>
            {action}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.record'),
      key: 'record',
      responsive: ['lg'],
      render: (_, event) =>
        event.recordType ? (
          <span>
            {tOptional(`recordType.${event.recordType}`, event.recordType)}{' '}
            <Typography.Text type="secondary" copyable={event.recordId ? { text: event.recordId } : false} style={{ fontSize: 12 }}>
              {event.recordId ?? ''}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<AuditEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: (event) => event.before !== null || event.after !== null || event.requestId !== null,
        expandedRowRender: (event) => (
          <>
            {event.requestId && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('error.requestId')}: {event.requestId}
              </Typography.Paragraph>
            )}
            <JsonSideBySide
              beforeLabel={t('audit.before')}
              afterLabel={t('audit.after')}
              before={event.before}
              after={event.after}
              emptyText={t('audit.empty')}
            />
          </>
        ),
      }}
      pagination={{
        current: page?.page,
        pageSize: page?.pageSize,
        total: page?.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      onChange={(pagination) => onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })}
      data-testid="audit-table"
    />
  );
}
