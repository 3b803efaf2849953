import { and, count, desc, eq, gte, ilike, inArray, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditListQuery } from '../../../common/schemas/reference';
import { SESSION_AUDIT_ACTIONS } from '../../../common/domain/audit';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { visibleWhen } from '../../lib/scope';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The unit an event belongs to: the acting user's unit when it was recorded, else (sign-ins and failed sign-ins,
 * written before there is an actor) the acting user's current unit. Events with neither stay invisible.
 */
const eventUnit = sql`coalesce(${auditEvents.actorUnitId}, (select eu.unit_id from users eu where eu.id = ${auditEvents.actorId}))`;

/**
 * Events the actor may read, decided inside the query. With the region scope an event belongs to its region
 * when it has one (so another district's events stay invisible even when its actor sits in this district), and
 * to its actor's unit otherwise; the narrower scopes go by the actor's unit (unit tree, unit, custom) or the
 * acting user (own).
 */
const visible = (actor: Actor): SQL =>
  visibleWhen(actor, { eventRegion: auditEvents.regionCode, units: [eventUnit], owner: auditEvents.actorId });

const isSession = inArray(auditEvents.action, [...SESSION_AUDIT_ACTIONS]);
const sessionCondition = (filter: z.infer<typeof auditListQuery>['sessions']) =>
  filter === 'hidden' ? not(isSession) : filter === 'only' ? isSession : undefined;

/** The audit log in the actor's scope, newest first unless sorted otherwise. */
export async function listAuditEvents(db: Executor, actor: Actor, query: z.infer<typeof auditListQuery>) {
  const where = and(
    visible(actor),
    query.q
      ? or(
          ilike(auditEvents.action, containsPattern(query.q)),
          ilike(auditEvents.actorName, containsPattern(query.q)),
          ilike(auditEvents.recordId, containsPattern(query.q)),
        )
      : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.recordType ? eq(auditEvents.recordType, query.recordType) : undefined,
    query.recordId ? eq(auditEvents.recordId, query.recordId) : undefined,
    query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
    query.to ? lte(auditEvents.at, new Date(query.to)) : undefined,
    sessionCondition(query.sessions),
  );
  const order = orderFor(query.sort, { at: auditEvents.at, action: auditEvents.action }, [desc(auditEvents.id)], auditEvents.id);
  const window = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(...order)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
