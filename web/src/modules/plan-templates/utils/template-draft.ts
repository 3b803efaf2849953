import type { PlanTemplate, PlanTemplateBody, TemplateItem } from '../api/plan-templates-api';

/**
 * What a template milestone is bound to, as the binding picker offers it: nothing; an approval item type (reached when
 * the project's approval item of that type is approved, on its date); the project's planned start or completion (the
 * 开工 and 竣工 milestones, whose planned dates are the project's).
 */
export type Binding = { kind: 'none' } | { kind: 'approval'; code: string } | { kind: 'start' } | { kind: 'completion' };

/** A milestone being edited, with a key that survives reordering. */
export type DraftItem = TemplateItem & { key: string };

export const bindingOf = (item: Pick<TemplateItem, 'kind' | 'approvalTypeCode'>): Binding =>
  item.kind !== 'other'
    ? { kind: item.kind }
    : item.approvalTypeCode
      ? { kind: 'approval', code: item.approvalTypeCode }
      : { kind: 'none' };

/** The picker's value for a binding (`approval:construct_permit`, `start`, …) and back. */
export const bindingValue = (binding: Binding): string => (binding.kind === 'approval' ? `approval:${binding.code}` : binding.kind);
export function parseBinding(value: string): Binding {
  if (value.startsWith('approval:')) return { kind: 'approval', code: value.slice('approval:'.length) };
  return value === 'start' || value === 'completion' ? { kind: value } : { kind: 'none' };
}

/** The milestone bound as chosen: 开工/竣工 take the project's dates and no approval item; others are plain milestones. */
export function withBinding<T extends TemplateItem>(item: T, binding: Binding): T {
  if (binding.kind === 'start' || binding.kind === 'completion') return { ...item, kind: binding.kind, approvalTypeCode: null };
  return { ...item, kind: 'other', approvalTypeCode: binding.kind === 'approval' ? binding.code : null };
}

let nextKey = 0;
const keyed = (item: TemplateItem): DraftItem => ({ ...item, key: `m${++nextKey}` });

export const toDraft = (template: PlanTemplate): DraftItem[] => template.items.map(keyed);

export const toBody = (items: DraftItem[], version: number): PlanTemplateBody => ({
  items: items.map(({ key: _key, ...item }) => ({
    name: item.name.trim(),
    kind: item.kind,
    durationDays: item.durationDays,
    predecessors: item.predecessors,
    approvalTypeCode: item.kind === 'other' ? (item.approvalTypeCode ?? null) : null,
  })),
  version,
});

/** A new milestone at the end, after the last one. */
export function appendItem(items: DraftItem[], name: string): DraftItem[] {
  const predecessors = items.length > 0 ? [items.length - 1] : [];
  return [...items, keyed({ name, kind: 'other', durationDays: 30, predecessors, approvalTypeCode: null })];
}

/** Removes a milestone; those after it that followed it follow its predecessors instead. */
export function removeItem(items: DraftItem[], index: number): DraftItem[] {
  const removed = items[index];
  if (!removed) return items;
  const shift = (p: number) => (p > index ? p - 1 : p);
  return items.flatMap((item, i) => {
    if (i === index) return [];
    const inherited = item.predecessors.includes(index) ? removed.predecessors : [];
    const predecessors = [...new Set([...item.predecessors.filter((p) => p !== index), ...inherited])].map(shift).sort((a, b) => a - b);
    return [{ ...item, predecessors }];
  });
}

/**
 * Moves the milestone at `index` one place up (it and the one before swap places). When it followed that one, the
 * order of the two turns round: it takes that one's predecessors, that one follows it and takes its followers, so a
 * chain stays a chain (A → B → C, B moved up: B → A → C).
 */
export function moveUp(items: DraftItem[], index: number): DraftItem[] {
  const above = items[index - 1];
  const moved = items[index];
  if (!above || !moved) return items;
  const swap = (p: number) => (p === index ? index - 1 : p === index - 1 ? index : p);
  const followed = moved.predecessors.includes(index - 1);
  const movedPredecessors = followed
    ? [...new Set([...moved.predecessors.filter((p) => p !== index - 1), ...above.predecessors])]
    : moved.predecessors;
  const abovePredecessors = followed ? [...above.predecessors, index] : above.predecessors;
  const next = items.map((item, i) => {
    if (i === index - 1) return { ...moved, predecessors: movedPredecessors.map(swap) };
    if (i === index) return { ...above, predecessors: abovePredecessors.map(swap) };
    // Those that followed the moved one follow the one now after it, last of the turned-round pair.
    const after = followed ? item.predecessors.map((p) => (p === index ? index - 1 : p)) : item.predecessors;
    return { ...item, predecessors: [...new Set(after.map(swap))] };
  });
  return next.map((item) => ({ ...item, predecessors: [...item.predecessors].sort((a, b) => a - b) }));
}

/** The field errors of a refused save, by milestone index and field (`items.2.approvalTypeCode` → 2 / binding). */
export function fieldErrors(details: { path: string; message: string }[]): Map<string, string> {
  const errors = new Map<string, string>();
  for (const { path, message } of details) {
    const match = /^items\.(\d+)\.(\w+)/.exec(path);
    if (!match) continue;
    // The picker shows the binding, which the server keeps as kind and approval type.
    const field = match[2] === 'kind' || match[2] === 'approvalTypeCode' ? 'binding' : (match[2] ?? '');
    const key = `${match[1]}.${field}`;
    errors.set(key, errors.has(key) ? `${errors.get(key)}；${message}` : message);
  }
  return errors;
}
