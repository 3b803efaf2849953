import { Button, Card, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import type { ImportReadingView, MappingConfidence } from '../api/imports-api';
import { useMapImport } from '../hooks/use-imports';
import { splitMappingErrors } from '../utils/mapping-errors';

type MappedColumn = ImportReadingView['columns'][number];
type ImportMappingPanelProps = {
  jobId: string;
  reading: ImportReadingView;
  /** Told whether the user has changed the mapping without checking the file again (the commit must wait). */
  onPendingChange?: (pending: boolean) => void;
};
type FieldOption = { value: string; label: string; required: boolean; takenBy: string | null; disabled: boolean };

// The select's value for 不导入 (a select's value cannot be null).
const IGNORE = '__ignore__';
const CONFIDENCE_COLOURS: Record<MappingConfidence, string> = {
  header: 'green',
  synonym: 'blue',
  saved: 'purple',
  chosen: 'gold',
  none: 'default',
};

/**
 * The mapping step: each headed column of the file, the Lantu field it is read as, how sure the reading is and its
 * first values. The user may read a column as another field or not import it, then have the file checked again; the
 * server keeps the mapping for the district's next file of the same shape.
 */
export function ImportMappingPanel({ jobId, reading, onPendingChange }: ImportMappingPanelProps) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const showError = useShowError();
  const mapImport = useMapImport();
  // The user's choices by column letter (null: 不导入); a column not in it keeps the server's reading.
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const fieldOf = (column: MappedColumn) => (Object.hasOwn(chosen, column.column) ? (chosen[column.column] ?? null) : column.field);
  const changed = reading.columns.filter((column) => fieldOf(column) !== column.field).length;

  const pending = changed > 0;
  useEffect(() => {
    onPendingChange?.(pending);
    return () => onPendingChange?.(false);
  }, [pending, onPendingChange]);

  // Which column each field is read from now, so a field is offered to one column only.
  const takenBy = new Map<string, string>();
  for (const column of reading.columns) {
    const field = fieldOf(column);
    if (field) takenBy.set(field, column.column);
  }
  const ignore: FieldOption = { value: IGNORE, label: t('import.mapping.ignore'), required: false, takenBy: null, disabled: false };
  const optionsFor = (letter: string): FieldOption[] => [
    ignore,
    ...reading.fields.map((field) => {
      const user = takenBy.get(field.key);
      const other = user !== undefined && user !== letter ? user : null;
      return { value: field.key, label: field.label, required: field.required, takenBy: other, disabled: other !== null };
    }),
  ];

  const choose = (index: number, column: MappedColumn, value: string) => {
    setChosen((before) => ({ ...before, [column.column]: value === IGNORE ? null : value }));
    setRowErrors((before) => {
      if (!before.has(index)) return before;
      const next = new Map(before);
      next.delete(index);
      return next;
    });
  };
  const reset = () => {
    setChosen({});
    setRowErrors(new Map());
  };
  const apply = () => {
    const columns = reading.columns.map((column) => ({ column: column.column, field: fieldOf(column) }));
    mapImport.mutate(
      { id: jobId, body: { columns } },
      {
        onSuccess: reset,
        onError: (error) => {
          const { byRow, rest } = splitMappingErrors(error, columns.length);
          setRowErrors(byRow);
          showError(rest);
        },
      },
    );
  };

  const fieldSelect = (column: MappedColumn, index: number) => {
    const error = rowErrors.get(index);
    return (
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <Select<string, FieldOption>
          value={fieldOf(column) ?? IGNORE}
          options={optionsFor(column.column)}
          onChange={(value) => choose(index, column, value)}
          showSearch={{ optionFilterProp: 'label' }}
          optionRender={(option) => <FieldOptionText option={option.data} />}
          status={error ? 'error' : undefined}
          disabled={mapImport.isPending}
          aria-label={t('import.mapping.selectFor', { column: column.column, header: column.header })}
          style={{ width: '100%' }}
          data-testid={`import-map-${column.column}`}
        />
        {error && (
          <Typography.Text type="danger" data-testid={`import-map-error-${column.column}`}>
            {error}
          </Typography.Text>
        )}
      </Space>
    );
  };
  const confidenceTag = (column: MappedColumn) => {
    // A column changed here and not yet checked again is the user's own choice.
    const confidence: MappingConfidence = fieldOf(column) !== column.field ? 'chosen' : column.confidence;
    return (
      <Tag color={CONFIDENCE_COLOURS[confidence]} data-testid={`import-map-confidence-${column.column}`}>
        {t(`import.mapping.confidence.${confidence}`)}
      </Tag>
    );
  };
  const samplesText = (samples: string[]) =>
    samples.length === 0 ? (
      <Typography.Text type="secondary">{t('import.reading.empty')}</Typography.Text>
    ) : (
      <Typography.Text type="secondary" ellipsis={{ tooltip: samples.join(' / ') }}>
        {samples.join(' / ')}
      </Typography.Text>
    );
  const wideColumns: ColumnsType<MappedColumn> = [
    { title: t('import.mapping.column'), dataIndex: 'column', width: 56 },
    { title: t('import.mapping.header'), dataIndex: 'header', width: 160 },
    { title: t('import.mapping.field'), key: 'field', width: 240, render: (_, column, index) => fieldSelect(column, index) },
    { title: t('import.mapping.confidence'), key: 'confidence', width: 120, render: (_, column) => confidenceTag(column) },
    { title: t('import.mapping.samples'), dataIndex: 'samples', ellipsis: { showTitle: false }, render: samplesText },
  ];
  // On a phone two columns: the file's column (letter, header, its values) and what it is read as (field, how sure).
  const phoneColumns: ColumnsType<MappedColumn> = [
    {
      title: t('import.mapping.header'),
      key: 'header',
      width: '45%',
      render: (_, column) => (
        <Space direction="vertical" size={0} style={{ width: '100%', minWidth: 0 }}>
          <Typography.Text>{`${column.column} · ${column.header}`}</Typography.Text>
          {samplesText(column.samples)}
        </Space>
      ),
    },
    {
      title: t('import.mapping.field'),
      key: 'field',
      render: (_, column, index) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {fieldSelect(column, index)}
          {confidenceTag(column)}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('import.mapping.title', { count: reading.columns.length })} data-testid="import-mapping">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('import.mapping.hint')}</Typography.Text>
        <Table<MappedColumn>
          size="small"
          pagination={false}
          rowKey="column"
          dataSource={reading.columns}
          scroll={phone ? undefined : { x: 760 }}
          tableLayout={phone ? 'fixed' : undefined}
          columns={phone ? phoneColumns : wideColumns}
        />
        {pending && (
          <Space wrap>
            <Button type="primary" loading={mapImport.isPending} onClick={apply} data-testid="import-map-apply">
              {t('import.mapping.apply')}
            </Button>
            <Button disabled={mapImport.isPending} onClick={reset} data-testid="import-map-reset">
              {t('import.mapping.reset')}
            </Button>
            <Typography.Text type="secondary">{t('import.mapping.changed', { count: changed })}</Typography.Text>
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** An option of the field select: the field's name, whether a file must have it, and the column already using it. */
function FieldOptionText({ option }: { option: FieldOption }) {
  const { t } = useI18n();
  return (
    <Space size={6} wrap>
      <span>{option.label}</span>
      {option.required && <Typography.Text type="danger">{t('import.mapping.required')}</Typography.Text>}
      {option.takenBy && <Typography.Text type="secondary">{t('import.mapping.takenBy', { column: option.takenBy })}</Typography.Text>}
    </Space>
  );
}
