import { describe, expect, it } from 'vitest';
import { parseUscc } from '../../../common/domain/uscc';
import { DICTIONARY_SEEDS } from './dictionaries';
import { buildDemoEnterprises } from './demo-enterprises';

describe('demo enterprise register', () => {
  const rows = buildDemoEnterprises('370105', null);

  it('holds about twenty enterprises, each USCC valid and unique, only the one abroad without', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const codes = rows.flatMap((r) => (r.uscc ? [r.uscc] : []));
    for (const code of codes) expect(parseUscc(code), code).toMatchObject({ ok: true });
    expect(new Set(codes).size).toBe(codes.length);
    expect(rows.filter((r) => !r.uscc).every((r) => r.kind === 'target' && r.abroad)).toBe(true);
  });

  it('tags some of them 500强 and 专精特新 with codes of the enterprise_tag dictionary', () => {
    const known = new Set(DICTIONARY_SEEDS.enterprise_tag.map((t) => t.code));
    for (const row of rows) for (const tag of row.tags ?? []) expect(known.has(tag), tag).toBe(true);
    expect(rows.filter((r) => r.tags?.includes('fortune500')).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.tags?.includes('srdi')).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.listingStage).every((r) => r.tags?.includes('pre_listing'))).toBe(true);
  });
});
