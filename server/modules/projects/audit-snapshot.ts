import { type ProjectDraft, draftOf } from './draft';
import type { ProjectDetailRow } from './repository';

/**
 * Custom values in key order. The database keeps a JSON object's keys in its own order and a checked draft in
 * display order; an audit diff compares values, so both sides are written in one order.
 */
export const orderedCustomValues = (values: ProjectDraft['customValues']): ProjectDraft['customValues'] =>
  Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The fields an audit event of a project records: every editable field, the link lists and the owning district. */
export function auditSnapshot(row: ProjectDetailRow) {
  const draft = draftOf(row);
  return {
    ...draft,
    customValues: orderedCustomValues(draft.customValues),
    regionCode: row.regionCode,
    codeRegionCode: row.codeRegionCode,
  };
}
