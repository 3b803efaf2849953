import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/migrate';

const CHAIN_LOCK = 727276;

export type AuditRow = {
  actorId: string | null;
  actorName: string | null;
  actorUnitId: string | null;
  regionCode: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  before: unknown;
  after: unknown;
};

/**
 * Appends an event to the hash chain: takes the chain lock for the rest of the transaction (so the next writer
 * sees this event as the previous one), then inserts the row with its previous hash and its own digest, computed by
 * the database function `audit_event_digest` that `verifyAuditChain` uses too.
 */
export async function appendAuditEvent(executor: Executor, row: AuditRow) {
  if (!(executor instanceof PgTransaction)) {
    // A lone statement cannot hold the lock until the insert is visible: give it its own transaction.
    await executor.transaction((tx) => appendAuditEvent(tx, row));
    return;
  }
  await executor.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const at = new Date().toISOString();
  const before = row.before === null || row.before === undefined ? null : JSON.stringify(row.before);
  const after = row.after === null || row.after === undefined ? null : JSON.stringify(row.after);
  const prev: SQL = sql`(select hash from audit_events order by id desc limit 1)`;
  await executor.execute(sql`
    insert into audit_events (at, actor_id, actor_name, actor_unit_id, region_code, ip, request_id, action, record_type, record_id, before, after, prev_hash, hash)
    values (${at}::timestamptz, ${row.actorId}, ${row.actorName}, ${row.actorUnitId}, ${row.regionCode}, ${row.ip}, ${row.requestId}, ${row.action},
      ${row.recordType}, ${row.recordId}, ${before}::jsonb, ${after}::jsonb, ${prev},
      audit_event_digest(${prev}, ${at}::timestamptz, ${row.actorId}::uuid, ${row.actorName}, ${row.actorUnitId}::uuid, ${row.regionCode}, ${row.ip},
        ${row.requestId}, ${row.action}, ${row.recordType}, ${row.recordId}, ${before}::jsonb, ${after}::jsonb))`);
}

export type ChainReport = { events: number; head: string | null; broken: { id: number; reason: 'content_changed' | 'link_broken' }[] };

/** Recomputes the whole chain in id order and names every event whose content or link no longer matches. */
export async function verifyAuditChain(executor: Executor): Promise<ChainReport> {
  const result = await executor.execute(sql`
    select id, hash, prev_hash, lag(hash) over (order by id) as expected_prev,
      audit_event_digest(prev_hash, at, actor_id, actor_name, actor_unit_id, region_code, ip, request_id, action, record_type, record_id, before, after) as recomputed
    from audit_events order by id`);
  const rows = rowsOf<{
    id: number | string;
    hash: string | null;
    prev_hash: string | null;
    expected_prev: string | null;
    recomputed: string;
  }>(result);
  const broken: ChainReport['broken'] = [];
  for (const row of rows) {
    if (row.hash !== row.recomputed) broken.push({ id: Number(row.id), reason: 'content_changed' });
    else if (row.prev_hash !== row.expected_prev) broken.push({ id: Number(row.id), reason: 'link_broken' });
  }
  return { events: rows.length, head: rows.at(-1)?.hash ?? null, broken };
}
