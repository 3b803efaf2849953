import type { CellValue } from 'exceljs';
import { MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../common/schemas/imports';
import { AppError } from '../errors';
import { cellText } from './columns/cells';
import type { Column } from './columns/types';
import type { MergedRange, SheetRow } from './sheet-xml';
import { firstSheetRows } from './workbook-reader';
import { csvRows, isZipFile } from './csv-reader';

export type { SheetRow };

const isBlank = (cells: CellValue[]) => cells.every((cell) => cellText(cell) === '');

/**
 * Streams the non-blank rows of the workbook's first sheet (the data sheet of the template), so a file of 100,000
 * rows is never held whole in memory. With `fillMerged`, a merged range's value (its top-left cell's) is given to
 * every cell of the range: the same leader written once in a cell merged over two rows belongs to both rows, a
 * group header (投资情况) merged over its sub-columns heads each of them.
 */
export async function* sheetRows(
  file: string,
  options: { fillMerged?: boolean; sheetName?: (name: string) => void } = {},
): AsyncGenerator<SheetRow> {
  if (!(await isZipFile(file))) {
    for await (const row of csvRows(file)) if (!isBlank(row.cells)) yield row;
    return;
  }
  let ranges: MergedRange[] = [];
  const byTop = new Map<number, MergedRange[]>();
  const active: { range: MergedRange; value: CellValue }[] = [];
  const rows = firstSheetRows(file, {
    ...(options.fillMerged ? { merges: (found: MergedRange[]) => (ranges = found) } : {}),
    ...(options.sheetName ? { sheetName: options.sheetName } : {}),
  });
  let indexed = false;
  for await (const row of rows) {
    if (options.fillMerged && !indexed) {
      for (const range of ranges) byTop.set(range.top, [...(byTop.get(range.top) ?? []), range]);
      indexed = true;
    }
    if (byTop.size || active.length) fillMerged(row, byTop, active);
    if (!isBlank(row.cells)) yield row;
  }
}

function fillMerged(row: SheetRow, byTop: Map<number, MergedRange[]>, active: { range: MergedRange; value: CellValue }[]) {
  // Ranges that started on rows the sheet does not write (blank rows are not always written) start here too.
  for (const [top, ranges] of byTop) {
    if (top > row.number) continue;
    for (const range of ranges) active.push({ range, value: top === row.number ? (row.cells[range.left] ?? null) : null });
    byTop.delete(top);
  }
  for (let i = active.length - 1; i >= 0; i--) {
    const { range, value } = active[i] as (typeof active)[number];
    if (range.bottom < row.number) {
      active.splice(i, 1);
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    for (let column = range.left; column <= range.right; column++) {
      const here = row.cells[column];
      if (here === null || here === undefined || here === '') row.cells[column] = value;
    }
  }
}

/** What an upload holds, counted before any row is checked. */
export type SheetSize = { dataRows: number; columns: number; cells: number };

/**
 * Counts the rows, the widest row's columns and the non-empty cells of the first sheet without reading their
 * meaning, refusing a file over a limit as soon as the limit is passed, before any row is validated: at most
 * MAX_IMPORT_ROWS data rows, MAX_IMPORT_COLUMNS columns and MAX_IMPORT_CELLS filled cells.
 */
export async function measureSheet(file: string): Promise<SheetSize> {
  try {
    return await measure(file);
  } catch (error) {
    // XML that no parser can read (broken tags, a part cut short) is the file's fault, answered as such.
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'not_xlsx', 'import.unreadable');
  }
}

async function measure(file: string): Promise<SheetSize> {
  let rows = 0;
  let columns = 0;
  let cells = 0;
  for await (const row of sheetRows(file)) {
    rows += 1;
    if (rows - 1 > MAX_IMPORT_ROWS)
      throw new AppError(413, 'too_many_rows', 'import.too_many_rows', { limit: MAX_IMPORT_ROWS.toLocaleString('en-US') });
    row.cells.forEach((cell, column) => {
      if (cell === null || cell === undefined || cell === '') return;
      cells += 1;
      columns = Math.max(columns, column);
    });
    if (columns > MAX_IMPORT_COLUMNS)
      throw new AppError(413, 'too_many_columns', 'import.too_many_columns', { limit: MAX_IMPORT_COLUMNS.toLocaleString('en-US') });
    if (cells > MAX_IMPORT_CELLS)
      throw new AppError(413, 'too_many_cells', 'import.too_many_cells', { limit: MAX_IMPORT_CELLS.toLocaleString('en-US') });
  }
  return { dataRows: Math.max(rows - 1, 0), columns, cells };
}

/** The data rows below the header, refusing a file over the limits (see `measureSheet`). */
export async function countDataRows(file: string): Promise<number> {
  return (await measureSheet(file)).dataRows;
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
