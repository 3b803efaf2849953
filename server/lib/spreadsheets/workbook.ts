import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCellText } from './safe-text';

// The shared look of every workbook Lantu writes: money in 万元 with two decimals, a bold shaded header with
// borders, text neutralised against formula injection, written by ExcelJS's streaming writer so that a
// 100,000-row export never holds the workbook in memory.

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 万元 with two decimals and thousands separators (1,234.50). */
export const WAN_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8C8C8C' } };
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** The header cells' style: bold, centred, wrapped, light grey, bordered. */
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 11 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
  border: CELL_BORDER,
};

/** Integer 元 as 万元 (exact to four decimals; the cell format shows two). */
export const yuanToWan = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : yuan / 10_000);

/** User text as a cell shows it: never a formula, empty as an empty cell. */
export const textCell = (value: string | null | undefined): string | null => (value ? safeCellText(value) : null);

/** A streaming workbook writing straight into `stream` (an HTTP reply, a file), with styles and inline strings. */
export function streamingWorkbook(stream: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Lantu 蓝图';
  workbook.created = new Date();
  return workbook;
}

/** Writes a header row: each cell bold and shaded, the row tall enough for two wrapped lines. */
export function writeHeaderRow(sheet: ExcelJS.Worksheet, values: (string | null)[], height = 32): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.height = height;
  values.forEach((_, i) => {
    row.getCell(i + 1).style = HEADER_STYLE;
  });
  return row;
}

/**
 * Waits while the reader of the download (the HTTP client) is behind, so a slow client does not pile the file up in
 * the server's memory; stops the export when the client has gone away.
 */
export async function waitForReader(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('close', done);
    });
  }
  if (stream.destroyed) throw new Error('the download was closed before the export finished');
}

// East Asian characters take two units of a column's width, others one.
const displayWidth = (text: string) => [...text].reduce((width, c) => width + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const MAX_ROW_HEIGHT = 409;

/**
 * The height (points) a row of wrapped text needs: as many lines as its fullest cell takes in its column's width.
 * Spreadsheets do not grow a row for wrapped text written by a program, so the writer sets it.
 */
export function wrappedRowHeight(texts: (string | null)[], widths: number[], lineHeight = 14): number {
  const lines = texts.map((text, i) => {
    if (!text) return 1;
    const perLine = Math.max(1, (widths[i] ?? 10) - 1);
    return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
  });
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, ...lines) * lineHeight + 4);
}
