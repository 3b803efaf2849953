import type { CellValue } from 'exceljs';
import type { AreaUnit } from '../../../../common/domain/area';
import type { Locale } from '../../../../common/locale';
import type { MessageKey } from '../../messages';

/** The lists a column's values come from: the region's dictionaries, its streets, units and people, and fixed enums. */
export const LIST_KINDS = [
  'project_category',
  'industry',
  'leading_industry',
  'street',
  'cluster',
  'park',
  'industry_chain',
  'unit',
  'leader',
  'funding_source',
  'approval_item_type',
  'nature',
  'approval_type',
  'approval_status',
  'feasibility_status',
  'chain_segment',
  'yes_no',
  'pool',
  'enterprise_tag',
  'enterprise_kind',
  'listing_stage',
  'lead_method',
  'lead_stage',
  'carrier_use',
  'parcel_status',
  'problem_category',
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** What is wrong with one cell: a message key and its parameters, translated when read in the reader's language. */
export type CellProblem = { code: MessageKey; params?: Record<string, string | number> };

/** A cell read: its value (undefined = leave the field as it is) or the problem that stops it being read. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; problem: CellProblem };

/** Names and codes of every list, loaded once per workbook for the district. */
export type Lookups = {
  /** The code (id) a cell's text names: the Chinese or English name, or the code itself; ambiguous names are refused. */
  find(kind: ListKind, text: string): { code: string } | { problem: CellProblem };
  /** The Chinese name of a code, for writing cells; the code itself when the list does not know it. */
  name(kind: ListKind, code: string): string;
  /** Every name of a list, in the list's order, for drop-downs. */
  names(kind: ListKind): string[];
};

/** The unit of money a sheet's column is headed with (总投资（亿元）); 万元 when the header names none. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** What the header says about a column's cells: the unit of money, or of area (用地面积（平方米）). */
export type CellContext = { unit?: MoneyUnit; areaUnit?: AreaUnit };

/** One column of a spreadsheet: its header, width, the list it draws from, and how a cell is read and written. */
export type Column<Key extends string, Value> = {
  key: Key;
  header: Record<Locale, string>;
  /** Width in characters. */
  width: number;
  required: boolean;
  list?: ListKind;
  /** The values a drop-down offers when they are the column's own (a custom choice field's options), not a list's. */
  options?: readonly string[];
  /** Excel number format of the column's cells (万元 with two decimals, dates). */
  numFmt?: string;
  /** Other headers offices give the column (建设单位, 项目业主 …), read as this column; both languages. */
  synonyms?: readonly string[];
  /** What the cells hold, when the reader may interpret them: money or an area (with a unit), a date (a month alone). */
  reads?: 'money' | 'date' | 'area';
  /** The unit an area column keeps its values in (亩 for land, 平方米 for floor space). */
  areaUnit?: AreaUnit;
  parse(cell: CellValue, lookups: Lookups, context?: CellContext): Parsed<Value>;
  format(value: Value, lookups: Lookups): CellValue;
};
