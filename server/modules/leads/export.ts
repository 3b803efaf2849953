import { fieldOf } from '../../lib/spreadsheets/record-sheet';
import type { LeadRow } from './repository';

/** A column of the leads sheet for a lead: its field, or the name a sheet writes for what it keeps by id. */
export function leadCellValue(key: string, row: LeadRow): unknown {
  if (key === 'enterprise') return row.enterpriseName;
  if (key === 'enterpriseUscc') return row.enterpriseUscc;
  if (key === 'event') return row.eventName;
  if (key === 'owner') return row.ownerName;
  return fieldOf(key, row);
}
