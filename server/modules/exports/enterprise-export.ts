import type { EnterpriseExportQuery } from '../../../common/schemas/enterprises';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { pageBatches } from '../../lib/list';
import { fieldOf } from '../../lib/spreadsheets/record-sheet';
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
  return pageBatches((window) => listEnterprises(db, actor, { ...query, ...window }), BATCH);
}

/** A column of the enterprise sheet for an enterprise: its field, or its first contact's name, phone and role. */
export function enterpriseCellValue(key: string, row: EnterpriseRow): unknown {
  const contact = row.contacts[0];
  if (key === 'contactName') return contact?.name ?? null;
  if (key === 'contactPhone') return contact?.phone ?? null;
  if (key === 'contactRole') return contact?.role ?? null;
  return fieldOf(key, row);
}
