import { Collapse, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Page, Paging } from '../../../lib/list';
import { JsonSideBySide } from '../../../ui/JsonSideBySide';
import { PagedTable } from '../../../ui/PagedTable';
import { useAuditDictionaries } from '../hooks/use-audit-dictionaries';
import { type ChangeRow, changeRows } from '../utils/change-rows';
import { auditSummary } from '../utils/event-sentence';
import { recordLink } from '../utils/record-link';

type AuditTableProps = {
  page: Page<AuditEvent> | undefined;
  loading: boolean;
  onPagingChange: (paging: Paging) => void;
};

/** Who acted, by the name people know him by (his username when he is gone). */
const actorOf = (event: AuditEvent) => event.actorDisplayName ?? event.actorName;

const linked = (to: string | null, text: string): ReactNode => (to ? <Link to={to}>{text}</Link> : text);

/**
 * The record an event is about, under its sentence: its kind and name (a report by its month), and the project it
 * belongs to, each a link where a page shows it. A record outside the reader's scope shows its kind only: its id is in
 * the expanded row.
 */
function RecordLine({ event }: { event: AuditEvent }) {
  const { t, tOptional } = useI18n();
  if (!event.recordType) return null;
  const link = recordLink(event);
  const [year, month] = (event.about?.month ?? '').split('-').map(Number);
  const monthName = year && month ? t('period.monthLabel', { year, month }) : null;
  const project = event.recordProject;
  // A report, a plan or a period is named by its project and month, not by a name of its own.
  const ownName = event.recordType === 'project' || event.recordName !== project?.name ? event.recordName : null;
  const parts: ReactNode[] = [tOptional(`recordType.${event.recordType}`, event.recordType)];
  if (ownName) parts.push(linked(link.record, `“${ownName}”`));
  if (monthName) parts.push(linked(link.record, monthName));
  if (project && event.recordType !== 'project')
    parts.push(
      <>
        {t('audit.ofProject')} {linked(link.project, `“${project.name}”`)}
      </>,
    );
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="audit-record">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line, in a fixed order
        <Fragment key={i}>
          {i > 0 && ' · '}
          {part}
        </Fragment>
      ))}
    </Typography.Text>
  );
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
        { title: t('audit.field'), dataIndex: 'label', width: 140 },
        { title: t('audit.before'), dataIndex: 'before' },
        { title: t('audit.after'), dataIndex: 'after' },
      ]}
      style={{ marginBottom: 8 }}
      data-testid="audit-changes"
    />
  );
}

/**
 * The audit log, newest first, each event in one sentence as the project's 项目动态 words it (修改了项目“…”：省级重点
 * 否 → 是) with the record it is about by name beneath; expanding a row shows every field before and after, the action's
 * code and the record's id, and the raw record.
 */
export function AuditTable({ page, loading, onPagingChange }: AuditTableProps) {
  const { t, tOptional } = useI18n();
  const dictionaryName = useAuditDictionaries();
  const phone = !Grid.useBreakpoint().md;
  const translators = {
    t,
    tOptional,
    dictionaryName,
    approvalTypeName: (code: string) => dictionaryName('approval_item_type', code),
  };
  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: phone ? 92 : 150,
      render: (at: string, event) => (
        <>
          {formatDateTime(at)}
          {phone && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {actorOf(event) ?? t('audit.system')}
            </Typography.Text>
          )}
        </>
      ),
    },
    ...(phone
      ? []
      : [
          {
            title: t('audit.actor'),
            key: 'actor',
            width: 150,
            render: (_: unknown, event: AuditEvent) => actorOf(event) ?? t('audit.system'),
          },
        ]),
    {
      title: t('audit.event'),
      key: 'event',
      render: (_, event) => (
        <>
          <div data-testid="audit-summary">{auditSummary(event, translators)}</div>
          <RecordLine event={event} />
        </>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['lg'], width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <PagedTable<AuditEvent>
      columns={columns}
      page={page}
      loading={loading}
      onPagingChange={onPagingChange}
      // Sentences wrap rather than push the page sideways (a phone included).
      scroll={undefined}
      tableLayout="fixed"
      expandable={{
        expandedRowRender: (event) => (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              {t('audit.actionCode')}: <Typography.Text code>{event.action}</Typography.Text>
              {event.recordId && (
                <>
                  {' · '}
                  {t('audit.recordId')}:{' '}
                  <Typography.Text copyable style={{ fontSize: 12 }}>
                    {event.recordId}
                  </Typography.Text>
                </>
              )}
              {event.requestId && (
                <>
                  {' · '}
                  {t('error.requestId')}: {event.requestId}
                </>
              )}
            </Typography.Paragraph>
            <ChangeTable rows={changeRows(event, translators)} />
            {(event.before !== null || event.after !== null) && (
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
            )}
          </>
        ),
      }}
      data-testid="audit-table"
    />
  );
}
