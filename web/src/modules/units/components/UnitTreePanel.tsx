import { Button, Card, Empty, Grid, Spin, Tree } from 'antd';
import { useMemo } from 'react';
import type { Unit } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { buildUnitTree } from '../utils/unit-tree';

type UnitTreePanelProps = {
  units: Unit[] | undefined;
  loading: boolean;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
};

/** The unit hierarchy; choosing a unit lists its direct subordinate units in the table. */
export function UnitTreePanel({ units, loading, selectedId, onSelect }: UnitTreePanelProps) {
  const { t } = useI18n();
  const tree = useMemo(() => buildUnitTree(units ?? []), [units]);
  // Beside the table on wide screens; above it on phones, where it must not push the table out of sight.
  const wide = Grid.useBreakpoint().lg === true;
  return (
    <Card
      size="small"
      title={t('unit.tree')}
      extra={
        <Button size="small" type="link" disabled={!selectedId} onClick={() => onSelect(undefined)} data-testid="unit-tree-all">
          {t('unit.allUnits')}
        </Button>
      }
      styles={{ body: { maxHeight: wide ? 640 : 240, overflow: 'auto' } }}
    >
      {loading ? (
        <Spin />
      ) : tree.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          treeData={tree}
          defaultExpandedKeys={tree.map((node) => node.key)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
          blockNode
          data-testid="unit-tree"
        />
      )}
    </Card>
  );
}
