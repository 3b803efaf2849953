import { createHash } from 'node:crypto';
import { type AreaUnit, headerAreaUnit } from '../../../common/domain/area';
import type { MappingConfidence, UnmappedReason } from '../../../common/schemas/imports';
import { cellText } from './columns/cells';
import type { Column, MoneyUnit } from './columns/types';
import type { SheetRow } from './sheet-xml';

/** How many rows from the top the header is looked for in (a title, a sub-title, a unit line, a two-row header). */
export const HEADER_SEARCH_ROWS = 10;

/** A header's text compared: full-width folded, spaces, asterisks and a trailing unit in brackets left out. */
export const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
const withoutUnit = (key: string) => key.replace(/[(（[【][^)）\]】]*[)）\]】]$/, '');

/** The unit of money a header names (总投资（亿元）, 总投资/元, 投资额(万元)), if any. */
export function headerUnit(text: string): MoneyUnit | undefined {
  const key = headerKey(text);
  if (/亿元/.test(key)) return 'yi';
  if (/万元/.test(key)) return 'wan';
  if (/[(（/]元[)）]?$/.test(key)) return 'yuan';
  return undefined;
}

// Columns of the monthly report: figures of a period, not of the project's record.
const PERIOD_FIGURE =
  /(\d+\s*[-—~～至到]\s*\d+\s*月|本月|当月|累计|完成投资|已完成|形象进度|工程进度|进展情况|存在问题|问题及|困难|下步|下一步|推进情况)/;
const SEQUENCE = /^(序号|编号|no\.?|#)$/;
// Columns Lantu's own list export writes and computes or keeps elsewhere (the warning colour; 亩均效益's class and
// per-亩 values; the project a parcel was supplied to): read back, they are left out.
const COMPUTED = /^(预警|warning|供地项目|评价类别|亩均税收\(万元\/亩\)|亩均产值\(万元\/亩\)|单位能耗产值)/;

/** Why a column of the sheet is not imported (common/schemas/imports.ts: `UNMAPPED_REASONS`). */
export type UnmappedColumn = { index: number; header: string; reason: UnmappedReason };

/** A headed column as the mapping step shows it: its field (none: not imported) and how sure the reading is of it. */
export type HeaderCell<C> = { index: number; text: string; column: C | undefined; confidence: MappingConfidence };

/** A mapping the user chose for this file, or the district's saved one for files of its shape: column → field or null. */
export type HeaderMapping = { source: 'chosen' | 'saved'; fields: Record<string, string | null> };

/** The header found, before any mapping is applied: its rows, each headed column's reading, and the file's shape. */
export type DetectedHeader<C> = { rows: number[]; cells: HeaderCell<C>[]; shape: string };

export type FoundHeader<C extends Column<string, unknown>> = {
  /** The sheet rows the header takes (one or two). */
  rows: number[];
  columns: Map<number, C>;
  /** The unit of money a column's header names. */
  units: Map<number, MoneyUnit>;
  /** The unit of area a column's header names (用地面积（平方米）). */
  areaUnits: Map<number, AreaUnit>;
  missing: C[];
  repeated: { index: number; column: C }[];
  /** Columns with a header that no field takes: listed, never dropped silently. */
  unmapped: UnmappedColumn[];
  /** Every headed column with its field and confidence, after the mapping. */
  cells: HeaderCell<C>[];
  shape: string;
};

type Match<C> = { column: C; confidence: 'header' | 'synonym' };

function lookup<C extends Column<string, unknown>>(kindColumns: readonly C[]) {
  const exact = new Map<string, Match<C>>();
  const loose = new Map<string, Match<C>>();
  const add = (text: string, match: Match<C>) => {
    const key = headerKey(text);
    if (!exact.has(key)) exact.set(key, match);
    if (!loose.has(withoutUnit(key))) loose.set(withoutUnit(key), { column: match.column, confidence: 'synonym' });
  };
  for (const column of kindColumns) for (const text of Object.values(column.header)) add(text, { column, confidence: 'header' });
  for (const column of kindColumns) for (const text of column.synonyms ?? []) add(text, { column, confidence: 'synonym' });
  // A cell may hold the Chinese header, the English one, or both on separate lines.
  return (text: string): Match<C> | undefined => {
    for (const line of text.split(/\r?\n/)) {
      const key = headerKey(line);
      if (!key) continue;
      const found = exact.get(key) ?? loose.get(withoutUnit(key));
      if (found) return found;
    }
    return undefined;
  };
}

type Reading<C> = { cells: HeaderCell<C>[]; score: number };

/** Reads one candidate header: each column's text (for two rows: the lower, else the upper, else both joined). */
function readCandidate<C extends Column<string, unknown>>(find: (text: string) => Match<C> | undefined, upper: SheetRow, lower?: SheetRow) {
  const width = Math.max(upper.cells.length, lower?.cells.length ?? 0);
  const cells: HeaderCell<C>[] = [];
  const fields = new Set<string>();
  for (let index = 1; index < width; index++) {
    const top = cellText(upper.cells[index] ?? null);
    const bottom = lower ? cellText(lower.cells[index] ?? null) : '';
    const tries = lower ? [bottom, top && bottom && top !== bottom ? `${top}${bottom}` : '', top] : [top];
    let found: Match<C> | undefined;
    for (const text of tries) {
      found = text ? find(text) : undefined;
      if (found) break;
    }
    const shown = lower && top && bottom && top !== bottom ? `${top} / ${bottom}` : bottom || top;
    if (!shown) continue;
    cells.push({ index, text: shown, column: found?.column, confidence: found?.confidence ?? 'none' });
    if (found) fields.add(found.column.key);
  }
  return { cells, score: fields.size } satisfies Reading<C>;
}

/** The shape of a header: its texts in their places, so that next month's file of the same ledger is known again. */
const shapeOf = (cells: HeaderCell<unknown>[]) =>
  createHash('sha256')
    .update(JSON.stringify(cells.map((c) => [c.index, headerKey(c.text)])))
    .digest('hex')
    .slice(0, 32);

/**
 * Finds the header among the first rows: the row (or two consecutive rows, as a merged two-row header 投资情况 /
 * 总投资 writes it) whose cells name the most of the kind's columns, by their headers or synonyms; rows above it
 * (a title, a sub-title, a unit line) are left out. A two-row reading is taken only when it names more columns than
 * its upper row alone. With no row naming any column, the first row is the header (its missing columns are told).
 */
export function detectHeader<C extends Column<string, unknown>>(rows: SheetRow[], kindColumns: readonly C[]): DetectedHeader<C> | null {
  const first = rows[0];
  if (!first) return null;
  const find = lookup(kindColumns);
  let best = { rows: [first], reading: readCandidate(find, first) };
  let bestScore = best.reading.score;
  for (const [i, row] of rows.entries()) {
    const single = readCandidate(find, row);
    if (single.score > bestScore) {
      best = { rows: [row], reading: single };
      bestScore = single.score;
    }
    const next = rows[i + 1];
    if (next && next.number === row.number + 1) {
      const double = readCandidate(find, row, next);
      if (double.score > Math.max(single.score, bestScore)) {
        best = { rows: [row, next], reading: double };
        bestScore = double.score;
      }
    }
  }
  const { cells } = best.reading;
  return { rows: best.rows.map((r) => r.number), cells, shape: shapeOf(cells) };
}

/** Why a headed column no field takes is left out: row numbers, Lantu's own computed figure, a period figure, or unknown. */
function unmappedReason(text: string): UnmappedReason {
  const key = headerKey(text);
  return SEQUENCE.test(key) ? 'sequence' : COMPUTED.test(key) ? 'computed' : PERIOD_FIGURE.test(key) ? 'period' : 'unknown';
}

/**
 * The header as it will be read: the detected fields, replaced by a mapping's where it names the column (a field,
 * or null for 不导入); then each field's column, the units its header names, required fields missing, a field taken
 * twice, and the columns left out with why.
 */
export function resolveHeader<C extends Column<string, unknown>>(
  detected: DetectedHeader<C>,
  kindColumns: readonly C[],
  mapping?: HeaderMapping | null,
): FoundHeader<C> {
  const byKey = new Map(kindColumns.map((c) => [c.key, c]));
  const source = mapping?.source ?? 'chosen';
  // Columns a person took a detected field away from (不导入): left out as `ignored`, needing no acknowledgement.
  const ignored = new Set<number>();
  const cells = detected.cells.map((cell): HeaderCell<C> => {
    const chosen = mapping?.fields[String(cell.index)];
    if (chosen === undefined) return cell;
    if (chosen === null) {
      if (!cell.column) return cell;
      ignored.add(cell.index);
      return { ...cell, column: undefined, confidence: source };
    }
    const column = byKey.get(chosen);
    // A saved field the district no longer has (a custom field deleted) falls back to what the header says; the
    // field the header already names keeps the header's confidence.
    if (!column || column === cell.column) return cell;
    return { ...cell, column, confidence: source };
  });
  const columns = new Map<number, C>();
  const units = new Map<number, MoneyUnit>();
  const areaUnits = new Map<number, AreaUnit>();
  const seen = new Set<string>();
  const repeated: FoundHeader<C>['repeated'] = [];
  const unmapped: UnmappedColumn[] = [];
  for (const { index, text, column } of cells) {
    if (!column) {
      unmapped.push({ index, header: text, reason: ignored.has(index) ? 'ignored' : unmappedReason(text) });
      continue;
    }
    if (seen.has(column.key)) repeated.push({ index, column });
    else columns.set(index, column);
    seen.add(column.key);
    const unit = headerUnit(text);
    if (unit) units.set(index, unit);
    const areaUnit = headerAreaUnit(text);
    if (areaUnit) areaUnits.set(index, areaUnit);
  }
  const missing = kindColumns.filter((c) => c.required && !seen.has(c.key));
  return { rows: detected.rows, columns, units, areaUnits, missing, repeated, unmapped, cells, shape: detected.shape };
}
