import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileResponse, sendDownload } from '../download';
import type { Column, Lookups } from './columns/types';
import { HEADER_STYLE, XLSX_CONTENT_TYPE, streamingWorkbook, waitForReader } from './workbook';

/** What a register's download writes: its records a batch at a time, in its import's columns. */
export type RecordSheet<Row> = {
  batches: AsyncIterable<Row[]>;
  columns: readonly Column<string, unknown>[];
  lookups: Lookups;
  sheetName: string;
  /** A column's value for a record: its field, or what a sheet writes for what the record keeps by id. */
  cellValue: (key: string, row: Row) => unknown;
};

/** A record's field of the column's key (the default `cellValue` falls back to it). */
export const fieldOf = (key: string, row: unknown): unknown => (row as Record<string, unknown>)[key] ?? null;

/**
 * Writes a register's records as its import sheet (same columns, Chinese headers and cells: money in 万元, dates,
 * names for codes), streaming, so the file can be edited and imported back: one header row, frozen, with filters.
 */
export async function writeRecordSheet<Row>(stream: Writable, input: RecordSheet<Row>) {
  const { columns, lookups, cellValue } = input;
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  // Headed in Chinese, as the import template is: the file goes back in as it comes out.
  const header = sheet.addRow(columns.map((c) => `${c.header['zh-CN']}${c.required ? ' *' : ''}`));
  header.height = 24;
  for (let i = 1; i <= columns.length; i++) header.getCell(i).style = HEADER_STYLE;
  header.commit();
  for await (const batch of input.batches) {
    for (const record of batch) sheet.addRow(columns.map((c) => c.format(cellValue(c.key, record), lookups) ?? undefined)).commit();
    await waitForReader(stream);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Sends a register's sheet as an .xlsx download, streaming; a failure mid-way is logged and cuts the download short
 * (the batches should refuse bad filters before their first row, so a 400 comes before the first byte).
 */
export function sendRecordSheet<Row>(
  request: FastifyRequest,
  reply: FastifyReply,
  sheet: RecordSheet<Row> & { fileName: string; asciiFallback: string },
) {
  const body = new PassThrough();
  writeRecordSheet(body, sheet).catch((error: unknown) => {
    request.log.error({ err: error }, 'sheet export failed while streaming');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return sendDownload(reply, { body, fileName: sheet.fileName, asciiFallback: sheet.asciiFallback, contentType: XLSX_CONTENT_TYPE });
}

/** The OpenAPI answer of a register's sheet download. */
export const recordSheetResponse = (description: string) => fileResponse(XLSX_CONTENT_TYPE, description);
