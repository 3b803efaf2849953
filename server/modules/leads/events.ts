import { type SQL, and, count, desc, eq, getTableColumns, ilike, sql } from 'drizzle-orm';
import type { LeadEventCreateBody, LeadEventUpdateBody } from '../../../common/schemas/leads';
import type { Executor, Tx } from '../../db/client';
import { leadEvents, leads } from '../../db/schema';
import { type Actor, type RequestContext, can } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors';
import { containsPattern, pageWindow } from '../../lib/list';
import { districtRecordInReach } from '../../lib/scope';
import { updateAtVersion } from '../../lib/versioned';
import { actorDistrict } from '../regions';
import { invalid } from './service';

// Source events (an outbound trip, a fair) belong to the district like its leads: everyone of the district in reach
// sees them; whoever holds lead.manage records and edits them.

/** SQL: the event is visible to the actor. */
export const eventScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, leadEvents.regionCode);

const withCount = (db: Executor) =>
  db
    .select({
      ...getTableColumns(leadEvents),
      leadCount: sql<number>`(select count(*)::int from ${leads} produced where produced.event_id = "lead_events"."id")`,
    })
    .from(leadEvents);

export type EventRow = Awaited<ReturnType<typeof findEvent>> & {};

/** One event the actor may see, or null. */
export async function findEvent(db: Executor, actor: Actor, id: string) {
  const [row] = await withCount(db).where(and(eq(leadEvents.id, id), eventScopeCondition(actor)));
  return row ?? null;
}

/** The events the actor sees, latest first. */
export async function listEvents(
  db: Executor,
  actor: Actor,
  query: { page: number; pageSize: number; q?: string; kind?: 'trip' | 'fair' },
) {
  const where = and(
    eventScopeCondition(actor),
    query.q?.trim() ? ilike(leadEvents.name, containsPattern(query.q.trim())) : undefined,
    query.kind ? eq(leadEvents.kind, query.kind) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    withCount(db).where(where).orderBy(desc(leadEvents.startsOn), leadEvents.id).limit(limit).offset(offset),
    db.select({ n: count() }).from(leadEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw invalid([{ path: 'endsOn', messageKey: 'lead.event_dates' }]);
}

const auditView = (row: typeof leadEvents.$inferSelect) => ({
  kind: row.kind,
  name: row.name,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  places: row.places,
  notes: row.notes,
});

/** Records an outbound trip or a fair of the reader's district, audited. */
export async function createEvent({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: LeadEventCreateBody }) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'lead.no_district');
  checkDates(input.startsOn, input.endsOn);
  const [row] = await tx
    .insert(leadEvents)
    .values({ ...input, notes: input.notes?.trim() || null, regionCode: district.code, createdBy: ctx.actor.userId })
    .returning();
  if (!row) throw new Error('event not written');
  await recordAudit(tx, ctx, {
    action: 'lead_events.create',
    recordType: 'lead_event',
    recordId: row.id,
    regionCode: row.regionCode,
    after: auditView(row),
  });
  const created = await findEvent(tx, ctx.actor, row.id);
  if (!created) throw notFound();
  return created;
}

/** Edits an event at the version read, audited. */
export async function updateEvent({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: LeadEventUpdateBody }) {
  const before = await findEvent(tx, ctx.actor, id);
  if (!before) throw notFound();
  if (!can(ctx.actor, 'lead.manage')) throw forbidden();
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  checkDates(changes.startsOn ?? before.startsOn, changes.endsOn ?? before.endsOn);
  const row = await updateAtVersion(tx, leadEvents, { key: leadEvents.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'lead_events.update',
    recordType: 'lead_event',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  const after = await findEvent(tx, ctx.actor, id);
  if (!after) throw notFound();
  return after;
}
