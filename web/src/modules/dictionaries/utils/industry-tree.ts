/** An industry of the dictionary (GB/T 4754: 门类 A–T, 大类 01–97, and 中类/小类 where the district added them). */
export type IndustryItem = { code: string; name: string; nameEn: string; parentCode: string | null; enabled: boolean };

/** A node of the picker's tree: the code and name as its title, and everything a search may find it by. */
export type IndustryNode = {
  value: string;
  title: string;
  /** Lower-cased code, both names and the everyday words that lead to it, for the search. */
  search: string;
  /** A 门类 where the field needs a 大类 or finer (still shown, greyed, to give its divisions context). */
  disabled?: boolean;
  children?: IndustryNode[];
};

/**
 * Everyday words officials type that GB/T 4754 does not use in its names (no class is called 物流), with the classes
 * they mean. A code the dictionary lacks is skipped, so finer codes may stand here before a district adds them.
 */
export const INDUSTRY_SEARCH_WORDS: readonly { words: readonly string[]; codes: readonly string[] }[] = [
  // 道路货物运输, 多式联运和货运代理, 装卸搬运和仓储, 快递, 供应链管理
  { words: ['物流', 'logistics'], codes: ['54', '543', '58', '59', '60', '602', '7224'] },
  { words: ['快递', 'express', 'courier'], codes: ['60', '602'] },
  { words: ['冷链', 'cold chain'], codes: ['59', '593', '5432'] },
  { words: ['供应链', 'supply chain'], codes: ['7224'] },
  { words: ['电商', '电子商务', 'e-commerce'], codes: ['5192', '5292', '6431', '6432'] },
  { words: ['芯片', '集成电路', '半导体', 'chip', 'semiconductor'], codes: ['39', '397', '3973'] },
  { words: ['新能源汽车', 'electric vehicle'], codes: ['36', '3612'] },
  { words: ['光伏', 'solar', 'photovoltaic'], codes: ['3825', '4416', '38', '44'] },
  { words: ['锂电', '电池', '储能', 'battery'], codes: ['384', '3841', '38'] },
  { words: ['生物医药', '医药', 'pharmaceutical'], codes: ['27'] },
  { words: ['软件', '大数据', '人工智能', '云计算', 'software', 'big data', 'artificial intelligence'], codes: ['65', '64'] },
  { words: ['养老', 'elderly care'], codes: ['85', '8514'] },
  { words: ['旅游', '文旅', 'tourism'], codes: ['61', '7291', '786'] },
];

/** What a search is compared in: lower case, no surrounding spaces. */
const normal = (text: string) => text.trim().toLowerCase();

/** The codes each everyday word leads to, for the items the dictionary has. */
function wordsByCode(codes: Set<string>): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const { words, codes: meant } of INDUSTRY_SEARCH_WORDS) {
    for (const code of meant) {
      if (codes.has(code)) byCode.set(code, [...(byCode.get(code) ?? []), ...words]);
    }
  }
  return byCode;
}

/**
 * The dictionary as a tree of any depth (门类 → 大类 → 中类 → 小类, by parent code; an item whose parent is missing
 * stands at the top), enabled items only, each titled "code name" in the reader's language. With `divisionsOnly`
 * the top level (the 门类) cannot be chosen, for a record that needs a 大类 or finer.
 */
export function industryTree(items: readonly IndustryItem[], opts: { english: boolean; divisionsOnly: boolean }): IndustryNode[] {
  const enabled = items.filter((item) => item.enabled);
  const codes = new Set(enabled.map((item) => item.code));
  const words = wordsByCode(codes);
  const children = new Map<string | null, IndustryItem[]>();
  for (const item of enabled) {
    const parent = item.parentCode && codes.has(item.parentCode) && item.parentCode !== item.code ? item.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): IndustryNode[] =>
    (children.get(parent) ?? [])
      .filter((item) => !seen.has(item.code))
      .map((item) => {
        const name = opts.english && item.nameEn ? item.nameEn : item.name;
        const below = build(item.code, depth + 1, new Set([...seen, item.code]));
        return {
          value: item.code,
          title: `${item.code} ${name}`,
          search: normal([item.code, item.name, item.nameEn, `${item.code} ${item.name}`, ...(words.get(item.code) ?? [])].join('\n')),
          ...(opts.divisionsOnly && depth === 0 ? { disabled: true } : {}),
          ...(below.length > 0 ? { children: below } : {}),
        };
      });
  return build(null, 0, new Set());
}

/**
 * Whether a node answers the search: a code that starts with what was typed (59 → 59, 591, 5910), or a name or an
 * everyday word that contains it (物流, 仓储, warehousing). The picker then shows each match with its ancestors for
 * context and its descendants, so a 门类 found by name lists its 大类.
 */
export function industryMatches(input: string, node: Pick<IndustryNode, 'value' | 'search'>): boolean {
  const typed = normal(input);
  if (!typed) return true;
  if (node.value.toLowerCase().startsWith(typed)) return true;
  const [, ...texts] = node.search.split('\n');
  return texts.some((text) => text.includes(typed));
}
