import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale';
import { safeCellText } from '../../lib/spreadsheets/safe-text';
import { HEADER_STYLE } from '../../lib/spreadsheets/workbook';
import type { ImportJobRow } from './jobs-repository';
import { type SheetColumns, presentProblem } from './presenter';
import type { StoredProblem } from './problems';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_TEXT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

const LABELS: Record<Locale, { sheet: string; headers: string[] }> = {
  'zh-CN': { sheet: '问题清单', headers: ['行', '列', '列名', '问题'] },
  'en-US': { sheet: 'Problems', headers: ['Row', 'Column', 'Column name', 'Problem'] },
};

/**
 * The user's own file with every problem marked: each bad cell filled red with a comment giving the reason (a
 * problem of a whole row marks the row's first cell), and a sheet listing every problem in row order.
 */
export async function buildMarkedFile(file: string, job: ImportJobRow, locale: Locale, columns: SheetColumns): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const problems = job.problems as StoredProblem[];
  const presented = problems.map((p) => ({ stored: p, shown: presentProblem(locale, columns, p) }));
  if (sheet) {
    const notes = new Map<string, string[]>();
    for (const { stored, shown } of presented) {
      if (stored.row < 1) continue;
      const address = `${shown.column ?? 'A'}${stored.row}`;
      notes.set(address, [...(notes.get(address) ?? []), shown.message]);
    }
    for (const [address, messages] of notes) {
      const cell = sheet.getCell(address);
      cell.fill = RED;
      cell.font = { ...cell.font, ...RED_TEXT };
      cell.note = messages.map(safeCellText).join('\n');
    }
  }
  const labels = LABELS[locale];
  const existing = workbook.getWorksheet(labels.sheet);
  if (existing) workbook.removeWorksheet(existing.id);
  const list = workbook.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [{ width: 8 }, { width: 8 }, { width: 24 }, { width: 80 }];
  list.addRow(labels.headers).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const { shown } of presented) {
    list.addRow([shown.row, shown.column ?? '', shown.columnLabel ?? '', safeCellText(shown.message)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
