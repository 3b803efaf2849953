import { Collapse, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Page, Paging } from '../../../lib/list';
import { JsonSideBySide } from '../../../ui/JsonSideBySide';
import { PagedTable } from '../../../ui/PagedTable';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { type ChangeRow, changeRows } from '../utils/change-rows';
import { auditSummary } from '../utils/event-sentence';

type AuditTableProps = {
  page: Page<AuditEvent> | undefined;
  loading: boolean;
  onPagingChange: (paging: Paging) => void;
};

/** The record an event is about, by name; a project links to its page. */
function RecordName({ event }: { event: AuditEvent }) {
  const name = `“${event.recordName}”`;
  return event.recordType === 'project' && event.recordId ? <Link to={`/projects/${event.recordId}`}>{name}</Link> : <span>{name}</span>;
}

/** What an event changed: each field by its label, before and after. */
function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <Table<ChangeRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('audit.field'), dataIndex: 'label', width: 180 },
        { title: t('audit.before'), dataIndex: 'before' },
        { title: t('audit.after'), dataIndex: 'after' },
      ]}
      style={{ marginBottom: 8 }}
      data-testid="audit-changes"
    />
  );
}

/**
 * The audit log, newest first, each change in one sentence as the project's 项目动态 words it (修改了项目“…”：省级重点
 * 否 → 是); expanding a row shows every field before and after, and the raw record.
 */
export function AuditTable({ page, loading, onPagingChange }: AuditTableProps) {
  const { t, tOptional } = useI18n();
  const approvalTypes = useDictionaryOptions('approval_item_type');
  const summary = (event: AuditEvent) => auditSummary(event, { t, tOptional, approvalTypeName: approvalTypes.label });
  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? t('audit.system') },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['md'], render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_, event) => (
        <span data-testid="audit-summary">
          {summary(event)}{' '}
          <Typography.Text type="secondary" code>
            {event.action}
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
            {event.recordName ? (
              <RecordName event={event} />
            ) : (
              <Typography.Text type="secondary" copyable={event.recordId ? { text: event.recordId } : false} style={{ fontSize: 12 }}>
                {event.recordId ?? ''}
              </Typography.Text>
            )}
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PagedTable<AuditEvent>
      columns={columns}
      page={page}
      loading={loading}
      onPagingChange={onPagingChange}
      expandable={{
        rowExpandable: (event) => event.before !== null || event.after !== null || event.requestId !== null,
        expandedRowRender: (event) => (
          <>
            {event.requestId && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('error.requestId')}: {event.requestId}
              </Typography.Paragraph>
            )}
            <ChangeTable rows={changeRows(event, { t, tOptional })} />
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'raw',
                  label: t('audit.showRaw'),
                  children: (
                    <JsonSideBySide
                      beforeLabel={t('audit.before')}
                      afterLabel={t('audit.after')}
                      before={event.before}
                      after={event.after}
                      emptyText={t('audit.empty')}
                    />
                  ),
                },
              ]}
            />
          </>
        ),
      }}
      data-testid="audit-table"
    />
  );
}
