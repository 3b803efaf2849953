import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import type { Region } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { useLoadRegionChildren, useRegion, useRegionChildren } from '../hooks/use-regions';

type RegionTreeSelectProps = {
  /** The top of what the user may pick: the user's own region. */
  rootCode: string;
  value?: string;
  onChange?: (code: string) => void;
  /** The name to show for a value deeper than what is loaded yet (e.g. the unit's street when editing). */
  valueLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
};

type SimpleNode = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

const toNode = (region: Region): SimpleNode => ({
  id: region.code,
  pId: region.parentCode,
  value: region.code,
  title: region.name,
  isLeaf: !region.hasChildren,
});

/** Picks a region from the user's region downwards; deeper levels load when opened. */
export function RegionTreeSelect({
  rootCode,
  value,
  onChange,
  valueLabel,
  placeholder,
  allowClear,
  style,
  ...rest
}: RegionTreeSelectProps) {
  const { t } = useI18n();
  const root = useRegion(rootCode);
  const firstLevel = useRegionChildren(rootCode);
  const loadChildren = useLoadRegionChildren();
  const [deeper, setDeeper] = useState<Region[]>([]);

  const treeData = useMemo(() => {
    const byCode = new Map<string, SimpleNode>();
    for (const region of [...(root.data ? [root.data] : []), ...(firstLevel.data ?? []), ...deeper])
      byCode.set(region.code, toNode(region));
    const rootNode = byCode.get(rootCode);
    if (rootNode) byCode.set(rootCode, { ...rootNode, pId: null });
    if (value && !byCode.has(value)) byCode.set(value, { id: value, pId: null, value, title: valueLabel ?? value, isLeaf: true });
    return [...byCode.values()];
  }, [root.data, firstLevel.data, deeper, rootCode, value, valueLabel]);

  return (
    <TreeSelect
      treeDataSimpleMode
      treeData={treeData}
      treeDefaultExpandedKeys={[rootCode]}
      loadData={async (node) => {
        const code = String(node.value);
        if (code === rootCode) return;
        const children = await loadChildren(code);
        setDeeper((previous) => [...previous.filter((r) => r.parentCode !== code), ...children]);
      }}
      value={value}
      onChange={(code: string) => onChange?.(code)}
      loading={root.isPending || firstLevel.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('region.pick')}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}
