import { and, count, desc, eq, gte, ilike, inArray, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditListQuery } from '../../../common/schemas/reference';
import { SESSION_AUDIT_ACTIONS } from '../../../common/domain/audit';
import type { Executor } from '../../db/client';
import { auditEvents, projects, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { visibleWhen } from '../../lib/scope';
import { projectScopeCondition } from '../projects';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idsOf = (rows: AuditEventRow[], type: string) => [
  ...new Set(rows.filter((r) => r.recordType === type && r.recordId && UUID.test(r.recordId)).map((r) => r.recordId as string)),
];

/**
 * The names of the records a page of events is about, keyed `type:id`: projects the actor may see (one outside his
 * scope stays unnamed, as it would be unlisted), units and users (whose names the log already shows as actors).
 */
export async function recordNamesOf(db: Executor, actor: Actor, rows: AuditEventRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const projectIds = idsOf(rows, 'project');
  const unitIds = idsOf(rows, 'unit');
  const userIds = idsOf(rows, 'user');
  const [projectRows, unitRows, userRows] = await Promise.all([
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.name })
          .from(projects)
          .where(and(inArray(projects.id, projectIds), projectScopeCondition(actor)))
      : [],
    unitIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  for (const r of projectRows) names.set(`project:${r.id}`, r.name);
  for (const r of unitRows) names.set(`unit:${r.id}`, r.name);
  for (const r of userRows) names.set(`user:${r.id}`, r.name);
  return names;
}

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
