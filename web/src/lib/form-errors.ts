import type { FormInstance } from 'antd';
import type { ErrorDetail } from './api-client';
import { isApiError } from './api-client';

/**
 * Puts each `{ path, message }` of a 400 answer under the form field it names (`scopeUnitIds.0` → `scopeUnitIds`),
 * and returns the details that match no field so the caller can show them another way.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): ErrorDetail[] {
  if (!isApiError(error) || error.details.length === 0) return [];
  const fieldNames = new Set(Object.keys(form.getFieldsValue() ?? {}));
  const byField = new Map<string, string[]>();
  const unmatched: ErrorDetail[] = [];
  for (const detail of error.details) {
    const field = detail.path.split('.')[0] ?? '';
    if (!fieldNames.has(field)) {
      unmatched.push(detail);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(first.value);
  return unmatched;
}
