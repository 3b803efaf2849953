import type { AuditEvent } from '../../../common/schemas/reference';
import type { AuditEventRow } from './repository';
import type { Subject } from './subjects';

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The ids a record's values name, for the page to show their names. */
const idsIn = (record: Record<string, unknown> | null): string[] =>
  Object.values(record ?? {}).flatMap((value) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []));

/**
 * An audit event as the API shows it: the id as a string (it is a bigint), times in ISO 8601, the record named and
 * its project (in the reader's scope), the names of the ids its values hold.
 */
export const presentAuditEvent = (
  row: AuditEventRow,
  { subjects, names, actors }: { subjects: Map<string, Subject>; names: Map<string, string>; actors: Map<string, string> },
): AuditEvent => {
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  const subject = subjects.get(`${row.recordType}:${row.recordId}`);
  const valueNames: Record<string, string> = {};
  for (const id of [...idsIn(before), ...idsIn(after)]) {
    const name = names.get(id);
    if (name) valueNames[id] = name;
  }
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName: (row.actorId && actors.get(row.actorId)) || null,
    ip: row.ip,
    requestId: row.requestId,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    recordName: subject?.name ?? subject?.project?.name ?? null,
    recordProject: subject?.project ?? null,
    about: subject?.about ?? null,
    valueNames,
    before,
    after,
  };
};
