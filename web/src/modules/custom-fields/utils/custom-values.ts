import type { CustomValue } from '../../../../../common/domain/custom-fields';

type FormCustomValues = Record<string, CustomValue | null | undefined> | undefined;

/**
 * The `customValues` of a project request from the form's custom section. The API merges them over the stored values,
 * so every stored key the form no longer shows (another category's fields, after a category change) is sent as null
 * to clear it; an emptied input is null too.
 */
export function customValuesForRequest(
  form: FormCustomValues,
  stored: Record<string, CustomValue> = {},
): Record<string, CustomValue | null> {
  const body: Record<string, CustomValue | null> = Object.fromEntries(Object.keys(stored).map((key) => [key, null]));
  for (const [key, value] of Object.entries(form ?? {})) {
    body[key] = value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
  }
  return body;
}

/** The list's custom filter as the `custom` query parameter (a JSON object), or undefined when it has no condition. */
export function customFilterParam(filter: Record<string, CustomValue> | undefined): string | undefined {
  return filter && Object.keys(filter).length > 0 ? JSON.stringify(filter) : undefined;
}

/** Reads the `custom` address parameter back, ignoring anything that is not an object of texts and numbers. */
export function readCustomFilter(text: string | null): Record<string, CustomValue> | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed).filter(
      (entry): entry is [string, CustomValue] => typeof entry[1] === 'string' || typeof entry[1] === 'number',
    );
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  } catch {
    return undefined;
  }
}
