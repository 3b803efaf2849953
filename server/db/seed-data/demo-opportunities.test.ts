import { expect, it } from 'vitest';
import { isPubliclyVisible } from '../../../common/domain/opportunities';
import { buildDemoOpportunities } from './demo-opportunities';

it('gives the demo a published list of ten current items, a draft, one in review and an expired one', () => {
  const today = '2026-12-06';
  const rows = buildDemoOpportunities('370105', today, { editor: null, reviewer: null });
  const visible = rows.filter((r) => isPubliclyVisible({ status: r.status ?? 'draft', validTo: r.validTo ?? null }, today));
  expect(visible).toHaveLength(10);
  expect(new Set(visible.map((r) => r.kind))).toEqual(new Set(['scenario', 'land', 'building', 'cooperation', 'policy']));
  expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
  expect(rows.filter((r) => r.status === 'in_review')).toHaveLength(1);
  expect(rows.filter((r) => r.status === 'published' && r.validTo && r.validTo < today)).toHaveLength(1);
  for (const row of rows) if (row.validTo) expect(row.validTo >= row.validFrom).toBe(true);
});
