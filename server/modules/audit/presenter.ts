import type { AuditEvent } from '../../../common/schemas/reference';
import type { AuditEventRow } from './repository';

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** An audit event as the API shows it: the id as a string (it is a bigint), times in ISO 8601, the record named. */
export const presentAuditEvent = (row: AuditEventRow, names: Map<string, string>): AuditEvent => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorName: row.actorName,
  ip: row.ip,
  requestId: row.requestId,
  action: row.action,
  recordType: row.recordType,
  recordId: row.recordId,
  recordName: names.get(`${row.recordType}:${row.recordId}`) ?? null,
  before: asRecord(row.before),
  after: asRecord(row.after),
});
