import type { Writable } from 'node:stream';
import {
  CELL_BORDER,
  WAN_FORMAT,
  streamingWorkbook,
  textCell,
  waitForReader,
  wrappedRowHeight,
  writeHeaderRow,
} from '../../lib/spreadsheets/workbook';
import type { BriefingSection, BriefingTable } from './sections';

const POINTS_FORMAT = '0.00';
/** A column's width in characters from its share of the page (the document's proportions, about 100 wide in all). */
const widthOf = (share: number, total: number) => Math.max(8, Math.round((share / total) * 100));

/** A sheet's name as Excel takes it: none of []:*?/\\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

async function writeTable(
  stream: Writable,
  workbook: ReturnType<typeof streamingWorkbook>,
  title: string,
  table: BriefingTable,
  taken: Set<string>,
) {
  const sheet = workbook.addWorksheet(sheetName(table.sheet, taken), { views: [{ state: 'frozen', ySplit: 2 }] });
  const total = table.columns.reduce((n, c) => n + c.share, 0);
  const widths = table.columns.map((c) => widthOf(c.share, total));
  sheet.columns = widths.map((width) => ({ width }));
  const heading = sheet.addRow([title]);
  heading.height = 24;
  heading.getCell(1).style = { font: { bold: true, size: 13 }, alignment: { horizontal: 'left', vertical: 'middle' } };
  sheet.mergeCells(1, 1, 1, table.columns.length);
  heading.commit();
  const headers = table.columns.map((c) => c.title);
  writeHeaderRow(sheet, headers, wrappedRowHeight(headers, widths)).commit();
  for (const values of table.rows) {
    const row = sheet.addRow([]);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const kind = table.columns[i]?.kind;
      // Numbers stay numbers (元 as 万元 with two decimals, points with two), text is neutralised.
      if (typeof value === 'number') {
        cell.value = kind === 'wan' ? value / 10_000 : value;
        if (kind === 'wan') cell.numFmt = WAN_FORMAT;
        if (kind === 'points') cell.numFmt = POINTS_FORMAT;
      } else cell.value = textCell(value);
      cell.border = CELL_BORDER;
      cell.alignment = { horizontal: table.columns[i]?.align ?? 'left', vertical: 'middle', wrapText: true };
    });
    row.commit();
    await waitForReader(stream);
  }
  sheet.commit();
}

/**
 * A 通报 (a district's or a city's) as a workbook with the document's data: a first sheet with the title and every section's heading and
 * paragraphs, then a sheet per table (its section's heading above the table's header), numbers as numbers.
 */
export async function writeBriefingWorkbook(
  stream: Writable,
  title: string,
  sections: BriefingSection[],
  words: { overall: string },
): Promise<void> {
  const workbook = streamingWorkbook(stream);
  const taken = new Set([words.overall]);
  const overview = workbook.addWorksheet(words.overall);
  overview.columns = [{ width: 120 }];
  const head = overview.addRow([textCell(title)]);
  head.getCell(1).style = { font: { bold: true, size: 16 } };
  head.commit();
  for (const section of sections) {
    const row = overview.addRow([textCell(section.heading)]);
    row.getCell(1).style = { font: { bold: true, size: 12 } };
    row.commit();
    for (const part of section.parts) {
      if (typeof part !== 'string') continue;
      const line = overview.addRow([textCell(part)]);
      line.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      line.commit();
    }
  }
  overview.commit();
  for (const section of sections)
    for (const part of section.parts) if (typeof part !== 'string') await writeTable(stream, workbook, section.heading, part, taken);
  await workbook.commit();
}
