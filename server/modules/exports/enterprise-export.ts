import type { Writable } from 'node:stream';
import type { EnterpriseExportQuery } from '../../../common/schemas/enterprises';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import { HEADER_STYLE, streamingWorkbook, waitForReader } from '../../lib/spreadsheets/workbook';
import { enterpriseOrder, listEnterprises } from '../enterprises';

type EnterpriseRow = Awaited<ReturnType<typeof listEnterprises>>['rows'][number];
const BATCH = 500;

/**
 * The enterprises the actor sees that match the list's filters, in the list's order, a batch at a time. An unknown
 * `sort` is refused (400) here, before the file starts streaming: once its first bytes are sent, an error can only cut
 * the download.
 */
export function enterpriseBatches(db: Executor, actor: Actor, query: EnterpriseExportQuery): AsyncIterable<EnterpriseRow[]> {
  enterpriseOrder(query.sort);
  return (async function* () {
    for (let page = 1; ; page++) {
      const { rows } = await listEnterprises(db, actor, { ...query, page, pageSize: BATCH });
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
    }
  })();
}

/** A column's value for an enterprise: its field, or its first contact's name, phone and role. */
function fieldValue(key: string, row: EnterpriseRow): unknown {
  const contact = row.contacts[0];
  if (key === 'contactName') return contact?.name ?? null;
  if (key === 'contactPhone') return contact?.phone ?? null;
  if (key === 'contactRole') return contact?.role ?? null;
  return (row as unknown as Record<string, unknown>)[key] ?? null;
}

/**
 * Writes the enterprises as the import's enterprise sheet (same columns, headers and cells), streaming, so the file
 * can be edited and imported back: one header row, frozen, with filters.
 */
export async function writeEnterpriseList(
  stream: Writable,
  input: { batches: AsyncIterable<EnterpriseRow[]>; columns: readonly Column<string, unknown>[]; lookups: Lookups; sheetName: string },
) {
  const { columns, lookups } = input;
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.columns = columns.map((c) => ({ width: c.width }));
  // Headed in Chinese, as the import template is: the file goes back in as it comes out.
  const header = sheet.addRow(columns.map((c) => `${c.header['zh-CN']}${c.required ? ' *' : ''}`));
  header.height = 24;
  for (let i = 1; i <= columns.length; i++) header.getCell(i).style = HEADER_STYLE;
  header.commit();
  for await (const batch of input.batches) {
    for (const enterprise of batch) {
      sheet.addRow(columns.map((c) => c.format(fieldValue(c.key, enterprise), lookups) ?? undefined)).commit();
    }
    await waitForReader(stream);
  }
  sheet.commit();
  await workbook.commit();
}
