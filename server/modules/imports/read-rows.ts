import { AREA_UNIT_TEXT } from '../../../common/domain/area';
import { formatWan } from '../../../common/domain/money';
import { type ImportReading, MAPPING_SAMPLES } from '../../../common/schemas/imports';
import { cellText, isEmptyCell, plain } from '../../lib/spreadsheets/columns/cells';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import { HEADER_SEARCH_ROWS, type HeaderMapping, detectHeader, resolveHeader } from '../../lib/spreadsheets/header';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import type { CheckSetting } from './kinds';
import { type StoredProblem, cellProblem } from './problems';

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
/** How many interpretations a job keeps to show (the count is kept whole). */
export const MAX_INTERPRETATIONS = 300;

/** What reading the sheet found besides rows: where the header was, columns not imported, rows skipped, values read. */
export const emptyReading = (): ImportReading => ({
  headerRows: [],
  unmapped: [],
  skipped: [],
  interpretations: [],
  interpretationCount: 0,
});

const GROUP_ROW = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;
const SUBTOTAL_ROW = /^(?:小计|合计|总计|共计)/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a data row is left out, if it is: a 小计/合计 row, or a group row (一、产业项目) whose required cells say nothing
 * else. `required` are the sheet columns of the required fields.
 */
function skipOf(cells: SheetRow['cells'], required: number[]): { reason: 'subtotal' | 'group'; text: string } | null {
  const texts = cells.map((cell) => cellText(cell ?? null)).filter(Boolean);
  const first = texts[0] ?? '';
  if (SUBTOTAL_ROW.test(first) || texts.slice(0, 3).some((t) => SUBTOTAL_ROW.test(t) && t.length <= 4)) {
    return { reason: 'subtotal', text: first.slice(0, 40) };
  }
  if (GROUP_ROW.test(first) && required.every((index) => [first, ''].includes(cellText(cells[index] ?? null)))) {
    return { reason: 'group', text: first.slice(0, 40) };
  }
  return null;
}

/**
 * Reads a sheet through a kind's columns: finds the header among the first rows (a title above it is left out; a
 * missing required column is a problem of the header row and stops there), then reads every data row's cells,
 * reporting each unreadable cell, and hands each row on. Group rows (一、产业项目) and 小计/合计 rows are skipped
 * with a note; columns no field takes, and every value read by interpretation (3.2亿 → 32,000.00 万元, 2024年3月 →
 * 2024-03-01, — → empty), are told in `reading`.
 */
export async function readRows<C extends Column<string, unknown>>(
  rows: AsyncIterable<SheetRow>,
  kindColumns: readonly C[],
  lookups: Lookups,
  handlers: {
    onProblem: (problem: StoredProblem) => void;
    onRow: (row: ParsedRow) => Promise<unknown>;
    onProgress?: ((processedRows: number) => Promise<void>) | undefined;
    reading?: ImportReading | undefined;
    /** The mapping to read the file with, given its shape (the user's for this job, or the district's saved one). */
    mapping?: ((shape: string) => Promise<HeaderMapping | null>) | undefined;
  },
): Promise<void> {
  const reading = handlers.reading ?? emptyReading();
  const iterator = rows[Symbol.asyncIterator]();
  const top: SheetRow[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    top.push(next.value);
  }
  const detected = detectHeader(top, kindColumns);
  if (!detected) {
    handlers.onProblem({ row: 0, column: null, field: null, code: 'import.empty_sheet' });
    return;
  }
  const header = resolveHeader(detected, kindColumns, await handlers.mapping?.(detected.shape));
  const headerRow = header.rows[0] ?? 1;
  reading.headerRows = header.rows;
  reading.shape = header.shape;
  reading.unmapped = header.unmapped.map(({ index, header: text, reason }) => ({ column: index, header: text, reason }));
  const samples = new Map(header.cells.map((cell) => [cell.index, [] as string[]]));
  reading.columns = header.cells.map((cell) => ({
    column: cell.index,
    header: cell.text,
    field: header.columns.get(cell.index)?.key ?? null,
    confidence: cell.confidence,
    samples: samples.get(cell.index) ?? [],
  }));
  const lastHeaderRow = Math.max(...header.rows);
  const required = [...header.columns].filter(([, column]) => column.required).map(([index]) => index);
  // The mapping step's sample values: from the data rows among the first rows read, group and total rows left out
  // (they are there even when the header lacks a required column, which is when the mapping step is needed most).
  for (const { number, cells } of top) {
    if (number <= lastHeaderRow || skipOf(cells, required)) continue;
    for (const [index, kept] of samples) {
      const text = kept.length < MAPPING_SAMPLES ? cellText(cells[index] ?? null) : '';
      if (text) kept.push(text.slice(0, 40));
    }
  }
  for (const column of header.missing) {
    handlers.onProblem({
      row: headerRow,
      column: null,
      field: column.key,
      code: 'import.column_missing',
      params: { column: column.header['zh-CN'] },
    });
  }
  for (const { index, column } of header.repeated) {
    handlers.onProblem({
      row: headerRow,
      column: index,
      field: column.key,
      code: 'import.column_repeated',
      params: { column: column.header['zh-CN'] },
    });
  }
  if (header.missing.length || header.repeated.length) return;
  const indexOf = new Map([...header.columns].map(([index, column]) => [column.key, index]));
  // A column is named by its field (`customValues.area`) or by the field an item of it belongs to (`leaderIds.2`).
  const columnOf = (field: string) => indexOf.get(field) ?? indexOf.get(field.split('.')[0] ?? '') ?? null;

  const interpret = (row: number, index: number, column: C, cell: SheetRow['cells'][number], value: unknown) => {
    const from = cellText(cell);
    let to: string | null = null;
    const unit = header.units.get(index);
    const areaUnit = header.areaUnits.get(index);
    if (isEmptyCell(cell)) to = '';
    else if (column.reads === 'money' && typeof value === 'number') {
      if (typeof plain(cell) !== 'number' || (unit && unit !== 'wan')) to = `${formatWan(value)} 万元`;
    } else if (column.reads === 'area' && typeof value === 'number' && column.areaUnit) {
      const converted = typeof plain(cell) !== 'number' || (areaUnit && areaUnit !== column.areaUnit);
      if (converted) to = `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${AREA_UNIT_TEXT[column.areaUnit]}`;
    } else if (column.reads === 'date' && typeof value === 'string') {
      if (typeof plain(cell) === 'number' || (typeof plain(cell) === 'string' && !ISO_DATE.test(from))) to = value;
    }
    if (to === null || from === to) return;
    reading.interpretationCount += 1;
    if (reading.interpretations.length < MAX_INTERPRETATIONS) {
      const headerUnitText = unit ? { yi: '亿元', wan: '万元', yuan: '元' }[unit] : areaUnit ? AREA_UNIT_TEXT[areaUnit] : '';
      const shownFrom = headerUnitText && typeof plain(cell) === 'number' ? `${from} ${headerUnitText}` : from;
      reading.interpretations.push({ row, column: index, field: column.key, from: shownFrom, to });
    }
  };

  let processed = 0;
  const readRow = async ({ number, cells }: SheetRow) => {
    if (number <= lastHeaderRow) return;
    const skip = skipOf(cells, required);
    if (skip) {
      reading.skipped.push({ row: number, ...skip });
      return;
    }
    const input: Record<string, unknown> = {};
    const failed = new Set<string>();
    for (const [index, column] of header.columns) {
      const cell = cells[index] ?? null;
      const unit = header.units.get(index);
      const areaUnit = header.areaUnits.get(index);
      const parsed = column.parse(cell, lookups, { ...(unit ? { unit } : {}), ...(areaUnit ? { areaUnit } : {}) });
      if (!parsed.ok) {
        failed.add(column.key);
        handlers.onProblem(cellProblem({ row: number, column: index, field: column.key }, parsed.problem));
        continue;
      }
      if (parsed.value !== undefined) input[column.key] = parsed.value;
      if (column.reads || isEmptyCell(cell)) interpret(number, index, column, cell, parsed.value);
    }
    await handlers.onRow({ row: number, input, failed, columnOf });
    processed += 1;
    if (handlers.onProgress && processed % PROGRESS_EVERY === 0) await handlers.onProgress(processed);
  };
  for (const row of top) await readRow(row);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) await readRow(next.value);
  if (handlers.onProgress) await handlers.onProgress(processed);
}

/**
 * A register's sheet read with its job's setting (columns, lookups, the mapping, the reading to fill, progress): the
 * reading's problems go to `onProblem`, each data row to `onRow`. The one wiring of every kind's checker.
 */
export const readSettingRows = (
  setting: CheckSetting,
  rows: AsyncIterable<SheetRow>,
  onProblem: (problem: StoredProblem) => void,
  onRow: (row: ParsedRow) => Promise<unknown>,
) =>
  readRows<Column<string, unknown>>(rows, setting.columns, setting.lookups, {
    reading: setting.reading,
    mapping: setting.mapping,
    onProblem,
    onProgress: setting.onProgress,
    onRow,
  });
