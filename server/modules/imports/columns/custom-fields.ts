import type { CellValue } from 'exceljs';
import {
  type CellInput,
  type CustomFieldDef,
  type CustomValue,
  customFieldLabel,
  formatCustomValue,
  parseCustomValue,
} from '../../../../common/domain/custom-fields';
import type { Locale } from '../../../../common/locale';
import type { Executor } from '../../../db/client';
import { districtCustomFields } from '../../custom-fields';
import { headerKey } from '../../../lib/spreadsheets/sheet-reader';
import { safeCellText } from '../../../lib/spreadsheets/safe-text';
import { cellText, plain, writeDate } from '../../../lib/spreadsheets/columns/cells';
import { DATE_FORMAT } from '../../../lib/spreadsheets/columns/define';
import { projectSheetOwnColumns } from './pool-column';
import type { Column } from '../../../lib/spreadsheets/columns/types';

/** The column of a custom field is keyed by the field's path in a project: `customValues.<key>`. */
export type CustomColumnKey = `customValues.${string}`;
export type CustomColumn = Column<CustomColumnKey, CustomValue | null>;

export const CUSTOM_COLUMN_PREFIX = 'customValues.';

/** What `parseCustomValue` takes of a cell: numbers, dates and booleans as they are, anything else as its text. */
function cellInput(cell: CellValue): CellInput {
  const value = plain(cell);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return cellText(value);
}

/**
 * One column per custom field of the district, headed with its labels: a cell is read with `parseCustomValue`
 * (an empty cell clears the value; whether the field may be empty is judged with the whole project) and written
 * as the value itself (numbers as numbers, dates as dates). `locale` names the field in a problem's message.
 */
export function customFieldColumn(def: CustomFieldDef, locale: Locale): CustomColumn {
  return {
    key: `${CUSTOM_COLUMN_PREFIX}${def.key}`,
    header: { 'zh-CN': def.label, 'en-US': def.labelEn },
    width: def.type === 'text' ? 24 : 14,
    required: false,
    ...(def.type === 'choice' ? { options: def.options } : {}),
    ...(def.type === 'date' ? { numFmt: DATE_FORMAT } : {}),
    parse(cell) {
      const parsed = parseCustomValue(def, cellInput(cell));
      if ('value' in parsed) return { ok: true, value: parsed.value };
      const { code, params } = parsed.problem;
      return {
        ok: false,
        problem: { code: `customValue.${code}`, params: { ...params, key: def.key, label: customFieldLabel(def, locale) } },
      };
    },
    format(value) {
      if (value === null || value === undefined) return null;
      if (def.type === 'number' && typeof value === 'number') return value;
      if (def.type === 'date' && typeof value === 'string') return writeDate(value);
      return safeCellText(formatCustomValue(def, value));
    },
  };
}

/**
 * The sheet's columns followed by one per custom field, in the order given (the district's display order). A field whose label is already a header
 * of the sheet (or of an earlier field) gets no column: the header could not say which one a cell belongs to.
 */
export function withCustomFieldColumns<C extends Column<string, unknown>>(
  columns: readonly C[],
  defs: readonly CustomFieldDef[],
  locale: Locale,
): (C | CustomColumn)[] {
  const taken = new Set(columns.flatMap((c) => Object.values(c.header).map(headerKey)));
  const added: CustomColumn[] = [];
  for (const def of defs) {
    const headers = [def.label, def.labelEn].map(headerKey);
    if (headers.some((h) => taken.has(h))) continue;
    for (const h of headers) taken.add(h);
    added.push(customFieldColumn(def, locale));
  }
  return [...columns, ...added];
}

/** The projects sheet of a district, as the template, the import and the list export lay it out. */
export async function projectSheetColumns(db: Executor, districtCode: string, locale: Locale) {
  return withCustomFieldColumns(projectSheetOwnColumns, await districtCustomFields(db, districtCode), locale);
}

/** A project's value of a column of the projects sheet: a field, or one of its custom values. */
export function projectValueOf(column: { key: string }, project: { customValues: unknown }): unknown {
  if (!column.key.startsWith(CUSTOM_COLUMN_PREFIX)) return (project as Record<string, unknown>)[column.key];
  return (project.customValues as Record<string, unknown> | null)?.[column.key.slice(CUSTOM_COLUMN_PREFIX.length)] ?? null;
}
