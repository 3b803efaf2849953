import { describe, expect, it } from 'vitest';
import { fieldOf } from './form-errors';

describe('fieldOf: the form field an error detail names', () => {
  const values = {
    name: '完成投资',
    customValues: { phase: 'a' },
    scopeUnitIds: ['u1', 'u2'],
    items: [
      { unitId: 'u1', targetValue: '80' },
      { unitId: 'u2', targetValue: '30' },
    ],
  };

  it('names a top-level field, a nested one, and a list of plain values as a whole', () => {
    expect(fieldOf(values, 'name')).toEqual(['name']);
    expect(fieldOf(values, 'customValues.phase')).toEqual(['customValues', 'phase']);
    expect(fieldOf(values, 'scopeUnitIds.1')).toEqual(['scopeUnitIds']);
  });

  it("names a row's own field in a list of rows, so the message stands under the box that was typed", () => {
    expect(fieldOf(values, 'items.1.targetValue')).toEqual(['items', 1, 'targetValue']);
    expect(fieldOf(values, 'items.0.unitId')).toEqual(['items', 0, 'unitId']);
  });

  it('falls back to the list for a rule on the whole list or a row the form does not hold', () => {
    expect(fieldOf(values, 'items')).toEqual(['items']);
    expect(fieldOf(values, 'items.5.targetValue')).toEqual(['items']);
    expect(fieldOf(values, 'missing.0.x')).toBeNull();
  });
});
