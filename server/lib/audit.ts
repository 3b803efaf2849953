import type { AuditAction } from '../../common/domain/audit';
import type { Executor } from '../db/client';
import type { RequestContext } from './actor';
import { appendAuditEvents } from './audit-chain';

type Json = Record<string, unknown>;

export type AuditEntry = {
  /** One of the actions the page has words for (`AUDIT_ACTIONS`): a new kind of write adds its action there. */
  action: AuditAction;
  recordType?: string;
  recordId?: string;
  /** The region the record belongs to; defaults to the actor's. */
  regionCode?: string;
  before?: Json | null;
  after?: Json | null;
};

// Never written to the log, whatever a caller passes.
const SECRET_FIELDS = new Set([
  'passwordHash',
  'tokenHash',
  'password',
  'idHash',
  'csrfToken',
  'totpSecret',
  'totpRecoveryHashes',
  'recoveryCode',
]);

/** Keeps only the fields that changed, so an update's event shows exactly what it did. */
export function changedFields(before: Json, after: Json): { before: Json; after: Json } {
  const b: Json = {};
  const a: Json = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SECRET_FIELDS.has(key) || key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

const clean = (value: Json | null | undefined) =>
  value ? Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.has(k))) : null;

/** Records a write in the audit log; call it with the same transaction as the write itself. */
export async function recordAudit(tx: Executor, ctx: RequestContext | SystemContext, entry: AuditEntry) {
  await recordAudits(tx, ctx, [entry]);
}

/** Records many writes of one request at once, in order (an import): one chain lock, a statement per few hundred. */
export async function recordAudits(tx: Executor, ctx: RequestContext | SystemContext, entries: AuditEntry[]) {
  const actor = 'actor' in ctx ? ctx.actor : null;
  const system = 'actor' in ctx ? null : ctx;
  await appendAuditEvents(
    tx,
    entries.map((entry) => ({
      actorId: actor?.userId ?? system?.actorId ?? null,
      actorName: actor?.username ?? system?.actorName ?? null,
      actorUnitId: actor?.unitId ?? system?.actorUnitId ?? null,
      regionCode: entry.regionCode ?? actor?.regionCode ?? system?.regionCode ?? null,
      ip: ctx.ip,
      requestId: ctx.requestId,
      action: entry.action,
      recordType: entry.recordType ?? null,
      recordId: entry.recordId ?? null,
      before: clean(entry.before),
      after: clean(entry.after),
    })),
  );
}

/** A write made by the system or by someone not yet signed in (the `lantu` command, a failed sign-in). */
export type SystemContext = {
  ip: string | null;
  requestId: string | null;
  actorId?: string | null;
  actorName?: string | null;
  /** The unit and region of the person concerned, when known, so the event is visible to their district. */
  actorUnitId?: string | null;
  regionCode?: string | null;
};
