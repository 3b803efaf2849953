// Custom fields (自定义字段): extra project fields an administrator defines per district and project category.
// This file is the one place that knows how a custom value is checked, normalised, written to and read from a
// spreadsheet cell. Server (project create/update/list filter, import, export) and web use it; keep these names
// stable:
//
//   fieldsForCategory(defs, categoryCode)              the definitions that apply to a project of the category,
//                                                      in display order (category-less fields apply to every one)
//   validateCustomValues(defs, categoryCode, values)   → { values } (normalised, empties dropped)
//                                                      | { problems: [{ key, code, params }] }
//   formatCustomValue(def, value)                      stored value → cell / list text ('' when empty)
//   parseCustomValue(def, cell)                        cell (text, number, Date) → { value } | { problem }
//
// Import: parse each column's cell with parseCustomValue, gather { key: value } for the row, then run
// validateCustomValues on it (required fields, fields of another category). Export: one column per definition,
// headed with its label, filled with formatCustomValue (a number field's stored value may be written as a number).

/** The kinds of value a custom field holds. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A field's key: what the values are stored under and what the API and the list filter call it. */
export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,31}$/;
/** The longest text value, in UTF-16 code units (as the API's string limits count). */
export const CUSTOM_TEXT_MAX = 2000;
/** Numbers beyond this lose whole-number precision in JSON; nothing a project records comes near it. */
export const CUSTOM_NUMBER_MAX = 1_000_000_000_000_000;
/** The calendar dates every date of the platform lies between. */
export const CUSTOM_DATE_MIN = '1900-01-01';
export const CUSTOM_DATE_MAX = '2199-12-31';

/** What the rules need to know of a definition (a `custom_field_defs` row has all of it). */
export type CustomFieldDef = {
  key: string;
  label: string;
  labelEn: string;
  type: CustomFieldType;
  /** The allowed values of a choice field, in display order; empty for the other types. */
  options: readonly string[];
  required: boolean;
  /** The project category the field belongs to; null for every category. */
  categoryCode: string | null;
  sortOrder: number;
};

/** A stored value: text, choice and date (YYYY-MM-DD) fields hold strings, number fields numbers. */
export type CustomValue = string | number;
export type CustomValues = Record<string, CustomValue>;

export type CustomValueProblemCode =
  | 'unknown_field'
  | 'required'
  | 'not_text'
  | 'too_long'
  | 'not_number'
  | 'out_of_range'
  | 'not_date'
  | 'not_in_options';

/** What is wrong with one field's value; `params` fill the message (`max`, `min`, `options`). */
export type CustomValueProblem = { key: string; code: CustomValueProblemCode; params: Record<string, string | number> };

const byDisplayOrder = (a: CustomFieldDef, b: CustomFieldDef) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key);

/** The fields a project of the category shows, in display order: its category's and those of every category. */
export function fieldsForCategory<T extends CustomFieldDef>(defs: readonly T[], categoryCode: string | null): T[] {
  return defs.filter((d) => d.categoryCode === null || d.categoryCode === categoryCode).sort(byDisplayOrder);
}

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Checks one present value against its definition and answers it in stored form, or the problem. */
function checkValue(def: CustomFieldDef, value: unknown): { value: CustomValue } | { problem: CustomValueProblem } {
  const problem = (code: CustomValueProblemCode, params: Record<string, string | number> = {}) => ({
    problem: { key: def.key, code, params },
  });
  switch (def.type) {
    case 'text': {
      if (typeof value !== 'string') return problem('not_text');
      const text = value.trim();
      return text.length > CUSTOM_TEXT_MAX ? problem('too_long', { max: CUSTOM_TEXT_MAX }) : { value: text };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem('not_number');
      if (Math.abs(value) > CUSTOM_NUMBER_MAX) return problem('out_of_range', { min: -CUSTOM_NUMBER_MAX, max: CUSTOM_NUMBER_MAX });
      // -0 and 0 are the same number to a person; store one of them.
      return { value: value === 0 ? 0 : value };
    }
    case 'date': {
      if (typeof value !== 'string' || !isCalendarDate(value.trim())) return problem('not_date');
      const date = value.trim();
      if (date < CUSTOM_DATE_MIN || date > CUSTOM_DATE_MAX) return problem('out_of_range', { min: CUSTOM_DATE_MIN, max: CUSTOM_DATE_MAX });
      return { value: date };
    }
    case 'choice': {
      const choice = typeof value === 'string' ? value.trim() : value;
      if (typeof choice !== 'string' || !def.options.includes(choice))
        return problem('not_in_options', { options: def.options.join('、') });
      return { value: choice };
    }
  }
}

/**
 * Checks a project's custom values against the definitions of its district for its category and answers them in
 * stored form (trimmed, empties and nulls dropped), or every problem at once: values of the wrong kind, a choice
 * not among the options, a number out of range, a date that is not a calendar date, a required field left empty,
 * and keys that are no field of the category (including those of another category).
 */
export function validateCustomValues(
  defs: readonly CustomFieldDef[],
  categoryCode: string | null,
  values: Readonly<Record<string, unknown>>,
): { values: CustomValues } | { problems: CustomValueProblem[] } {
  const fields = fieldsForCategory(defs, categoryCode);
  const known = new Set(fields.map((f) => f.key));
  const stored: CustomValues = {};
  const problems: CustomValueProblem[] = [];
  for (const def of fields) {
    const value = Object.hasOwn(values, def.key) ? values[def.key] : undefined;
    if (isEmpty(value)) {
      if (def.required) problems.push({ key: def.key, code: 'required', params: {} });
      continue;
    }
    const checked = checkValue(def, value);
    if ('problem' in checked) problems.push(checked.problem);
    else stored[def.key] = checked.value;
  }
  for (const key of Object.keys(values).sort()) {
    // A null for a key that is no field is a harmless "clear it": nothing is stored either way.
    if (!known.has(key) && !isEmpty(values[key])) problems.push({ key, code: 'unknown_field', params: {} });
  }
  return problems.length ? { problems } : { values: stored };
}

/** The label of a definition in the reader's language. */
export const customFieldLabel = (def: Pick<CustomFieldDef, 'label' | 'labelEn'>, locale: string) =>
  locale.startsWith('en') ? def.labelEn : def.label;

/** Writes a number without exponent or float noise (0.1 + 0.2 shows as 0.3), as a person would type it. */
function numberText(value: number): string {
  const rounded = Number(value.toPrecision(15));
  if (Math.abs(rounded) >= 1e21 || (rounded !== 0 && Math.abs(rounded) < 1e-6)) return String(rounded);
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** A stored value as a spreadsheet cell or a list shows it; '' when the project has none. */
export function formatCustomValue(def: CustomFieldDef, value: CustomValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (def.type === 'number' && typeof value === 'number') return numberText(value);
  return String(value);
}

/** What a spreadsheet reader hands over for a cell. */
export type CellInput = string | number | boolean | Date | null | undefined;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const toHalfWidth = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** True for a real calendar date written YYYY-MM-DD. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in for every date after February 1900).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
// 2199-12-31, the last date the platform holds.
const EXCEL_SERIAL_MAX = 109_574;

/** An Excel serial day number (a date cell read without its format) as YYYY-MM-DD; null when not a whole day in 1900–2199. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > EXCEL_SERIAL_MAX) return null;
  return new Date(EXCEL_EPOCH_MS + serial * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The dates people type in a sheet: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 (full-width digits too). */
function readDateText(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(text));
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = ymd(y, m, d);
  return isCalendarDate(date) ? date : null;
}

/** Numbers as sheets hold them as text: thousands separators, full-width digits, surrounding spaces. */
function readNumberText(text: string): number | null {
  const plain = toHalfWidth(text).replace(/[,，\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/**
 * Reads a spreadsheet cell into the stored form of a value of the field, or the problem: an empty cell is null
 * (validateCustomValues then decides whether the field was required); a date cell may be a Date (read as its UTC
 * calendar date, as ExcelJS gives it), an Excel serial day number or text.
 */
export function parseCustomValue(def: CustomFieldDef, cell: CellInput): { value: CustomValue | null } | { problem: CustomValueProblem } {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { value: null };
  const problem = (code: CustomValueProblemCode) => ({ problem: { key: def.key, code, params: {} } });
  let candidate: unknown = cell;
  switch (def.type) {
    case 'text':
      candidate = cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'number' ? numberText(cell) : String(cell);
      break;
    case 'number':
      if (typeof cell === 'string') candidate = readNumberText(cell);
      if (candidate === null || typeof candidate !== 'number') return problem('not_number');
      break;
    case 'date':
      if (cell instanceof Date) candidate = Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
      else if (typeof cell === 'number') candidate = excelSerialDate(cell);
      else if (typeof cell === 'string') candidate = readDateText(cell.trim());
      if (typeof candidate !== 'string') return problem('not_date');
      break;
    case 'choice':
      candidate = typeof cell === 'number' ? numberText(cell) : String(cell);
      break;
  }
  const checked = checkValue(def, candidate);
  return 'problem' in checked ? checked : { value: checked.value };
}
