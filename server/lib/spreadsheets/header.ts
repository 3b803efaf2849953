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
// Columns Lantu's own list export writes and computes (the warning colour): read back, they are left out.
const COMPUTED = /^(预警|warning)/;

/**
 * Why a column of the sheet is not imported: a period figure (the monthly report's), row numbers, a figure Lantu
 * computes (its own export's warning colour), or unknown.
 */
export type UnmappedReason = 'period' | 'sequence' | 'computed' | 'unknown';
export type UnmappedColumn = { index: number; header: string; reason: UnmappedReason };

export type FoundHeader<C extends Column<string, unknown>> = {
  /** The sheet rows the header takes (one or two). */
  rows: number[];
  columns: Map<number, C>;
  /** The unit of money a column's header names. */
  units: Map<number, MoneyUnit>;
  missing: C[];
  repeated: { index: number; column: C }[];
  /** Columns with a header that no field takes: listed, never dropped silently. */
  unmapped: UnmappedColumn[];
};

function lookup<C extends Column<string, unknown>>(kindColumns: readonly C[]) {
  const exact = new Map<string, C>();
  const loose = new Map<string, C>();
  for (const column of kindColumns) {
    for (const text of [...Object.values(column.header), ...(column.synonyms ?? [])]) {
      const key = headerKey(text);
      if (!exact.has(key)) exact.set(key, column);
      if (!loose.has(withoutUnit(key))) loose.set(withoutUnit(key), column);
    }
  }
  // A cell may hold the Chinese header, the English one, or both on separate lines.
  return (text: string): C | undefined => {
    for (const line of text.split(/\r?\n/)) {
      const key = headerKey(line);
      if (!key) continue;
      const found = exact.get(key) ?? loose.get(withoutUnit(key));
      if (found) return found;
    }
    return undefined;
  };
}

type Reading<C> = { texts: Map<number, string>; columns: Map<number, C>; score: number };

/** Reads one candidate header: each column's text (for two rows: the lower, else the upper, else both joined). */
function readCandidate<C extends Column<string, unknown>>(find: (text: string) => C | undefined, upper: SheetRow, lower?: SheetRow) {
  const width = Math.max(upper.cells.length, lower?.cells.length ?? 0);
  const texts = new Map<number, string>();
  const columns = new Map<number, C>();
  const fields = new Set<string>();
  for (let index = 1; index < width; index++) {
    const top = cellText(upper.cells[index] ?? null);
    const bottom = lower ? cellText(lower.cells[index] ?? null) : '';
    const tries = lower ? [bottom, top && bottom && top !== bottom ? `${top}${bottom}` : '', top] : [top];
    let found: C | undefined;
    for (const text of tries) {
      found = text ? find(text) : undefined;
      if (found) break;
    }
    const shown = lower && top && bottom && top !== bottom ? `${top} / ${bottom}` : bottom || top;
    if (shown) texts.set(index, shown);
    if (found) {
      columns.set(index, found);
      fields.add(found.key);
    }
  }
  return { texts, columns, score: fields.size } satisfies Reading<C>;
}

/**
 * Finds the header among the first rows: the row (or two consecutive rows, as a merged two-row header 投资情况 /
 * 总投资 writes it) whose cells name the most of the kind's columns, by their headers or synonyms; rows above it
 * (a title, a sub-title, a unit line) are left out. A two-row reading is taken only when it names more columns than
 * its upper row alone. With no row naming any column, the first row is the header (its missing columns are told).
 */
export function findHeader<C extends Column<string, unknown>>(rows: SheetRow[], kindColumns: readonly C[]): FoundHeader<C> | null {
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
  const { texts, columns: found } = best.reading;
  const columns = new Map<number, C>();
  const units = new Map<number, MoneyUnit>();
  const seen = new Set<string>();
  const repeated: FoundHeader<C>['repeated'] = [];
  const unmapped: UnmappedColumn[] = [];
  for (const [index, text] of texts) {
    const column = found.get(index);
    if (!column) {
      const key = headerKey(text);
      unmapped.push({
        index,
        header: text,
        reason: SEQUENCE.test(key) ? 'sequence' : COMPUTED.test(key) ? 'computed' : PERIOD_FIGURE.test(key) ? 'period' : 'unknown',
      });
      continue;
    }
    if (seen.has(column.key)) repeated.push({ index, column });
    else columns.set(index, column);
    seen.add(column.key);
    const unit = headerUnit(text);
    if (unit) units.set(index, unit);
  }
  const missing = kindColumns.filter((c) => c.required && !seen.has(c.key));
  return { rows: best.rows.map((r) => r.number), columns, units, missing, repeated, unmapped };
}
