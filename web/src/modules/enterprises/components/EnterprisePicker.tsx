import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import type { Enterprise } from '../../../../../common/schemas/enterprises';
import { useI18n } from '../../../i18n';
import { useEnterpriseList } from '../hooks/use-enterprises';

type EnterprisePickerProps = {
  value?: string | null;
  /** The id chosen (null when cleared) and the enterprise as listed, for a caller that needs more than its id. */
  onChange?: (id: string | null, enterprise: Enterprise | undefined) => void;
  /** An enterprise already chosen and not to be changed (a visit recorded from its page): shown, not searched. */
  fixed?: { id: string; name: string };
  /** The enterprise a form starts with: its name shows before any search. */
  initial?: { id: string; name: string } | null;
  /** Enterprises not to offer (those already placed on a chain node). */
  exclude?: string[];
  allowClear?: boolean;
  /** What the option shows after the name: the USCC (by default) or whether it is local or a target. */
  detail?: 'uscc' | 'kind';
  'data-testid'?: string;
};

/** Picks an enterprise of the district's register by a piece of its name, its pinyin initials or its USCC. */
export function EnterprisePicker({
  value,
  onChange,
  fixed,
  initial,
  exclude = [],
  allowClear,
  detail = 'uscc',
  'data-testid': testId,
}: EnterprisePickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const list = useEnterpriseList({ q: q || undefined, pageSize: 20 }, !fixed);
  const items = (list.data?.items ?? []).filter((e) => !exclude.includes(e.id));
  const labelOf = (e: Enterprise) =>
    detail === 'kind' ? `${e.name}（${t(`enterpriseKind.${e.kind}`)}）` : e.uscc ? `${e.name}（${e.uscc}）` : e.name;
  const options = fixed ? [{ value: fixed.id, label: fixed.name }] : items.map((e) => ({ value: e.id, label: labelOf(e) }));
  if (!fixed && initial && !options.some((o) => o.value === initial.id)) options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(id?: string) =>
        onChange?.(
          id ?? null,
          items.find((e) => e.id === id),
        )
      }
      disabled={Boolean(fixed)}
      loading={list.isFetching}
      placeholder={t('enterprise.searchPlaceholder')}
      options={options}
      notFoundContent={list.isFetching ? null : t('visit.noEnterprise')}
      data-testid={testId}
    />
  );
}
