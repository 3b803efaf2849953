import { Select, type SelectProps } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { useRegionChildren, useRegionFullNames, useRegionLookup, useRegionNames } from '../hooks/use-regions';

type DistrictRegionsPickerProps = Omit<SelectProps<string[]>, 'options' | 'mode' | 'showSearch'> & { 'data-testid'?: string };

/**
 * Picks regions by name (a policy's 企业总部所在地): the reader's district and its streets and towns as quick choices,
 * and — by typing a piece of a name — any province, city or district of China (广东省, 深圳市), offered in full. The
 * regions the value already holds are named too (in the reader's reach by their names, else in full); never a code.
 */
export function DistrictRegionsPicker({ value, ...props }: DistrictRegionsPickerProps) {
  const { t } = useI18n();
  const me = useMe();
  const districtCode = me.region.code.slice(0, 6);
  const streets = useRegionChildren(districtCode);
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const lookup = useRegionLookup(q);
  const held = value ?? [];
  const names = useRegionNames([districtCode, ...held]);
  const fullNames = useRegionFullNames(held.filter((code) => code !== districtCode && !names.has(code)));
  const options = useMemo(() => {
    const byCode = new Map<string, string>();
    const local = [
      { code: districtCode, name: names.get(districtCode) ?? '' },
      ...(streets.data ?? []).map((s) => ({ code: s.code, name: s.name })),
    ].filter((r) => r.name);
    // The quick choices: the district and its streets (those whose name holds what is typed).
    for (const r of local) if (!q || r.name.includes(q)) byCode.set(r.code, r.name);
    for (const r of q ? (lookup.data?.items ?? []) : []) if (!byCode.has(r.code)) byCode.set(r.code, r.fullName);
    for (const code of held) if (!byCode.has(code)) byCode.set(code, names.get(code) ?? fullNames.get(code) ?? '…');
    return [...byCode].map(([code, label]) => ({ value: code, label }));
  }, [districtCode, streets.data, held, names, fullNames, q, lookup.data]);
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      loading={streets.isPending || lookup.isFetching}
      placeholder={t('regionLookup.districtPlaceholder')}
      notFoundContent={q && !lookup.isFetching ? t('regionLookup.none') : null}
      options={options}
      value={value}
      {...props}
    />
  );
}
