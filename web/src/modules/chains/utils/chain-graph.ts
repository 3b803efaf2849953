import type { EChartsCoreOption } from 'echarts/core';
import { CHAIN_SEGMENTS, type ChainSegment } from '../../../../../common/enums';
import type { ChainNode } from '../api/chains-api';

/** The words the chart needs, in the reader's language. */
export type ChainGraphText = {
  segment: (segment: ChainSegment) => string;
  /** The word on a gap node (缺链): a gap is told by a word as well as by its colour. */
  gap: string;
  counts: (local: number, target: number) => string;
};

export const GAP_COLOUR = '#cf1322';
const LOCAL_COLOUR = '#1677ff';
const HEADER_COLOUR = '#595959';
const NODE_WIDTH = 168;
const NODE_HEIGHT = 52;
const COLUMN_GAP = 250;
const ROW_GAP = 78;

/** Where each node of the chart sits: a column per segment, its header on top and its nodes under it. */
function positions(nodes: ChainNode[]) {
  const placed: { key: string; x: number; y: number; node: ChainNode | null; segment: ChainSegment }[] = [];
  CHAIN_SEGMENTS.forEach((segment, column) => {
    placed.push({ key: `segment:${segment}`, x: column * COLUMN_GAP, y: 0, node: null, segment });
    nodes
      .filter((n) => n.segment === segment)
      .forEach((node, i) => {
        placed.push({ key: node.id, x: column * COLUMN_GAP, y: (i + 1) * ROW_GAP, node, segment });
      });
  });
  return placed;
}

/** How tall the chart must be to show every node without squeezing (px). */
export function chainGraphHeight(nodes: ChainNode[]): number {
  const rows = 1 + Math.max(1, ...CHAIN_SEGMENTS.map((s) => nodes.filter((n) => n.segment === s).length));
  return Math.max(260, rows * ROW_GAP + 40);
}

/**
 * The ECharts option of a chain map (wide screens; a phone lists the nodes instead): a header per segment (上游 → 中游 →
 * 下游, linked by arrows) and its nodes under
 * it; a node with a local enterprise is filled blue, a gap is white with a red dashed border and the word 缺链 on it.
 * Each node's data `name` is its id, so a click names the node.
 */
export function buildChainGraphOption(nodes: ChainNode[], text: ChainGraphText): EChartsCoreOption {
  const placed = positions(nodes);
  const data = placed.map((p) => {
    if (!p.node) {
      return {
        name: p.key,
        x: p.x,
        y: p.y,
        symbolSize: [NODE_WIDTH, 36],
        itemStyle: { color: HEADER_COLOUR },
        label: { formatter: text.segment(p.segment), color: '#fff', fontWeight: 'bold', fontSize: 14 },
        tooltip: { show: false },
      };
    }
    const node = p.node;
    const counts = text.counts(node.localCount, node.targetCount);
    return {
      name: node.id,
      x: p.x,
      y: p.y,
      symbolSize: [NODE_WIDTH, NODE_HEIGHT],
      itemStyle: node.gap
        ? { color: '#fff1f0', borderColor: GAP_COLOUR, borderWidth: 2, borderType: 'dashed' }
        : { color: LOCAL_COLOUR, borderColor: LOCAL_COLOUR, borderWidth: 1 },
      label: {
        formatter: node.gap ? `{name|${node.name}}\n{gap|${text.gap}} {counts|${counts}}` : `{name|${node.name}}\n{counts|${counts}}`,
        rich: {
          name: { fontSize: 13, fontWeight: 'bold', color: node.gap ? GAP_COLOUR : '#fff', lineHeight: 18 },
          gap: { fontSize: 11, color: '#fff', backgroundColor: GAP_COLOUR, padding: [1, 4], borderRadius: 2 },
          counts: { fontSize: 11, color: node.gap ? '#595959' : '#e6f4ff', lineHeight: 16 },
        },
      },
      tooltip: { formatter: `${node.name}${node.gap ? `（${text.gap}）` : ''}<br/>${counts}` },
    };
  });
  const headers = CHAIN_SEGMENTS.map((s) => `segment:${s}`);
  const links = [
    // 上游 → 中游 → 下游.
    ...headers.slice(1).map((target, i) => ({ source: headers[i], target, lineStyle: { width: 2, color: HEADER_COLOUR } })),
    // Each segment's header to its nodes.
    ...placed.filter((p) => p.node).map((p) => ({ source: `segment:${p.segment}`, target: p.key, symbol: ['none', 'none'] })),
  ];
  return {
    tooltip: { trigger: 'item' },
    animation: false,
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: false,
        // Boxes keep their size in pixels whatever the chart's size.
        nodeScaleRatio: 0,
        symbol: 'roundRect',
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'inside' },
        lineStyle: { color: '#bfbfbf', width: 1, curveness: 0 },
        emphasis: { focus: 'none', scale: false },
        left: NODE_WIDTH / 2 + 8,
        right: NODE_WIDTH / 2 + 8,
        top: 30,
        bottom: 30,
        data,
        links,
      },
    ],
  };
}
