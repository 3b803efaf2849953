import { describe, expect, it } from 'vitest';
import type { ChainNode } from '../api/chains-api';
import { GAP_COLOUR, buildChainGraphOption, chainGraphHeight } from './chain-graph';

const node = (id: string, segment: ChainNode['segment'], gap: boolean): ChainNode => ({
  id,
  segment,
  name: id,
  description: null,
  position: 0,
  gap,
  localCount: gap ? 0 : 1,
  targetCount: 1,
  placements: [],
});
const text = { segment: (s: string) => s, gap: '缺链', counts: (l: number, t: number) => `本地 ${l} · 目标 ${t}` };
type Item = { name: string; x: number; y: number; itemStyle: { borderColor?: string; borderType?: string }; label: { formatter: string } };

describe('the chain map', () => {
  it('draws each segment as a column under its header, and a gap in red with the word 缺链', () => {
    const nodes = [node('膜材料', 'midstream', false), node('稀土', 'upstream', true), node('航空', 'downstream', true)];
    const option = buildChainGraphOption(nodes, text) as { series: { data: Item[]; links: { source: string; target: string }[] }[] };
    const data = option.series[0]?.data ?? [];
    const byName = new Map(data.map((d) => [d.name, d]));
    expect(byName.get('稀土')?.x).toBe(byName.get('segment:upstream')?.x);
    expect(byName.get('膜材料')?.x).toBeGreaterThan(byName.get('稀土')?.x ?? 0);
    expect(byName.get('稀土')?.itemStyle).toMatchObject({ borderColor: GAP_COLOUR, borderType: 'dashed' });
    expect(byName.get('稀土')?.label.formatter).toContain('缺链');
    expect(byName.get('膜材料')?.label.formatter).not.toContain('缺链');
    expect(option.series[0]?.links).toContainEqual(expect.objectContaining({ source: 'segment:upstream', target: 'segment:midstream' }));
    expect(chainGraphHeight(nodes)).toBeGreaterThanOrEqual(260);
  });
});
