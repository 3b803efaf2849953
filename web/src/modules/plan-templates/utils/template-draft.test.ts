import { describe, expect, it } from 'vitest';
import type { DraftItem } from './template-draft';
import { bindingOf, bindingValue, fieldErrors, moveUp, parseBinding, removeItem, toBody, withBinding } from './template-draft';

const item = (name: string, predecessors: number[], extra: Partial<DraftItem> = {}): DraftItem => ({
  key: name,
  name,
  kind: 'other',
  durationDays: 10,
  predecessors,
  approvalTypeCode: null,
  ...extra,
});

describe('a template milestone’s binding', () => {
  it('is none, an approval item type, or the project’s planned start or completion — one at a time', () => {
    const permit = item('施工许可', [], { approvalTypeCode: 'construct_permit' });
    expect(bindingOf(permit)).toEqual({ kind: 'approval', code: 'construct_permit' });
    expect(bindingOf(item('开工', [], { kind: 'start' }))).toEqual({ kind: 'start' });
    expect(bindingOf(item('签约', []))).toEqual({ kind: 'none' });
    expect(parseBinding(bindingValue({ kind: 'approval', code: 'eia' }))).toEqual({ kind: 'approval', code: 'eia' });
    expect(withBinding(permit, { kind: 'completion' })).toMatchObject({ kind: 'completion', approvalTypeCode: null });
    expect(withBinding(item('开工', [], { kind: 'start' }), { kind: 'approval', code: 'filing' })).toMatchObject({
      kind: 'other',
      approvalTypeCode: 'filing',
    });
    expect(toBody([permit], 3)).toEqual({
      items: [{ name: '施工许可', kind: 'other', durationDays: 10, predecessors: [], approvalTypeCode: 'construct_permit' }],
      version: 3,
    });
  });
});

describe('reordering and removing milestones', () => {
  const chain = [item('A', []), item('B', [0]), item('C', [1])];

  it('turns a chain round when a milestone moves above the one it followed', () => {
    const moved = moveUp(chain, 1);
    expect(moved.map((m) => [m.name, m.predecessors])).toEqual([
      ['B', []],
      ['A', [0]],
      ['C', [1]],
    ]);
  });

  it('keeps a chain when a milestone is removed: its followers follow its predecessors', () => {
    expect(removeItem(chain, 1).map((m) => [m.name, m.predecessors])).toEqual([
      ['A', []],
      ['C', [0]],
    ]);
  });

  it('puts the server’s refusals under the milestone and field they name (kind and type under the binding)', () => {
    const errors = fieldErrors([
      { path: 'items.2.approvalTypeCode', message: '重复' },
      { path: 'items.4.predecessors', message: '前置' },
      { path: 'items.2.kind', message: '第二个开工' },
    ]);
    expect(errors.get('2.binding')).toBe('重复；第二个开工');
    expect(errors.get('4.predecessors')).toBe('前置');
  });
});
