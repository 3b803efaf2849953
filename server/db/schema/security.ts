import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './organisation';

/** Server-side sessions; the cookie holds a random token and only its keyed hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Tokens for other systems: stored hashed, limited to a set of permissions, revocable, expiring. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Append-only record of every write; no API updates or deletes it. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorUnitId: uuid('actor_unit_id'),
    /** The region the event belongs to, for scoping who may read it. */
    regionCode: text('region_code'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * Tamper evidence: each event's hash covers its content and the previous event's hash (a chain). An event is
     * written unchained and sealed into the chain moments later (server/lib/audit-chain.ts `sealAuditChain`): its
     * place in the chain is `chain_seq`, the order the sealer met it in, so no write waits for another's.
     */
    prevHash: text('prev_hash'),
    hash: text('hash'),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('audit_chain_seq_idx').on(t.chainSeq),
    // The events still to seal, in the order they were written: what the sealer reads every second.
    index('audit_unsealed_idx').on(t.id).where(sql`${t.chainSeq} is null`),
    index('audit_at_idx').on(t.at),
    index('audit_action_idx').on(t.action),
    index('audit_record_idx').on(t.recordType, t.recordId),
    index('audit_actor_idx').on(t.actorId),
  ],
);

/** One row of instance-wide settings the administrator edits. */
export const settings = pgTable('settings', {
  id: integer('id').primaryKey().default(1),
  sessionIdleMinutes: integer('session_idle_minutes').notNull().default(30),
  sessionAbsoluteHours: integer('session_absolute_hours').notNull().default(12),
  lockoutThreshold: integer('lockout_threshold').notNull().default(5),
  lockoutBaseMinutes: integer('lockout_base_minutes').notNull().default(1),
  /** An intranet map tile server (`https://tiles.example/{z}/{x}/{y}.png`) drawn under the one map; none by default. */
  mapTileUrl: text('map_tile_url'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per run of a scheduled job and period (`2026-11-23`, `2026-11`): inserting it claims the run, so two
 * instances on one database run each job once per period.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    periodKey: text('period_key').notNull(),
    instanceId: text('instance_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** What the run did (counts) or why it failed. */
    outcome: jsonb('outcome'),
  },
  (t) => [primaryKey({ columns: [t.job, t.periodKey] })],
);
