import { type AnyColumn, type SQL, and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { COURTING_STAGES } from '../../../common/domain/leads';
import type { LeadStage } from '../../../common/enums';
import type { Locale } from '../../../common/locale';
import type { LeadListQuery } from '../../../common/schemas/leads';
import type { Executor } from '../../db/client';
import { dictionaryItems, enterprises, leadEvents, leadFollowUps, leadStageMoves, leads, projects, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { namesIndex } from '../../lib/spreadsheets/sheet-names';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { districtRecordInReach } from '../../lib/scope';

// Who sees a lead (lib/scope.ts): the leads are the district's, like its enterprise register — the investment
// promotion centre, the units' 招商 staff, the project office and the leaders all work from one pipeline — so the
// rule is the district's reach: the district and its streets, and the city or province above. Who may change one is
// the policy's (the owner's unit); out of scope is not found.

export type LeadRecord = typeof leads.$inferSelect;
export type LeadRow = LeadRecord & {
  enterpriseName: string | null;
  enterpriseUscc: string | null;
  eventName: string | null;
  eventKind: 'trip' | 'fair' | null;
  ownerName: string;
  unitName: string;
  unitPath: string;
  leaderName: string | null;
  industryName: string | null;
  chainName: string | null;
  projectName: string | null;
  projectPool: string | null;
};

/** SQL: the lead is visible to the actor. */
export const leadScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, leads.regionCode);

const owners = alias(users, 'lead_owner');
const leaderUsers = alias(users, 'lead_leader');
const leadUnits = alias(units, 'lead_unit');
const industries = alias(dictionaryItems, 'lead_industry');
const chains = alias(dictionaryItems, 'lead_chain');

const scopedLeads = (db: Executor, locale: Locale) =>
  db
    .select({
      ...getTableColumns(leads),
      enterpriseName: enterprises.name,
      enterpriseUscc: enterprises.uscc,
      eventName: leadEvents.name,
      eventKind: leadEvents.kind,
      ownerName: owners.displayName,
      unitName: leadUnits.name,
      unitPath: leadUnits.path,
      leaderName: leaderUsers.displayName,
      industryName: locale === 'zh-CN' ? industries.name : industries.nameEn,
      chainName: locale === 'zh-CN' ? chains.name : chains.nameEn,
      projectName: projects.name,
      projectPool: projects.pool,
    })
    .from(leads)
    .innerJoin(owners, eq(owners.id, leads.ownerId))
    .innerJoin(leadUnits, eq(leadUnits.id, leads.unitId))
    .leftJoin(leaderUsers, eq(leaderUsers.id, leads.leaderId))
    .leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
    .leftJoin(leadEvents, eq(leadEvents.id, leads.eventId))
    .leftJoin(industries, and(eq(industries.type, 'industry'), eq(industries.code, leads.industryCode)))
    .leftJoin(chains, and(eq(chains.type, 'industry_chain'), eq(chains.code, leads.chainCode)))
    .leftJoin(projects, eq(projects.id, leads.projectId));

/** One lead the actor may see, or null. */
export async function findLead(db: Executor, actor: Actor, id: string): Promise<LeadRow | null> {
  const [row] = await scopedLeads(db, actor.locale).where(and(eq(leads.id, id), leadScopeCondition(actor)));
  return row ?? null;
}

/** Locks a lead's row for the rest of the transaction. */
export async function lockLead(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${leads} where ${leads.id} = ${id} for update`);
}

const courting = sql.raw(COURTING_STAGES.map((s) => `'${s}'`).join(', '));

/**
 * SQL: a service clock of the lead has run out by `today` — the same rule as `overdueClocks` (common/domain/leads.ts),
 * for the list's `overdue` filter and the reminder job: answer in 1 day, assess in 3, feed back in 7, follow up every 14.
 */
export const overdueCondition = (today: string): SQL => sql`(${leads.stage} in (${courting}) and (
  (${leads.stage} = 'lead' and ${leads.firstContactOn} is null and ${leads.receivedOn} + 1 < ${today}::date)
  or (${leads.stage} = 'lead' and ${leads.receivedOn} + 3 < ${today}::date)
  or (${leads.referrer} is not null and ${leads.feedbackOn} is null and ${leads.receivedOn} + 7 < ${today}::date)
  or (coalesce(${leads.lastContactOn}, ${leads.receivedOn}) + 14 < ${today}::date)))`;

function searchCondition(q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  return or(ilike(leads.name, containsPattern(text)), ilike(enterprises.name, containsPattern(text)));
}

/** The list's conditions but the stage (the board counts every stage under the others). */
function filterConditions(actor: Actor, query: Omit<LeadListQuery, 'page' | 'pageSize'>, today: string) {
  return [
    leadScopeCondition(actor),
    query.q ? searchCondition(query.q) : undefined,
    query.unitId ? eq(leads.unitId, query.unitId) : undefined,
    query.method?.length ? inArray(leads.method, query.method) : undefined,
    query.ownerId ? eq(leads.ownerId, query.ownerId) : undefined,
    query.enterpriseId ? eq(leads.enterpriseId, query.enterpriseId) : undefined,
    query.eventId ? eq(leads.eventId, query.eventId) : undefined,
    query.projectId ? eq(leads.projectId, query.projectId) : undefined,
    query.chainNodeId ? eq(leads.chainNodeId, query.chainNodeId) : undefined,
    query.industryCode ? eq(leads.industryCode, query.industryCode) : undefined,
    query.overdue === 'true' ? overdueCondition(today) : query.overdue === 'false' ? sql`not ${overdueCondition(today)}` : undefined,
  ];
}

const SORTS: Record<string, AnyColumn> = {
  updatedAt: leads.updatedAt,
  receivedOn: leads.receivedOn,
  investment: leads.estimatedInvestmentYuan,
  name: leads.name,
};

/** A page of the leads the actor sees (latest changed first unless `sort` says otherwise), and how many per stage. */
export async function listLeads(db: Executor, actor: Actor, query: LeadListQuery, today: string) {
  const base = filterConditions(actor, query, today);
  const where = and(...base, query.stage?.length ? inArray(leads.stage, query.stage) : undefined);
  const { limit, offset } = pageWindow(query);
  const order = orderFor(query.sort, SORTS, [sql`${leads.updatedAt} desc`], leads.id);
  // The enterprise's name is searched, so the counts join it only when `q` asks.
  const counted = (selection: Executor) => {
    const from = selection.select({ stage: leads.stage, n: count() }).from(leads);
    return (query.q ? from.leftJoin(enterprises, eq(enterprises.id, leads.enterpriseId)) : from).where(and(...base)).groupBy(leads.stage);
  };
  const [rows, perStage] = await Promise.all([
    scopedLeads(db, actor.locale)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    counted(db),
  ]);
  const stageCounts: Partial<Record<LeadStage, number>> = {};
  for (const s of perStage) stageCounts[s.stage] = s.n;
  const total = query.stage?.length
    ? perStage.filter((s) => query.stage?.includes(s.stage)).reduce((sum, s) => sum + s.n, 0)
    : perStage.reduce((sum, s) => sum + s.n, 0);
  return { rows, total, stageCounts };
}

/**
 * The leads the actor sees that match the list's filters (stage included), in the list's order, a batch at a time,
 * without the per-stage counts. An unknown `sort` is refused (400) when called, before a download starts streaming.
 */
export function leadBatches(db: Executor, actor: Actor, query: Omit<LeadListQuery, 'page' | 'pageSize'>, today: string, size = 500) {
  const where = and(...filterConditions(actor, query, today), query.stage?.length ? inArray(leads.stage, query.stage) : undefined);
  const order = orderFor(query.sort, SORTS, [sql`${leads.updatedAt} desc`], leads.id);
  return (async function* () {
    for (let offset = 0; ; offset += size) {
      const rows = await scopedLeads(db, actor.locale)
        .where(where)
        .orderBy(...order)
        .limit(size)
        .offset(offset);
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  })();
}

/**
 * What a leads sheet names, in a district: its leads by name (to update; a name several leads share is ambiguous), its
 * source events by name — each name compared as a sheet's (sheetNameKey). Its enterprises are the register's
 * (`enterpriseSheetNames`).
 */
export async function leadSheetReferences(db: Executor, regionCode: string) {
  const [leadRows, eventRows] = await Promise.all([
    db.select({ id: leads.id, name: leads.name }).from(leads).where(eq(leads.regionCode, regionCode)),
    db.select({ id: leadEvents.id, name: leadEvents.name }).from(leadEvents).where(eq(leadEvents.regionCode, regionCode)),
  ]);
  return { leadsNamed: namesIndex(leadRows), eventsNamed: namesIndex(eventRows) };
}

export async function insertLead(tx: Executor, values: typeof leads.$inferInsert): Promise<LeadRecord> {
  const [row] = await tx.insert(leads).values(values).returning();
  if (!row) throw new Error('lead not written');
  return row;
}

/** The follow-up log of a lead, latest first, with its authors' names. */
export async function followUpsOf(db: Executor, leadId: string) {
  return db
    .select({ ...getTableColumns(leadFollowUps), authorName: users.displayName })
    .from(leadFollowUps)
    .leftJoin(users, eq(users.id, leadFollowUps.authorId))
    .where(eq(leadFollowUps.leadId, leadId))
    .orderBy(desc(leadFollowUps.on), desc(leadFollowUps.createdAt));
}

/** The stages a lead went through, in order. */
export async function movesOf(db: Executor, leadId: string) {
  return db
    .select({ ...getTableColumns(leadStageMoves), actorName: users.displayName })
    .from(leadStageMoves)
    .leftJoin(users, eq(users.id, leadStageMoves.actorId))
    .where(eq(leadStageMoves.leadId, leadId))
    .orderBy(asc(leadStageMoves.on), asc(leadStageMoves.createdAt));
}

/** The ids of the district's active users among `ids`, and among them the leaders. */
export async function districtUsers(db: Executor, regionCode: string, ids: string[]) {
  if (!ids.length) return new Map<string, { roleCode: string; unitId: string }>();
  const rows = await db
    .select({ id: users.id, roleCode: users.roleCode, unitId: users.unitId })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        inArray(users.id, ids),
        eq(users.status, 'active'),
        sql`${units.regionCode} in (select code from regions where path like (select path from regions where code = ${regionCode}) || '%')`,
      ),
    );
  return new Map(rows.map((r) => [r.id, { roleCode: r.roleCode, unitId: r.unitId }]));
}

/** True when the unit is of the district (the district itself or one of its streets). */
export async function unitOfDistrict(db: Executor, regionCode: string, unitId: string) {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.id, unitId),
        sql`${units.regionCode} in (select code from regions where path like (select path from regions where code = ${regionCode}) || '%')`,
      ),
    );
  return !!row;
}

/** The enterprise of the district's register, or null. */
export async function districtEnterprise(db: Executor, regionCode: string, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, industryCode: enterprises.industryCode })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), eq(enterprises.regionCode, regionCode)));
  return row ?? null;
}

/** The source event of the district, or null. */
export async function districtEvent(db: Executor, regionCode: string, id: string) {
  const [row] = await db
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(and(eq(leadEvents.id, id), eq(leadEvents.regionCode, regionCode)));
  return row ?? null;
}
