import type { CellValue } from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../../common/schemas/imports';
import { AppError } from '../errors';
import { cellText } from './columns/cells';
import type { Column } from './columns/types';
import { WorkbookReader } from './workbook-reader';

/** One row of the data sheet: its spreadsheet row number and its cells by column number (1 = A). */
export type SheetRow = { number: number; cells: CellValue[] };

const isBlank = (cells: CellValue[]) => cells.every((cell) => cellText(cell) === '');

/**
 * Streams the rows of the workbook's first sheet (the data sheet of the template), so a file of 100,000 rows is
 * never held whole in memory. Blank rows are skipped.
 */
export async function* sheetRows(file: string): AsyncGenerator<SheetRow> {
  const reader = new WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const cells = Array.isArray(row.values) ? (row.values as CellValue[]) : [];
      if (!isBlank(cells)) yield { number: row.number, cells };
    }
    return;
  }
}

/**
 * Counts the data rows (below the header) without reading their cells' meaning, refusing a file over the limit as
 * soon as the limit is passed, before any row is validated.
 */
export async function countDataRows(file: string): Promise<number> {
  let rows = -1;
  for await (const _row of sheetRows(file)) {
    rows += 1;
    if (rows > MAX_IMPORT_ROWS)
      throw new AppError(413, 'too_many_rows', 'import.too_many_rows', { limit: MAX_IMPORT_ROWS.toLocaleString('en-US') });
  }
  return Math.max(rows, 0);
}

export const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();

/** Which sheet column holds which of the kind's columns, read from the header row (Chinese or English headers). */
export type HeaderMap<C extends Column<string, unknown>> = {
  columns: Map<number, C>;
  /** Required columns the header lacks, and columns named twice. */
  missing: C[];
  repeated: { index: number; column: C }[];
};

/** Reads the header row: each cell may hold the Chinese header, the English one, or both on separate lines. */
export function mapHeader<C extends Column<string, unknown>>(header: CellValue[], kindColumns: readonly C[]): HeaderMap<C> {
  const byText = new Map<string, C>();
  for (const column of kindColumns) for (const text of Object.values(column.header)) byText.set(headerKey(text), column);
  const columns = new Map<number, C>();
  const seen = new Set<string>();
  const repeated: HeaderMap<C>['repeated'] = [];
  header.forEach((cell, index) => {
    const lines = cellText(cell).split(/\r?\n/);
    const column = lines.map((line) => byText.get(headerKey(line))).find(Boolean);
    if (!column) return;
    if (seen.has(column.key)) repeated.push({ index, column });
    else columns.set(index, column);
    seen.add(column.key);
  });
  const missing = kindColumns.filter((c) => c.required && !seen.has(c.key));
  return { columns, missing, repeated };
}

/** The spreadsheet letter of a column number (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
