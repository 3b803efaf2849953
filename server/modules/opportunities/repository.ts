import { type AnyColumn, type SQL, and, count, desc, eq, getTableColumns, ilike, isNull, gte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OpportunityListQuery, PublicOpportunityListQuery } from '../../../common/schemas/opportunities';
import type { Executor } from '../../db/client';
import { opportunities, regions, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { districtRecordInReach } from '../../lib/scope';

// Who sees an opportunity (lib/scope.ts): the list is the district's, kept by its investment staff whatever their
// unit, so the rule is the district's reach alone (as the enterprise register). Out of scope is not found. The public
// sees only published, unexpired items, through `publicOpportunities` and `publicOpportunity` below.

export type OpportunityRecord = typeof opportunities.$inferSelect;
export type OpportunityRow = OpportunityRecord & {
  regionName: string;
  createdByName: string | null;
  reviewedByName: string | null;
};

/** SQL: the item is visible to the actor. */
export const opportunityScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, opportunities.regionCode);

const author = alias(users, 'opportunity_author');
const reviewer = alias(users, 'opportunity_reviewer');

const withNames = (db: Executor) =>
  db
    .select({
      ...getTableColumns(opportunities),
      regionName: regions.name,
      createdByName: author.displayName,
      reviewedByName: reviewer.displayName,
    })
    .from(opportunities)
    .innerJoin(regions, eq(regions.code, opportunities.regionCode))
    .leftJoin(author, eq(author.id, opportunities.createdBy))
    .leftJoin(reviewer, eq(reviewer.id, opportunities.reviewedBy));

/** One item the actor may see, or null. */
export async function findOpportunity(db: Executor, actor: Actor, id: string): Promise<OpportunityRow | null> {
  const [row] = await withNames(db).where(and(eq(opportunities.id, id), opportunityScopeCondition(actor)));
  return row ?? null;
}

const SORTS: Record<string, AnyColumn> = {
  title: opportunities.title,
  validTo: opportunities.validTo,
  updatedAt: opportunities.updatedAt,
  createdAt: opportunities.createdAt,
};

/** A page of the items the actor sees, most recently changed first unless `sort` says otherwise. */
export async function listOpportunities(db: Executor, actor: Actor, query: OpportunityListQuery) {
  const text = query.q?.trim();
  const where = and(
    opportunityScopeCondition(actor),
    query.status ? eq(opportunities.status, query.status) : undefined,
    query.kind ? eq(opportunities.kind, query.kind) : undefined,
    text ? or(ilike(opportunities.title, containsPattern(text)), ilike(opportunities.description, containsPattern(text))) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const order = orderFor(query.sort, SORTS, [sql`${opportunities.updatedAt} desc`], opportunities.id);
  const [rows, [total]] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(opportunities).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** How many items of each state the actor sees (the page's tabs). */
export async function countOpportunitiesByStatus(db: Executor, actor: Actor) {
  return db
    .select({ status: opportunities.status, n: count() })
    .from(opportunities)
    .where(opportunityScopeCondition(actor))
    .groupBy(opportunities.status);
}

/** Locks an item's row for the rest of the transaction. */
export async function lockOpportunity(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${opportunities} where ${opportunities.id} = ${id} for update`);
}

export async function insertOpportunity(tx: Executor, values: typeof opportunities.$inferInsert): Promise<OpportunityRecord> {
  const [row] = await tx.insert(opportunities).values(values).returning();
  if (!row) throw new Error('opportunity not written');
  return row;
}

export async function deleteOpportunityRow(tx: Executor, id: string) {
  await tx.delete(opportunities).where(eq(opportunities.id, id));
}

// --- The public side: no actor, no scope but "published and not expired"; only the public columns are read. ---

const publicColumns = {
  id: opportunities.publicId,
  kind: opportunities.kind,
  title: opportunities.title,
  description: opportunities.description,
  location: opportunities.location,
  regionName: regions.name,
  contactName: opportunities.contactName,
  contactPhone: opportunities.contactPhone,
  validFrom: opportunities.validFrom,
  validTo: opportunities.validTo,
  publishedAt: opportunities.publishedAt,
};

const publiclyVisible = (today: string) =>
  and(eq(opportunities.status, 'published'), or(isNull(opportunities.validTo), gte(opportunities.validTo, today)));

/** A page of the published, unexpired items (newest first), public columns only. */
export async function publicOpportunities(db: Executor, today: string, query: PublicOpportunityListQuery) {
  const where = and(publiclyVisible(today), query.kind ? eq(opportunities.kind, query.kind) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(opportunities)
      .innerJoin(regions, eq(regions.code, opportunities.regionCode))
      .where(where)
      .orderBy(desc(opportunities.publishedAt), opportunities.publicId)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(opportunities).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One published, unexpired item by its public id, or null (whatever else it may be). */
export async function publicOpportunity(db: Executor, today: string, publicId: string) {
  const [row] = await db
    .select(publicColumns)
    .from(opportunities)
    .innerJoin(regions, eq(regions.code, opportunities.regionCode))
    .where(and(eq(opportunities.publicId, publicId), publiclyVisible(today)));
  return row ?? null;
}
