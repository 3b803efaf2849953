import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { CELL_BORDER, streamingWorkbook, textCell, waitForReader, wrappedRowHeight, writeHeaderRow } from '../../lib/spreadsheets/workbook';
import type { readMonthScores } from './snapshots';

type Ranking = Awaited<ReturnType<typeof readMonthScores>>;
type Words = {
  sheet: string;
  title: string;
  taken: string;
  rank: string;
  unit: string;
  score: string;
  error: string;
  /** A group's heading: its name and how many units it ranks. */
  group: (name: string, count: number) => string;
};

export const POINTS_FORMAT = '0.00';
const TERM_WIDTH = 18;

/** The rule's terms as the columns read them: the text as written, a deduction with its minus sign. */
export function termHeaders(items: Ranking['items']): string[] {
  const first = items.find((item) => item.terms.length > 0);
  return (first?.terms ?? []).map((term) => (term.sign === -1 ? `− ${term.text}` : term.text));
}

/**
 * The month's ranking as one sheet (考核排名): a title row naming the district, month and rule version, a line on
 * when and by whom it was taken, a header (名次, 单位, 得分, one column per term of the rule, and the reason when a unit
 * could not be scored), a row per unit in ranking order with the signed points of each term (they add up to the
 * score) — when the rule ranks in groups, a block per group under a row naming it, ranks within the group —, and the
 * notes on variables that read 0 for want of data. Streamed (2,000 units fit easily).
 */
export async function writeRankingWorkbook(stream: Writable, ranking: Ranking, words: Words): Promise<void> {
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const terms = termHeaders(ranking.items);
  const failed = ranking.items.some((item) => item.error !== null);
  const headers = [words.rank, words.unit, words.score, ...terms, ...(failed ? [words.error] : [])];
  const widths = [8, 28, 10, ...terms.map(() => TERM_WIDTH), ...(failed ? [40] : [])];
  sheet.columns = widths.map((width) => ({ width }));
  const lastColumn = headers.length;

  const title = sheet.addRow([words.title]);
  title.height = 30;
  title.getCell(1).style = { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.mergeCells(1, 1, 1, lastColumn);
  title.commit();
  const taken = sheet.addRow([words.taken]);
  taken.getCell(1).style = { font: { size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } };
  sheet.mergeCells(2, 1, 2, lastColumn);
  taken.commit();
  writeHeaderRow(sheet, headers, wrappedRowHeight(headers, widths)).commit();

  const points = (cell: ExcelJS.Cell, value: number | null) => {
    cell.value = value;
    cell.numFmt = POINTS_FORMAT;
  };
  let group: string | null = null;
  for (const item of ranking.items) {
    if (item.group !== null && item.group !== group) {
      group = item.group;
      const count = ranking.items.filter((line) => line.group === group).length;
      const heading = sheet.addRow([textCell(words.group(group, count))]);
      heading.getCell(1).style = { font: { bold: true, size: 12 }, alignment: { horizontal: 'left', vertical: 'middle' } };
      heading.height = 22;
      sheet.mergeCells(heading.number, 1, heading.number, lastColumn);
      heading.commit();
    }
    const row = sheet.addRow([item.rank, textCell(item.unitName)]);
    points(row.getCell(3), item.score);
    for (let i = 0; i < terms.length; i += 1) points(row.getCell(4 + i), item.terms[i]?.value ?? null);
    if (failed) row.getCell(lastColumn).value = textCell(item.error);
    for (let c = 1; c <= lastColumn; c += 1) row.getCell(c).border = CELL_BORDER;
    row.getCell(1).alignment = { horizontal: 'center' };
    row.commit();
    await waitForReader(stream);
  }
  for (const note of ranking.notes) {
    const row = sheet.addRow([textCell(note)]);
    row.getCell(1).style = { font: { size: 9, italic: true }, alignment: { horizontal: 'left' } };
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}
