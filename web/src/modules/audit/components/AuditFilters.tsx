import { AutoComplete, DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, AUDIT_SESSION_FILTERS, type AuditSessionFilter } from '../../../../../common/domain/audit';
import { useI18n } from '../../../i18n';
import { ActorSelect } from './ActorSelect';

export type AuditFilterValues = {
  action?: string;
  actorId?: string;
  recordType?: string;
  recordId?: string;
  range?: [Dayjs, Dayjs];
  sessions?: AuditSessionFilter;
};

// Suggestions: every action the server writes and every kind of record (any other can still be typed).
const KNOWN_ACTIONS: readonly string[] = AUDIT_ACTIONS;
const KNOWN_RECORD_TYPES: readonly string[] = AUDIT_RECORD_TYPES;

type TextFilterProps = {
  value: string | undefined;
  options: { value: string; label: string }[];
  placeholder: string;
  width: number;
  testId: string;
  onCommit: (value: string | undefined) => void;
};

/** Free text with suggestions, applied on choosing a suggestion, Enter, leaving the field or clearing it (not per key). */
function TextFilter({ value, options, placeholder, width, testId, onCommit }: TextFilterProps) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (raw: string) => {
    const next = raw.trim() || undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <AutoComplete
      allowClear
      value={draft}
      options={options}
      showSearch={{
        filterOption: (input, option) =>
          String(option?.label ?? '')
            .toLowerCase()
            .includes(input.toLowerCase()),
      }}
      onChange={(next?: string) => {
        setDraft(next ?? '');
        if (!next) commit('');
      }}
      onSelect={(next) => commit(String(next ?? ''))}
      onBlur={() => commit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(draft);
      }}
      placeholder={placeholder}
      style={{ width }}
      data-testid={testId}
    />
  );
}

type AuditFiltersProps = { value: AuditFilterValues; canPickActor: boolean; onChange: (value: AuditFilterValues) => void };

/** Filters by action, actor, record type or id, and a date range. */
export function AuditFilters({ value, canPickActor, onChange }: AuditFiltersProps) {
  const { t, tOptional } = useI18n();
  const text = (raw: string) => (raw.trim() ? raw.trim() : undefined);
  const suggest = (prefix: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: `${tOptional(`${prefix}.${v}`, v)} · ${v}` }));
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Select
        value={value.sessions ?? 'shown'}
        options={AUDIT_SESSION_FILTERS.map((f) => ({ value: f, label: t(`audit.sessions.${f}`) }))}
        onChange={(sessions: AuditSessionFilter) => onChange({ ...value, sessions })}
        aria-label={t('audit.sessions')}
        style={{ width: 150 }}
        data-testid="audit-sessions-filter"
      />
      <TextFilter
        value={value.action}
        options={suggest('auditAction', KNOWN_ACTIONS)}
        placeholder={t('audit.action')}
        width={220}
        testId="audit-action-filter"
        onCommit={(action) => onChange({ ...value, action })}
      />
      {canPickActor && <ActorSelect value={value.actorId} onChange={(actorId) => onChange({ ...value, actorId })} />}
      <TextFilter
        value={value.recordType}
        options={suggest('recordType', KNOWN_RECORD_TYPES)}
        placeholder={t('audit.recordType')}
        width={180}
        testId="audit-record-type-filter"
        onCommit={(recordType) => onChange({ ...value, recordType })}
      />
      <Input.Search
        allowClear
        placeholder={t('audit.recordId')}
        onSearch={(recordId) => onChange({ ...value, recordId: text(recordId) })}
        style={{ width: 220 }}
        data-testid="audit-record-id-filter"
      />
      <DatePicker.RangePicker
        value={value.range}
        onChange={(range) => onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })}
        placeholder={[t('audit.from'), t('audit.to')]}
        data-testid="audit-range-filter"
      />
    </Flex>
  );
}
