import type { Executor } from '../../db/client';
import { fieldOf } from '../../lib/spreadsheets/record-sheet';
import { type VisitRow, userNames } from './repository';

type SheetVisit = VisitRow & { visitors: string[] };

/** The visits of each batch with their visitors by name (platform users by their names, then the others). */
export async function* withVisitorNames(db: Executor, batches: AsyncIterable<VisitRow[]>): AsyncIterable<SheetVisit[]> {
  for await (const batch of batches) {
    const names = await userNames(db, [...new Set(batch.flatMap((v) => v.visitorUserIds))]);
    yield batch.map((v) => ({ ...v, visitors: [...v.visitorUserIds.map((id) => names.get(id) ?? '—'), ...v.visitorNames] }));
  }
}

/** A column of the visits sheet for a visit: its field, or the enterprise's name and credit code. */
export function visitCellValue(key: string, row: SheetVisit): unknown {
  if (key === 'enterprise') return row.enterpriseName;
  if (key === 'enterpriseUscc') return row.enterpriseUscc;
  return fieldOf(key, row);
}
