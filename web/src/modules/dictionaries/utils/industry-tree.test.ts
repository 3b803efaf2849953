import { describe, expect, it } from 'vitest';
import { type IndustryItem, type IndustryNode, industryMatches, industryTree } from './industry-tree';

// Two sections of the seeded dictionary (GB/T 4754-2017 门类 and 大类), as the page reads them.
const item = (code: string, name: string, nameEn: string, parentCode: string | null): IndustryItem => ({
  code,
  name,
  nameEn,
  parentCode,
  enabled: true,
});
const seeded: IndustryItem[] = [
  item('C', '制造业', 'Manufacturing', null),
  item('G', '交通运输、仓储和邮政业', 'Transport, Storage and Postal Services', null),
  item('36', '汽车制造业', 'Manufacture of Automobiles', 'C'),
  item('39', '计算机、通信和其他电子设备制造业', 'Manufacture of Computers, Communication and Other Electronic Equipment', 'C'),
  item('53', '铁路运输业', 'Rail Transport', 'G'),
  item('54', '道路运输业', 'Road Transport', 'G'),
  item('55', '水上运输业', 'Water Transport', 'G'),
  item('56', '航空运输业', 'Air Transport', 'G'),
  item('57', '管道运输业', 'Pipeline Transport', 'G'),
  item('58', '多式联运和运输代理业', 'Multimodal Transport and Transport Agency Services', 'G'),
  item('59', '装卸搬运和仓储业', 'Loading, Unloading, Handling and Warehousing', 'G'),
  item('60', '邮政业', 'Postal Services', 'G'),
];
// A district that added the 中类 and 小类 of 装卸搬运和仓储业 (GB/T 4754-2017), one of them disabled.
const finer: IndustryItem[] = [
  ...seeded,
  { code: '592', name: '通用仓储', nameEn: 'General Warehousing', parentCode: '59', enabled: true },
  { code: '594', name: '危险品仓储', nameEn: 'Dangerous Goods Warehousing', parentCode: '59', enabled: true },
  { code: '5941', name: '油气仓储', nameEn: 'Oil and Gas Warehousing', parentCode: '594', enabled: true },
  { code: '596', name: '中药材仓储', nameEn: 'Chinese Medicinal Materials Warehousing', parentCode: '59', enabled: false },
];

/** What a person sees after typing: each shown node as "code" indented by depth (what the picker filters keep). */
function shown(nodes: IndustryNode[], typed: string, depth = 0, keepAll = false): string[] {
  return nodes.flatMap((node) => {
    const match = keepAll || industryMatches(typed, node);
    const below = shown(node.children ?? [], typed, depth + 1, match);
    return match || below.length > 0 ? [`${'  '.repeat(depth)}${node.value}`, ...below] : [];
  });
}

const find = (nodes: IndustryNode[], code: string): IndustryNode | undefined =>
  nodes.flatMap((n) => [n, ...(n.children ?? [])]).find((n) => n.value === code) ??
  nodes.map((n) => find(n.children ?? [], code)).find(Boolean);

describe('industryTree', () => {
  it('nests every level the dictionary holds, by parent code, and leaves disabled items out', () => {
    const tree = industryTree(finer, { english: false, divisionsOnly: false });
    expect(tree.map((n) => n.value)).toEqual(['C', 'G']);
    const warehousing = find(tree, '59');
    expect(warehousing?.title).toBe('59 装卸搬运和仓储业');
    expect(warehousing?.children?.map((n) => n.value)).toEqual(['592', '594']);
    expect(find(tree, '594')?.children?.map((n) => n.title)).toEqual(['5941 油气仓储']);
    expect(find(tree, '596')).toBeUndefined();
  });

  it('greys out the sections only where a record needs a division or finer', () => {
    const project = industryTree(seeded, { english: false, divisionsOnly: true });
    expect(project.every((section) => section.disabled === true)).toBe(true);
    expect(project.flatMap((section) => section.children ?? []).some((division) => division.disabled)).toBe(false);
    expect(industryTree(seeded, { english: false, divisionsOnly: false }).some((section) => section.disabled)).toBe(false);
  });

  it('titles the nodes in English for an English reader', () => {
    expect(find(industryTree(seeded, { english: true, divisionsOnly: false }), '59')?.title).toBe(
      '59 Loading, Unloading, Handling and Warehousing',
    );
  });
});

describe('industryMatches', () => {
  const tree = industryTree(finer, { english: false, divisionsOnly: true });

  it('finds 物流 although no GB/T 4754 name says it: freight, forwarding, warehousing and couriers, under their section', () => {
    const lines = shown(tree, '物流');
    expect(lines).toContain('G');
    expect(lines).toContain('  54');
    expect(lines).toContain('  58');
    expect(lines).toContain('  59');
    expect(lines).toContain('  60');
    // 59's classes come along, so a finer class can be chosen.
    expect(lines).toContain('    592');
    expect(lines).not.toContain('  53');
    expect(lines).not.toContain('C');
  });

  it('finds a name at any level, with its ancestors for context', () => {
    expect(shown(tree, '油气仓储')).toEqual(['G', '  59', '    594', '      5941']);
    expect(shown(tree, '危险品')).toEqual(['G', '  59', '    594', '      5941']);
    expect(shown(tree, '通用仓储')).toEqual(['G', '  59', '    592']);
  });

  it('finds a section by name with all its divisions', () => {
    const lines = shown(tree, '交通运输、仓储');
    expect(lines[0]).toBe('G');
    expect(lines.filter((l) => /^ {2}\d+$/.test(l))).toEqual(['  53', '  54', '  55', '  56', '  57', '  58', '  59', '  60']);
  });

  it('finds by code prefix and by the English name, in any case', () => {
    expect(shown(tree, '594')).toEqual(['G', '  59', '    594', '      5941']);
    expect(shown(tree, 'warehousing')).toContain('  59');
    expect(shown(tree, 'LOGISTICS')).toContain('  58');
  });

  it('shows everything for an empty search', () => {
    expect(shown(tree, '  ').length).toBe(finer.filter((i) => i.enabled).length);
  });
});
