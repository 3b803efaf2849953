import type { FormInstance } from 'antd';
import type { ErrorDetail } from './api-client';
import { isApiError } from './api-client';

/**
 * The form field a detail's path names: a nested field (`customValues.phase` → ['customValues', 'phase']), a row's
 * field in a list of rows (`items.2.targetValue` → ['items', 2, 'targetValue']) when the form has one, else the
 * top-level field (`scopeUnitIds.0` → ['scopeUnitIds']); null when the form has neither.
 */
export function fieldOf(values: Record<string, unknown>, path: string): (string | number)[] | null {
  const [top = '', nested, leaf] = path.split('.');
  if (!Object.hasOwn(values, top)) return null;
  const group = values[top];
  if (Array.isArray(group) && nested !== undefined && /^\d+$/.test(nested) && leaf !== undefined) {
    const row: unknown = group[Number(nested)];
    if (typeof row === 'object' && row !== null && Object.hasOwn(row, leaf)) return [top, Number(nested), leaf];
    return [top];
  }
  const isGroup = typeof group === 'object' && group !== null && !Array.isArray(group);
  return isGroup && nested !== undefined && Object.hasOwn(group, nested) ? [top, nested] : [top];
}

/**
 * Puts each `{ path, message }` of an error answer under the form field it names, and returns the details that
 * match no field so the caller can show them another way.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): ErrorDetail[] {
  if (!isApiError(error) || error.details.length === 0) return [];
  const values: Record<string, unknown> = form.getFieldsValue() ?? {};
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: ErrorDetail[] = [];
  for (const detail of error.details) {
    const name = fieldOf(values, detail.path);
    if (!name) {
      unmatched.push(detail);
      continue;
    }
    const entry = byField.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(name.join('.'), entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next();
  if (!first.done) form.scrollToField(first.value.name);
  return unmatched;
}
