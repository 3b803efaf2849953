import type { Lookups } from '../../lib/spreadsheets/columns/types';
import type { Column } from '../../lib/spreadsheets/columns/types';
import { cellProblem, type StoredProblem } from './problems';
import { type SheetRow, mapHeader } from '../../lib/spreadsheets/sheet-reader';

/** A data row read through the kind's columns: the values that could be read, and which fields could not. */
export type ParsedRow = {
  row: number;
  input: Record<string, unknown>;
  /** Fields whose cell had a problem (already reported); the row's other checks leave them out. */
  failed: Set<string>;
  /** The sheet column of a field (`leaderIds.2` → the leaders column), for placing a problem. */
  columnOf: (field: string) => number | null;
};

// Progress is written every this many rows, so the page's bar moves without a write per row.
export const PROGRESS_EVERY = 500;

/**
 * Reads a sheet through a kind's columns: maps the header (a missing required column is a problem of row 1 and
 * stops there), then reads every data row's cells, reporting each unreadable cell, and hands each row on.
 */
export async function readRows<C extends Column<string, unknown>>(
  rows: AsyncIterable<SheetRow>,
  kindColumns: readonly C[],
  lookups: Lookups,
  handlers: {
    onProblem: (problem: StoredProblem) => void;
    onRow: (row: ParsedRow) => Promise<unknown>;
    onProgress?: ((processedRows: number) => Promise<void>) | undefined;
  },
): Promise<void> {
  let header: ReturnType<typeof mapHeader<C>> | null = null;
  let columnOf: (field: string) => number | null = () => null;
  let processed = 0;
  for await (const { number, cells } of rows) {
    if (!header) {
      header = mapHeader(cells, kindColumns);
      for (const column of header.missing) {
        handlers.onProblem({
          row: number,
          column: null,
          field: column.key,
          code: 'import.column_missing',
          params: { column: column.header['zh-CN'] },
        });
      }
      for (const { index, column } of header.repeated) {
        handlers.onProblem({
          row: number,
          column: index,
          field: column.key,
          code: 'import.column_repeated',
          params: { column: column.header['zh-CN'] },
        });
      }
      if (header.missing.length || header.repeated.length) return;
      const indexOf = new Map([...header.columns].map(([index, column]) => [column.key, index]));
      // A column is named by its field (`customValues.area`) or by the field an item of it belongs to (`leaderIds.2`).
      columnOf = (field) => indexOf.get(field) ?? indexOf.get(field.split('.')[0] ?? '') ?? null;
      continue;
    }
    const input: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (const [index, column] of header.columns) {
      const parsed = column.parse(cells[index], lookups);
      if (!parsed.ok) {
        failed.add(column.key);
        handlers.onProblem(cellProblem({ row: number, column: index, field: column.key }, parsed.problem));
      } else if (parsed.value !== undefined) {
        input[column.key] = parsed.value;
      }
    }
    await handlers.onRow({ row: number, input, failed, columnOf });
    processed += 1;
    if (handlers.onProgress && processed % PROGRESS_EVERY === 0) await handlers.onProgress(processed);
  }
  if (!header) handlers.onProblem({ row: 0, column: null, field: null, code: 'import.empty_sheet' });
  else if (handlers.onProgress) await handlers.onProgress(processed);
}
