import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useMe } from '../../auth/hooks/use-me';
import { useRegionChildren, useRegionNames } from '../hooks/use-regions';

type DistrictRegionsPickerProps = Omit<SelectProps<string[]>, 'options' | 'mode'> & { 'data-testid'?: string };

/**
 * Picks regions by name: the reader's district and its streets and towns, and any region the value already holds
 * (named when the reader may see it). Never shows a bare code for a region it can name.
 */
export function DistrictRegionsPicker({ value, ...props }: DistrictRegionsPickerProps) {
  const me = useMe();
  const districtCode = me.region.code.slice(0, 6);
  const streets = useRegionChildren(districtCode);
  const held = value ?? [];
  const names = useRegionNames([districtCode, ...held]);
  const options = useMemo(() => {
    const byCode = new Map<string, string>();
    byCode.set(districtCode, names.get(districtCode) ?? districtCode);
    for (const street of streets.data ?? []) byCode.set(street.code, street.name);
    for (const code of held) if (!byCode.has(code)) byCode.set(code, names.get(code) ?? code);
    return [...byCode].map(([code, label]) => ({ value: code, label }));
  }, [districtCode, streets.data, held, names]);
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={streets.isPending}
      options={options}
      value={value}
      {...props}
    />
  );
}
