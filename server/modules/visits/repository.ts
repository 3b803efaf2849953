import { type SQL, and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { VisitListQuery } from '../../../common/schemas/visits';
import type { Executor } from '../../db/client';
import { enterprises, regions, units, users, visitDemands, visits } from '../../db/schema';
import { type Actor, can } from '../../lib/actor';
import { containsPattern, pageBatches, pageWindow } from '../../lib/list';
import { dataScopeCondition, likePrefix, visibleWhen } from '../../lib/scope';

export type VisitRecord = typeof visits.$inferSelect;
export type VisitRow = VisitRecord & {
  enterpriseName: string;
  enterpriseUscc: string | null;
  unitName: string;
  /** The visiting unit lies in the reader's data scope (or he recorded it): he may correct or remove it. */
  editable: boolean;
};

/**
 * Who sees a visit (lib/scope.ts): in reach of the district, the visiting unit in the reader's data scope (a unit sees
 * its own visits; `own`: the ones he recorded) — and every visit of the district for the register's keepers
 * (enterprise.manage: the project office and the investment staff), who follow the district's service to enterprises.
 */
export const visitScopeCondition = (actor: Actor): SQL =>
  visibleWhen(actor, {
    district: visits.regionCode,
    units: [visits.unitId],
    owner: visits.createdBy,
    also: can(actor, 'enterprise.manage') ? [sql`true`] : [],
  });

const inDataScope = (actor: Actor): SQL => dataScopeCondition(actor, { unitId: visits.unitId, ownerId: visits.createdBy });

const selection = (actor: Actor) => ({
  id: visits.id,
  regionCode: visits.regionCode,
  enterpriseId: visits.enterpriseId,
  unitId: visits.unitId,
  visitDate: sql<string>`${visits.visitDate}::text`,
  visitorUserIds: visits.visitorUserIds,
  visitorNames: visits.visitorNames,
  purpose: visits.purpose,
  notes: visits.notes,
  createdBy: visits.createdBy,
  version: visits.version,
  createdAt: visits.createdAt,
  updatedAt: visits.updatedAt,
  enterpriseName: enterprises.name,
  enterpriseUscc: enterprises.uscc,
  unitName: units.name,
  editable: sql<boolean>`${inDataScope(actor)}`,
});

const scopedVisits = (db: Executor, actor: Actor) =>
  db
    .select(selection(actor))
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .innerJoin(units, eq(units.id, visits.unitId));

/** One visit the actor may see, or null. */
export async function findVisit(db: Executor, actor: Actor, id: string): Promise<VisitRow | null> {
  const [row] = await scopedVisits(db, actor).where(and(eq(visits.id, id), visitScopeCondition(actor)));
  return row ?? null;
}

function listCondition(actor: Actor, query: Omit<VisitListQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined {
  const q = query.q?.trim();
  return and(
    visitScopeCondition(actor),
    q ? or(ilike(enterprises.name, containsPattern(q)), ilike(visits.purpose, containsPattern(q))) : undefined,
    query.enterpriseId ? eq(visits.enterpriseId, query.enterpriseId) : undefined,
    query.unitId ? eq(visits.unitId, query.unitId) : undefined,
    query.from ? gte(visits.visitDate, query.from) : undefined,
    query.to ? lte(visits.visitDate, query.to) : undefined,
  );
}

/** A page of the visits the actor sees, latest first. */
export async function listVisits(db: Executor, actor: Actor, query: VisitListQuery) {
  const where = listCondition(actor, query);
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    scopedVisits(db, actor)
      .where(where)
      .orderBy(desc(visits.visitDate), desc(visits.createdAt), asc(visits.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(visits).innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every visit the actor sees that matches the list's filters, latest first, a batch at a time (the sheet's download). */
export const visitBatches = (db: Executor, actor: Actor, query: Omit<VisitListQuery, 'page' | 'pageSize'>) =>
  pageBatches((window) => listVisits(db, actor, { ...query, ...window }));

/**
 * The visits of a district as a sheet tells them apart — enterprise, day, visiting unit and purpose — so a row naming
 * one already recorded (an export going back in, a file imported twice) is not recorded again.
 */
export async function recordedVisitKeys(db: Executor, regionCode: string) {
  const rows = await db
    .select({
      enterpriseId: visits.enterpriseId,
      visitDate: sql<string>`${visits.visitDate}::text`,
      unitId: visits.unitId,
      purpose: visits.purpose,
    })
    .from(visits)
    .where(eq(visits.regionCode, regionCode));
  return new Set(rows.map(visitKey));
}

/** What tells a visit apart in a sheet (recordedVisitKeys). */
export const visitKey = (v: { enterpriseId: string; visitDate: string; unitId: string; purpose: string }) =>
  [v.enterpriseId, v.visitDate, v.unitId, v.purpose.trim()].join('|');

/** Every visit the actor sees in a span of days (for the statistics), with its unit's name. */
export async function visitsForStats(db: Executor, actor: Actor, span: { from: string; to: string; enterpriseId?: string }) {
  return scopedVisits(db, actor).where(listCondition(actor, span));
}

/** The matters each visit raised, in the order raised. */
export async function demandIdsOf(db: Executor, visitIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (visitIds.length === 0) return result;
  const rows = await db
    .select({ visitId: visitDemands.visitId, matterId: visitDemands.matterId })
    .from(visitDemands)
    .where(inArray(visitDemands.visitId, visitIds))
    .orderBy(visitDemands.visitId, visitDemands.position);
  for (const row of rows) result.set(row.visitId, [...(result.get(row.visitId) ?? []), row.matterId]);
  return result;
}

/**
 * The visit a demand (a matter of source enterprise_demand) was raised in, for a reader who sees the matter (the caller
 * checked): the enterprise's name and the day always; the visit's and the enterprise's ids only when the reader also
 * sees the visit (visitScopeCondition). Null when the matter was not raised in a visit.
 */
export async function visitOfDemand(db: Executor, actor: Actor, matterId: string) {
  const [row] = await db
    .select({
      visitId: visits.id,
      enterpriseId: visits.enterpriseId,
      enterpriseName: enterprises.name,
      visitDate: sql<string>`${visits.visitDate}::text`,
      visible: sql<boolean>`(${visitScopeCondition(actor)}) is true`,
    })
    .from(visitDemands)
    .innerJoin(visits, eq(visits.id, visitDemands.visitId))
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .where(eq(visitDemands.matterId, matterId))
    .limit(1);
  if (!row) return null;
  const visible = !!row.visible;
  return {
    visitId: visible ? row.visitId : null,
    enterpriseId: visible ? row.enterpriseId : null,
    enterpriseName: row.enterpriseName,
    visitDate: row.visitDate,
  };
}

/** The names of the platform users among the visitors. */
export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Of the given units, those of the district that lie in the actor's data scope (the units he may record for). */
export async function unitsHeMayRecordFor(db: Executor, actor: Actor, districtPath: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(
      and(inArray(units.id, ids), sql`${regions.path} like ${likePrefix(districtPath)}`, dataScopeCondition(actor, { unitId: units.id })),
    );
  return new Set(rows.map((row) => row.id));
}

/** Of the given users, those whose unit belongs to the district. */
export async function usersOfDistrict(db: Executor, districtPath: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(inArray(users.id, ids), sql`${regions.path} like ${likePrefix(districtPath)}`));
  return new Set(rows.map((row) => row.id));
}

export async function insertVisit(tx: Executor, values: typeof visits.$inferInsert): Promise<VisitRecord> {
  const [row] = await tx.insert(visits).values(values).returning();
  if (!row) throw new Error('visit not written');
  return row;
}

export async function insertVisitDemands(tx: Executor, visitId: string, matterIds: string[]) {
  if (matterIds.length === 0) return;
  await tx.insert(visitDemands).values(matterIds.map((matterId, position) => ({ visitId, matterId, position })));
}

export async function lockVisit(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${visits} where ${visits.id} = ${id} for update`);
}

export async function deleteVisitRow(tx: Executor, id: string) {
  await tx.delete(visits).where(eq(visits.id, id));
}
