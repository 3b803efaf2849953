import { GraphChart } from 'echarts/charts';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { EChart } from '../../../ui/EChart';
import type { ChainNode } from '../api/chains-api';
import { buildChainGraphOption, chainGraphHeight } from '../utils/chain-graph';
import { ChainNodeList } from './ChainNodeList';

use([GraphChart]);

type ChainGraphProps = { nodes: ChainNode[]; narrow: boolean; onNodeClick: (node: ChainNode) => void };

/** The chain drawn as a graph (ECharts, loaded with the first chain shown): segments, nodes, gaps marked 缺链; a list on a phone. */
export function ChainGraph({ nodes, narrow, onNodeClick }: ChainGraphProps) {
  const { t } = useI18n();
  const option = useMemo(
    () =>
      buildChainGraphOption(nodes, {
        segment: (s) => t(`chainSegment.${s}`),
        gap: t('chain.gap'),
        counts: (local, target) => t('chain.counts', { local, target }),
      }),
    [nodes, t],
  );
  // A phone is too narrow for three columns of boxes: the segments are listed one under another instead.
  if (narrow) return <ChainNodeList nodes={nodes} onNodeClick={onNodeClick} />;
  return (
    <EChart
      option={option}
      style={{ width: '100%', height: chainGraphHeight(nodes) }}
      onClick={(item) => {
        const node = nodes.find((n) => n.id === item.name);
        if (node) onNodeClick(node);
      }}
      data-testid="chain-graph"
    />
  );
}
