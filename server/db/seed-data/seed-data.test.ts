import { describe, expect, it } from 'vitest';
import { DEMO_UNITS } from './demo-units';
import { DICTIONARY_SEEDS } from './dictionaries';
import { INDUSTRY_ITEMS } from './industries';
import { PLAN_TEMPLATES } from './plan-templates';

const CODE_RE = /^[A-Za-z0-9_.-]{1,16}$/;

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));

describe('GB/T 4754-2017 industries', () => {
  const sections = INDUSTRY_ITEMS.filter((i) => i.parentCode === null);
  const divisions = INDUSTRY_ITEMS.filter((i) => i.parentCode !== null);
  const divisionsOf = (section: string): string[] => divisions.filter((d) => d.parentCode === section).map((d) => d.code);

  it('has the 20 sections A..T', () => {
    expect(sections.map((s) => s.code)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
  });

  it('has 97 unique divisions 01..97, each under an existing section', () => {
    const codes = divisions.map((d) => d.code);
    expect(codes).toHaveLength(97);
    expect(new Set(codes).size).toBe(97);
    expect([...codes].sort()).toEqual(range(1, 97));
    const sectionCodes = new Set(sections.map((s) => s.code));
    for (const d of divisions) expect(sectionCodes.has(d.parentCode ?? '')).toBe(true);
  });

  it('puts the divisions in the right sections', () => {
    expect(divisionsOf('A')).toEqual(range(1, 5));
    expect(divisionsOf('B')).toEqual(range(6, 12));
    expect(divisionsOf('C')).toEqual(range(13, 43));
    expect(divisionsOf('D')).toEqual(range(44, 46));
    expect(divisionsOf('G')).toEqual(range(53, 60));
    expect(divisionsOf('S')).toEqual(range(91, 96));
    expect(divisionsOf('T')).toEqual(['97']);
  });

  it('names a few divisions as the standard does', () => {
    const byCode = new Map(INDUSTRY_ITEMS.map((i) => [i.code, i.name]));
    expect(byCode.get('C')).toBe('制造业');
    expect(byCode.get('36')).toBe('汽车制造业');
    expect(byCode.get('39')).toBe('计算机、通信和其他电子设备制造业');
    expect(byCode.get('T')).toBe('国际组织');
  });

  it('has a Chinese and an English name on every item, and valid codes', () => {
    for (const i of INDUSTRY_ITEMS) {
      expect(i.code).toMatch(CODE_RE);
      expect(i.name.trim()).not.toBe('');
      expect(i.nameEn.trim()).not.toBe('');
    }
  });
});

describe('dictionary seeds', () => {
  const entries = Object.entries(DICTIONARY_SEEDS);

  it('covers the nine dictionaries', () => {
    expect(Object.keys(DICTIONARY_SEEDS).sort()).toEqual(
      [
        'approval_item_type',
        'cluster',
        'enterprise_tag',
        'funding_source',
        'industry_chain',
        'leading_industry',
        'park',
        'problem_category',
        'project_category',
      ].sort(),
    );
  });

  it.each(entries)('%s: valid, unique codes whose parents exist', (type, items) => {
    expect(items.length).toBeGreaterThan(0);
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
    for (const i of items) {
      expect(i.code).toMatch(CODE_RE);
      // Only parks sit under a parent (their cluster).
      if (type === 'park') expect(DICTIONARY_SEEDS.cluster.map((c) => c.code)).toContain(i.parentCode);
      else expect(i.parentCode).toBeNull();
      expect(i.name.trim()).not.toBe('');
      expect(i.nameEn.trim()).not.toBe('');
    }
  });

  it('has 6–10 project categories', () => {
    expect(DICTIONARY_SEEDS.project_category.length).toBeGreaterThanOrEqual(6);
    expect(DICTIONARY_SEEDS.project_category.length).toBeLessThanOrEqual(10);
  });

  it('has exactly the nine problem categories', () => {
    expect(DICTIONARY_SEEDS.problem_category.map((i) => i.name)).toEqual([
      '用地',
      '资金',
      '审批',
      '拆迁征收',
      '水电气暖',
      '规划',
      '环保',
      '人才',
      '其他',
    ]);
  });

  it('includes the six funding sources of the financing track', () => {
    const names = DICTIONARY_SEEDS.funding_source.map((i) => i.name);
    for (const n of ['财政资金', '地方政府专项债', '政策性开发性金融工具', '银行贷款', '企业自筹', '社会资本']) {
      expect(names).toContain(n);
    }
  });
});

describe('demo units of 天桥区', () => {
  it('has unique keys, and every parent appears before its children', () => {
    const seen = new Set<string>();
    for (const u of DEMO_UNITS) {
      expect(seen.has(u.key)).toBe(false);
      if (u.parentKey !== null) expect(seen.has(u.parentKey)).toBe(true);
      seen.add(u.key);
    }
  });

  it('has a single root, the district government', () => {
    const roots = DEMO_UNITS.filter((u) => u.parentKey === null);
    expect(roots.map((u) => u.key)).toEqual(['gov']);
  });

  it('has the 15 streets with 9-digit codes under 370105', () => {
    const streets = DEMO_UNITS.filter((u) => u.kind === 'street');
    expect(streets).toHaveLength(15);
    expect(new Set(streets.map((s) => s.regionCode)).size).toBe(15);
    for (const s of streets) {
      expect(s.regionCode).toMatch(/^370105\d{3}$/);
      expect(s.name.endsWith('街道办事处')).toBe(true);
    }
    expect(streets.some((s) => s.key === 'street_beiyuan' && s.regionCode === '370105014')).toBe(true);
  });

  it('has the units other modules refer to by key', () => {
    const byKey = new Map(DEMO_UNITS.map((u) => [u.key, u]));
    for (const key of ['gov', 'drc', 'project_office', 'invest', 'housing', 'land', 'inspection', 'bigdata', 'park_materials']) {
      expect(byKey.has(key)).toBe(true);
    }
    expect(byKey.get('project_office')?.parentKey).toBe('drc');
    expect(byKey.get('park_materials')?.kind).toBe('park');
    expect(DEMO_UNITS.filter((u) => u.kind === 'park')).toHaveLength(6);
  });

  it('keeps every non-street unit in the district region', () => {
    for (const u of DEMO_UNITS.filter((x) => x.kind !== 'street')) expect(u.regionCode).toBe('370105');
  });
});

describe('plan templates', () => {
  it('gives every project category exactly one template', () => {
    const categories = DICTIONARY_SEEDS.project_category.map((c) => c.code).sort();
    expect(PLAN_TEMPLATES.map((t) => t.categoryCode).sort()).toEqual(categories);
  });

  it('makes every template a plan the gates accept: one start and one completion milestone, predecessors earlier (so no cycle), names unique', () => {
    for (const template of PLAN_TEMPLATES) {
      const kinds = template.items.map((i) => i.kind);
      expect(
        kinds.filter((k) => k === 'start'),
        template.name,
      ).toHaveLength(1);
      expect(
        kinds.filter((k) => k === 'completion'),
        template.name,
      ).toHaveLength(1);
      expect(kinds.indexOf('start')).toBeLessThan(kinds.indexOf('completion'));
      template.items.forEach((item, i) => {
        for (const p of item.predecessors) expect(p, `${template.name} ${item.name}`).toBeLessThan(i);
      });
      expect(new Set(template.items.map((i) => i.name)).size, template.name).toBe(template.items.length);
    }
  });
});
