import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useAllUnits } from '../hooks/use-units';
import { unitTreeWithNamed } from '../utils/unit-tree';

type UnitPickerProps = Omit<TreeSelectProps<string>, 'treeData' | 'loading'> & {
  /** Units the record already names, shown by name even when they lie outside the reader's scope. */
  named?: { id: string; name: string }[];
  'data-testid'?: string;
};

/** Picks one unit from the tree of the units in scope, searchable by name; never shows a unit's id. */
export function UnitPicker({ named, ...props }: UnitPickerProps) {
  const units = useAllUnits();
  const tree = useMemo(() => unitTreeWithNamed(units.data ?? [], named ?? []), [units.data, named]);
  return (
    <TreeSelect<string>
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isPending}
      {...props}
    />
  );
}
