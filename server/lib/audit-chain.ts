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

// Events per statement: the chain is computed row after row by a recursive query, a few hundred at a time.
const BATCH = 500;

/** The digest of an `input` row of `appendAuditEvents`, chained to `prev`. */
const digest = (prev: SQL, at: string) =>
  sql`audit_event_digest(${prev}, ${at}::timestamptz, i.actor_id::uuid, i.actor_name, i.actor_unit_id::uuid, i.region_code, i.ip,
    i.request_id, i.action, i.record_type, i.record_id, i.before, i.after)`;

/**
 * Appends events to the hash chain, in order: takes the chain lock for the rest of the transaction (so the next
 * writer sees these events as the previous ones), then inserts them a batch per statement, each row carrying the
 * previous row's hash and its own digest, computed by the database function `audit_event_digest` that
 * `verifyAuditChain` uses too. A recursive query links the rows of a batch; ids follow the same order.
 */
export async function appendAuditEvents(executor: Executor, rows: AuditRow[]) {
  if (!rows.length) return;
  if (!(executor instanceof PgTransaction)) {
    // A lone statement cannot hold the lock until the insert is visible: give it its own transaction.
    await executor.transaction((tx) => appendAuditEvents(tx, rows));
    return;
  }
  await executor.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const at = new Date().toISOString();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(
      rows.slice(start, start + BATCH).map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null })),
    );
    await executor.execute(sql`
      with recursive input as (
        select n, r->>'actorId' as actor_id, r->>'actorName' as actor_name, r->>'actorUnitId' as actor_unit_id,
          r->>'regionCode' as region_code, r->>'ip' as ip, r->>'requestId' as request_id, r->>'action' as action,
          r->>'recordType' as record_type, r->>'recordId' as record_id,
          nullif(r->'before', 'null'::jsonb) as before, nullif(r->'after', 'null'::jsonb) as after
        from jsonb_array_elements(${batch}::jsonb) with ordinality as e(r, n)
      ), chain as (
        select i.*, p.prev, ${digest(sql`p.prev`, at)} as hash
          from input i, (select (select hash from audit_events order by id desc limit 1) as prev) p where i.n = 1
        union all
        select i.*, c.hash, ${digest(sql`c.hash`, at)}
          from chain c join input i on i.n = c.n + 1
      )
      insert into audit_events (at, actor_id, actor_name, actor_unit_id, region_code, ip, request_id, action, record_type, record_id, before, after, prev_hash, hash)
      select ${at}::timestamptz, actor_id::uuid, actor_name, actor_unit_id::uuid, region_code, ip, request_id, action, record_type, record_id,
        before, after, prev, hash
      from chain order by n`);
  }
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
