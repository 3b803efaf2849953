import type { Writable } from 'node:stream';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import { HEADER_STYLE, streamingWorkbook, waitForReader } from '../../lib/spreadsheets/workbook';
import type { LeadRow } from './repository';

/** A column's value for a lead: its field, or the name a sheet writes for what it keeps by id. */
function fieldValue(key: string, row: LeadRow): unknown {
  if (key === 'enterprise') return row.enterpriseName;
  if (key === 'enterpriseUscc') return row.enterpriseUscc;
  if (key === 'event') return row.eventName;
  if (key === 'owner') return row.ownerName;
  return (row as unknown as Record<string, unknown>)[key] ?? null;
}

/**
 * Writes the leads as the import's leads sheet (same columns, Chinese headers and cells: money in 万元, dates, names
 * for codes), streaming, so the file can be edited and imported back as updates: one header row, frozen, with filters.
 */
export async function writeLeadList(
  stream: Writable,
  input: { batches: AsyncIterable<LeadRow[]>; columns: readonly Column<string, unknown>[]; lookups: Lookups; sheetName: string },
) {
  const { columns, lookups } = input;
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = sheet.addRow(columns.map((c) => `${c.header['zh-CN']}${c.required ? ' *' : ''}`));
  header.height = 24;
  for (let i = 1; i <= columns.length; i++) header.getCell(i).style = HEADER_STYLE;
  header.commit();
  for await (const batch of input.batches) {
    for (const lead of batch) sheet.addRow(columns.map((c) => c.format(fieldValue(c.key, lead), lookups) ?? undefined)).commit();
    await waitForReader(stream);
  }
  sheet.commit();
  await workbook.commit();
}
