import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Button, Empty, Flex, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import type { Region } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { regionsApi } from '../api/regions-api';
import { regionKeys, useLoadRegionChildren, useRegion } from '../hooks/use-regions';
import type { RegionFormTarget } from './RegionFormModal';

type RegionTreeProps = {
  rootCode: string;
  onEdit: (target: RegionFormTarget) => void;
};

/** The region tree from the user's own region down, each level loaded when first opened; actions follow each region's abilities. */
export function RegionTree({ rootCode, onEdit }: RegionTreeProps) {
  const { t } = useI18n();
  const root = useRegion(rootCode);
  const loadChildren = useLoadRegionChildren();
  const [loadedCodes, setLoadedCodes] = useState<string[]>([]);
  const children = useQueries({
    queries: loadedCodes.map((code) => ({
      queryKey: regionKeys.children(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => regionsApi.children(code, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const childrenOf = new Map(loadedCodes.map((code, index) => [code, children[index]?.data]));

  const title = (region: Region) => (
    <Flex gap={8} align="center" wrap data-testid={`region-${region.code}`}>
      <Typography.Text strong>{region.name}</Typography.Text>
      <Typography.Text type="secondary" code>
        {region.code}
      </Typography.Text>
      <Tag>{t(`regionLevel.${region.level}`)}</Tag>
      {region.abilities.update && (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={(e) => {
            e.stopPropagation();
            onEdit({ mode: 'rename', region });
          }}
          data-testid={`region-rename-${region.code}`}
        >
          {t('region.rename')}
        </Button>
      )}
      {region.abilities.createChild && (
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={(e) => {
            e.stopPropagation();
            onEdit({ mode: 'create', parent: region });
          }}
          data-testid={`region-add-${region.code}`}
        >
          {t('region.addChild')}
        </Button>
      )}
    </Flex>
  );

  const toNode = (region: Region): DataNode => ({
    key: region.code,
    title: title(region),
    isLeaf: !region.hasChildren,
    children: childrenOf.get(region.code)?.map(toNode),
  });

  if (root.isPending) return <Spin />;
  if (!root.data) return <Empty />;

  return (
    <Tree
      treeData={[toNode(root.data)]}
      defaultExpandedKeys={[rootCode]}
      blockNode
      selectable={false}
      loadData={async (node) => {
        const code = String(node.key);
        await loadChildren(code);
        setLoadedCodes((previous) => (previous.includes(code) ? previous : [...previous, code]));
      }}
      data-testid="region-tree"
    />
  );
}
