import { type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
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

// Events per statement: an import's thousands are inserted, and sealed, a few hundred at a time.
const BATCH = 500;

/**
 * Appends events to the audit log, in order (ids follow it), unchained: no lock, so audited writes never wait for
 * one another (a month-end burst of submissions runs side by side). `sealAuditChain` chains them moments later; an
 * event rolled back with its transaction is never seen by the sealer.
 */
export async function appendAuditEvents(executor: Executor, rows: AuditRow[]) {
  const at = new Date().toISOString();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(
      rows.slice(start, start + BATCH).map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null })),
    );
    await executor.execute(sql`
      insert into audit_events (at, actor_id, actor_name, actor_unit_id, region_code, ip, request_id, action, record_type, record_id, before, after)
      select ${at}::timestamptz, (r->>'actorId')::uuid, r->>'actorName', (r->>'actorUnitId')::uuid, r->>'regionCode', r->>'ip',
        r->>'requestId', r->>'action', r->>'recordType', r->>'recordId', nullif(r->'before', 'null'::jsonb), nullif(r->'after', 'null'::jsonb)
      from jsonb_array_elements(${batch}::jsonb) with ordinality as e(r, n) order by n`);
  }
}

/** The digest of a `pending` row of `sealAuditChain`, chained to `prev`: the same function `verifyAuditChain` uses. */
const digest = (prev: SQL) =>
  sql`audit_event_digest(${prev}, p.at, p.actor_id, p.actor_name, p.actor_unit_id, p.region_code, p.ip, p.request_id, p.action,
    p.record_type, p.record_id, p.before, p.after)`;

/**
 * Seals the events written since the last seal into the hash chain, in id order: each gets the next place in the
 * chain (`chain_seq`), the previous event's hash and its own. One sealer at a time across every instance (an
 * advisory lock; a second caller returns 0 at once and the next round seals what it left). Only committed events
 * are visible to it, so an event whose transaction commits later simply takes a later place. Answers how many
 * events it sealed.
 */
export async function sealAuditChain(db: Executor): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ taken: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as taken`));
    if (!lock?.taken) return 0;
    let sealed = 0;
    for (;;) {
      const result = await tx.execute(sql`
        with recursive pending as (
          select row_number() over (order by id) as n, e.* from (
            select * from audit_events where chain_seq is null order by id limit ${BATCH}
          ) e
        ), head as (
          select coalesce((select chain_seq from audit_events where chain_seq is not null order by chain_seq desc limit 1), 0) as seq,
            (select hash from audit_events where chain_seq is not null order by chain_seq desc limit 1) as hash
        ), chain as (
          select p.n, p.id, h.seq + 1 as seq, h.hash as prev, ${digest(sql`h.hash`)} as hash
            from pending p, head h where p.n = 1
          union all
          select p.n, p.id, c.seq + 1, c.hash, ${digest(sql`c.hash`)}
            from chain c join pending p on p.n = c.n + 1
        )
        update audit_events a set chain_seq = c.seq, prev_hash = c.prev, hash = c.hash from chain c where a.id = c.id
        returning a.id`);
      const count = rowsOf<{ id: number }>(result).length;
      sealed += count;
      if (count < BATCH) return sealed;
    }
  });
}

/**
 * Seals the chain every `intervalMs` (a second by default) until stopped: the events a server writes are in the
 * chain a moment after their transactions commit. `stop` waits for a round in progress and seals what is left.
 */
export function startAuditSealer(options: { db: Executor; log: Pick<FastifyBaseLogger, 'warn'>; intervalMs?: number }) {
  const { db, log, intervalMs = 1000 } = options;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const round = () =>
    sealAuditChain(db).catch((error) => {
      // The database is unreachable or busy: the next round tries again.
      log.warn({ err: error }, 'audit chain not sealed');
    });
  const timer = setInterval(() => {
    running = running.then(round);
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running;
      await round();
    },
  };
}

export type ChainReport = {
  events: number;
  head: string | null;
  /** Events not sealed yet (written since the sealer's last round): not part of what was checked. */
  unsealed: number;
  broken: { id: number; reason: 'content_changed' | 'link_broken' }[];
};

/**
 * Recomputes the whole chain in its order and names every event whose content or link no longer matches (a removed
 * event breaks the link of the one after it; a place in the chain left empty or taken twice, too).
 */
export async function verifyAuditChain(executor: Executor): Promise<ChainReport> {
  const result = await executor.execute(sql`
    select id, hash, prev_hash, lag(hash) over (order by chain_seq) as expected_prev,
      chain_seq - lag(chain_seq, 1, 0::bigint) over (order by chain_seq) as step,
      audit_event_digest(prev_hash, at, actor_id, actor_name, actor_unit_id, region_code, ip, request_id, action, record_type, record_id, before, after) as recomputed
    from audit_events where chain_seq is not null order by chain_seq`);
  const rows = rowsOf<{
    id: number | string;
    hash: string | null;
    prev_hash: string | null;
    expected_prev: string | null;
    step: number | string;
    recomputed: string;
  }>(result);
  const broken: ChainReport['broken'] = [];
  for (const row of rows) {
    if (row.hash !== row.recomputed) broken.push({ id: Number(row.id), reason: 'content_changed' });
    else if (row.prev_hash !== row.expected_prev || Number(row.step) !== 1) broken.push({ id: Number(row.id), reason: 'link_broken' });
  }
  const [pending] = rowsOf<{ n: number | string }>(
    await executor.execute(sql`select count(*) as n from audit_events where chain_seq is null`),
  );
  return { events: rows.length, head: rows.at(-1)?.hash ?? null, unsealed: Number(pending?.n ?? 0), broken };
}
