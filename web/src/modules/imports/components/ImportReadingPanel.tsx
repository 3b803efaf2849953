import { Card, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { ImportReadingView } from '../api/imports-api';

type ImportReadingPanelProps = { reading: ImportReadingView };
type UnmappedReason = ImportReadingView['unmapped'][number]['reason'];

// Orange: a column the user should look at before importing without it.
const REASON_COLOURS: Record<UnmappedReason, string> = {
  period: 'blue',
  sequence: 'default',
  computed: 'orange',
  unknown: 'orange',
  ignored: 'default',
};

/**
 * How Lantu read the file, before anything is written: where the header was, the columns it will not import (a
 * period figure belongs to the monthly report), the rows it skipped, and each value it interpreted (3.2亿 → 32,000.00 万元).
 */
export function ImportReadingPanel({ reading }: ImportReadingPanelProps) {
  const { t } = useI18n();
  const rowsText = reading.headerRows.join('–');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-reading">
      <Typography.Text type="secondary" data-testid="import-header-rows">
        {t('import.reading.header', { rows: rowsText })}
      </Typography.Text>
      {reading.unmapped.length > 0 && (
        <Card size="small" title={t('import.reading.unmappedTitle', { count: reading.unmapped.length })} data-testid="import-unmapped">
          <Table
            size="small"
            pagination={false}
            rowKey="column"
            dataSource={reading.unmapped}
            columns={[
              { title: t('import.reading.column'), dataIndex: 'column', width: 80 },
              { title: t('import.reading.headerText'), dataIndex: 'header' },
              {
                title: t('import.reading.why'),
                dataIndex: 'reason',
                render: (reason: UnmappedReason) => <Tag color={REASON_COLOURS[reason]}>{t(`import.reading.reason.${reason}`)}</Tag>,
              },
            ]}
          />
        </Card>
      )}
      {reading.skipped.length > 0 && (
        <Card size="small" title={t('import.reading.skippedTitle', { count: reading.skipped.length })} data-testid="import-skipped">
          <Table
            size="small"
            pagination={false}
            rowKey="row"
            dataSource={reading.skipped}
            columns={[
              { title: t('import.reading.row'), dataIndex: 'row', width: 80 },
              { title: t('import.reading.text'), dataIndex: 'text' },
              {
                title: t('import.reading.why'),
                dataIndex: 'reason',
                render: (reason: 'group' | 'subtotal') => <Tag>{t(`import.reading.skip.${reason}`)}</Tag>,
              },
            ]}
          />
        </Card>
      )}
      {reading.interpretations.length > 0 && (
        <Card
          size="small"
          title={t('import.reading.interpretedTitle', { count: reading.interpretationCount })}
          data-testid="import-interpretations"
        >
          <Table
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowKey={(r) => `${r.row}-${r.column}`}
            dataSource={reading.interpretations}
            columns={[
              { title: t('import.reading.row'), dataIndex: 'row', width: 70 },
              { title: t('import.reading.column'), dataIndex: 'column', width: 70 },
              { title: t('import.reading.field'), dataIndex: 'columnLabel' },
              { title: t('import.reading.from'), dataIndex: 'from' },
              {
                title: t('import.reading.to'),
                dataIndex: 'to',
                render: (to: string) => (to === '' ? <Typography.Text type="secondary">{t('import.reading.empty')}</Typography.Text> : to),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
