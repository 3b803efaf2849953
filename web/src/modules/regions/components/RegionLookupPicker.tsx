import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useRegionLookup } from '../hooks/use-regions';

type RegionLookupPickerProps = {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** The region a form starts with: its name shows before any search. */
  initial?: { code: string; name: string } | null;
  'data-testid'?: string;
};

/**
 * Picks a province, city or district anywhere in China by a piece of its name (an enterprise's headquarters), each
 * offered with its full name (广东省深圳市南山区), never its code.
 */
export function RegionLookupPicker({ value, onChange, initial, 'data-testid': testId }: RegionLookupPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const lookup = useRegionLookup(q);
  const options = (lookup.data?.items ?? []).map((r) => ({ value: r.code, label: r.fullName }));
  if (initial && !options.some((o) => o.value === initial.code)) options.unshift({ value: initial.code, label: initial.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(code?: string) => onChange?.(code ?? null)}
      loading={lookup.isFetching}
      placeholder={t('regionLookup.placeholder')}
      options={options}
      notFoundContent={q && !lookup.isFetching ? t('regionLookup.none') : null}
      data-testid={testId}
    />
  );
}
