import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale';
import { sheetRows } from '../../lib/spreadsheets/sheet-reader';
import { safeCellText } from '../../lib/spreadsheets/safe-text';
import { HEADER_STYLE, streamingWorkbook, waitForReader } from '../../lib/spreadsheets/workbook';
import type { ImportJobRow } from './jobs-repository';
import { type SheetColumns, presentProblem } from './presenter';
import type { StoredProblem } from './problems';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_TEXT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

const LABELS: Record<Locale, { data: string; sheet: string; headers: string[] }> = {
  'zh-CN': { data: '导入数据', sheet: '问题清单', headers: ['行', '列', '列名', '问题'] },
  'en-US': { data: 'Data', sheet: 'Problems', headers: ['Row', 'Column', 'Column name', 'Problem'] },
};

// Rows written between two turns of the event loop, so that a wide sheet's marked file never keeps the server
// from answering others (a row of 2,000 cells takes about a millisecond to write).
const ROWS_PER_TURN = 20;

/**
 * Writes the user's own file with every problem marked into `stream`, streamed: the first sheet's values are read
 * row by row and written row by row (without the original's formatting), each bad cell filled red with a comment
 * giving the reason (a problem of a whole row marks the row's first cell); then a sheet listing every problem in row
 * order. Memory stays bounded by a row and the job's problems, whatever the file's size, and the writer waits for a
 * slow reader (`waitForReader`).
 */
export async function writeMarkedFile(
  stream: Writable,
  file: string,
  job: ImportJobRow,
  locale: Locale,
  columns: SheetColumns,
): Promise<void> {
  const problems = job.problems as StoredProblem[];
  const presented = problems.map((p) => ({ stored: p, shown: presentProblem(locale, columns, p) }));
  const notes = new Map<number, Map<number, string[]>>();
  for (const { stored, shown } of presented) {
    if (stored.row < 1) continue;
    const row = notes.get(stored.row) ?? new Map<number, string[]>();
    const column = stored.column ?? 1;
    row.set(column, [...(row.get(column) ?? []), shown.message]);
    notes.set(stored.row, row);
  }
  const labels = LABELS[locale];
  const workbook = streamingWorkbook(stream);
  // The data sheet keeps the name of the user's sheet (its first), once the reader has told it.
  let name = '';
  let data: ExcelJS.Worksheet | null = null;
  let written = 0;
  for await (const { number, cells } of sheetRows(file, { sheetName: (found) => (name = found) })) {
    data ??= workbook.addWorksheet(name && name !== labels.sheet ? name : labels.data);
    const row = data.getRow(number);
    cells.forEach((value, column) => {
      if (value !== null && value !== undefined) row.getCell(column).value = typeof value === 'string' ? safeCellText(value) : value;
    });
    for (const [column, messages] of notes.get(number) ?? []) {
      const cell = row.getCell(column);
      cell.fill = RED;
      cell.font = RED_TEXT;
      cell.note = messages.map(safeCellText).join('\n');
    }
    notes.delete(number);
    row.commit();
    written += 1;
    if (written % ROWS_PER_TURN === 0) {
      await waitForReader(stream);
      await nextTurn();
    }
  }
  (data ?? workbook.addWorksheet(labels.data)).commit();
  const list = workbook.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [{ width: 8 }, { width: 8 }, { width: 24 }, { width: 80 }];
  const header = list.addRow(labels.headers);
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  header.commit();
  for (const [index, { shown }] of presented.entries()) {
    list.addRow([shown.row, shown.column ?? '', shown.columnLabel ?? '', safeCellText(shown.message)]).commit();
    if ((index + 1) % 500 === 0) {
      await waitForReader(stream);
      await nextTurn();
    }
  }
  list.commit();
  await workbook.commit();
}
