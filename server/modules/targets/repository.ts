import { type SQL, and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { CommitmentKind } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { commitmentProgress, commitments, indicatorActuals, indicatorBreakdowns, indicators, regions, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { visibleWhen } from '../../lib/scope';

// Who sees an indicator (lib/scope.ts): the people of its district in reach whose data scope holds its owner unit or
// a unit it is broken down to — a unit sees the indicators it owns or shares, the project office all of its district.
// A pledge or 民生实事 is seen the same way through its unit. Out of scope is not found.

const breakdownUnitsOf = sql`select ${indicatorBreakdowns.unitId} as unit_id from ${indicatorBreakdowns} where ${indicatorBreakdowns.indicatorId} = ${indicators.id}`;

/** SQL: the indicator is visible to the actor. */
export const indicatorScopeCondition = (actor: Actor): SQL =>
  visibleWhen(actor, { district: indicators.regionCode, units: [indicators.ownerUnitId], unitSets: [breakdownUnitsOf] });

/** SQL: the pledge or 民生实事 is visible to the actor. */
export const commitmentScopeCondition = (actor: Actor): SQL =>
  visibleWhen(actor, { district: commitments.regionCode, units: [commitments.unitId] });

const flag = (condition: SQL) => sql<boolean>`(${condition}) is true`;

export type IndicatorRow = typeof indicators.$inferSelect & {
  ownerUnitName: string;
  regionName: string;
  /** A district's indicator, a city's (broken down to its districts) or a province's (broken down to its cities). */
  regionLevel: 'district' | 'city' | 'province';
  regionPath: string;
  /** The owner unit lies in the reader's data scope: he may enter its actuals (with target.enter). */
  isOwner: boolean;
  /**
   * The indicator is of the reader's own level: his district's (he works in it or one of its streets), or his city's.
   * Only there may an office set it and break it down — a district reads its share of the city's, never changes it.
   */
  isHome: boolean;
};

// The reader's own level: his region, or the district of his street.
const homeRegionOf = (actor: Actor) =>
  sql`${indicators.regionCode} = ${actor.regionCode} or ${indicators.regionCode} = (select hr.parent_code from regions hr where hr.code = ${actor.regionCode} and hr.level = 'street')`;

const indicatorSelection = (actor: Actor) => ({
  ...getTableColumns(indicators),
  ownerUnitName: units.name,
  regionName: regions.name,
  regionLevel: sql<string>`${regions.level}`,
  regionPath: regions.path,
  isOwner: flag(visibleWhen(actor, { units: [indicators.ownerUnitId] })),
  isHome: flag(homeRegionOf(actor)),
});

const scopedIndicators = (db: Executor, actor: Actor) =>
  db
    .select(indicatorSelection(actor))
    .from(indicators)
    .innerJoin(units, eq(units.id, indicators.ownerUnitId))
    .innerJoin(regions, eq(regions.code, indicators.regionCode));

const asIndicator = <T extends { isOwner: unknown; isHome: unknown; regionLevel: string }>(row: T) => ({
  ...row,
  isOwner: !!row.isOwner,
  isHome: !!row.isHome,
  regionLevel:
    row.regionLevel === 'city' || row.regionLevel === 'province' ? (row.regionLevel as 'city' | 'province') : ('district' as const),
});

/** The year's indicators the actor sees, in their order. */
export async function listIndicators(db: Executor, actor: Actor, year: number): Promise<IndicatorRow[]> {
  const rows = await scopedIndicators(db, actor)
    .where(and(eq(indicators.year, year), indicatorScopeCondition(actor)))
    .orderBy(asc(indicators.regionCode), asc(indicators.sortOrder), asc(indicators.name));
  return rows.map(asIndicator);
}

/** One indicator the actor sees, or null. */
export async function findIndicator(db: Executor, actor: Actor, id: string): Promise<IndicatorRow | null> {
  const [row] = await scopedIndicators(db, actor).where(and(eq(indicators.id, id), indicatorScopeCondition(actor)));
  return row ? asIndicator(row) : null;
}

/** Another indicator of the district and year with the name, if there is one. */
export async function indicatorNamed(db: Executor, regionCode: string, year: number, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(
      and(
        eq(indicators.regionCode, regionCode),
        eq(indicators.year, year),
        eq(indicators.name, name),
        exceptId ? sql`${indicators.id} <> ${exceptId}` : undefined,
      ),
    );
  return row ?? null;
}

/** Locks an indicator's row for the rest of the transaction. */
export async function lockIndicator(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${indicators} where ${indicators.id} = ${id} for update`);
}

export type ActualRow = typeof indicatorActuals.$inferSelect & { enteredByName: string | null };

/** The entered actuals of the indicators, month by month. */
export async function actualsOf(db: Executor, indicatorIds: string[]): Promise<ActualRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ ...getTableColumns(indicatorActuals), enteredByName: users.displayName })
    .from(indicatorActuals)
    .leftJoin(users, eq(users.id, indicatorActuals.enteredBy))
    .where(inArray(indicatorActuals.indicatorId, indicatorIds))
    .orderBy(asc(indicatorActuals.indicatorId), asc(indicatorActuals.month));
}

/** Writes a month's actual, replacing the one entered before; answers the one replaced, if any. */
export async function upsertActual(tx: Executor, values: typeof indicatorActuals.$inferInsert) {
  const [before] = await tx
    .select()
    .from(indicatorActuals)
    .where(and(eq(indicatorActuals.indicatorId, values.indicatorId), eq(indicatorActuals.month, values.month)));
  await tx
    .insert(indicatorActuals)
    .values(values)
    .onConflictDoUpdate({
      target: [indicatorActuals.indicatorId, indicatorActuals.month],
      set: { value: values.value, note: values.note, enteredBy: values.enteredBy, updatedAt: sql`now()` },
    });
  return before ?? null;
}

export type BreakdownRow = { unitId: string; unitName: string; targetValue: string };

/** An indicator's breakdown to units, in the units' order. */
export async function breakdownOf(db: Executor, indicatorId: string): Promise<BreakdownRow[]> {
  return db
    .select({ unitId: indicatorBreakdowns.unitId, unitName: units.name, targetValue: indicatorBreakdowns.targetValue })
    .from(indicatorBreakdowns)
    .innerJoin(units, eq(units.id, indicatorBreakdowns.unitId))
    .where(eq(indicatorBreakdowns.indicatorId, indicatorId))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** Replaces an indicator's breakdown. */
export async function replaceBreakdown(tx: Executor, indicatorId: string, items: { unitId: string; targetValue: string }[]) {
  await tx.delete(indicatorBreakdowns).where(eq(indicatorBreakdowns.indicatorId, indicatorId));
  if (items.length) await tx.insert(indicatorBreakdowns).values(items.map((item) => ({ indicatorId, ...item })));
}

/**
 * Units of a city's or province's own level (not its districts' or cities') among the ids: those that may own its
 * indicator.
 */
export async function unitsOfCity(db: Executor, cityCode: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(inArray(units.id, ids), eq(units.regionCode, cityCode)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Units of a district (its own and its streets') among the ids. */
export async function unitsOfDistrict(db: Executor, districtPath: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        inArray(units.id, ids),
        sql`exists (select 1 from regions r where r.code = ${units.regionCode} and r.path like ${`${districtPath}%`})`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Pledges and 民生实事.

export type CommitmentRow = typeof commitments.$inferSelect & {
  unitName: string;
  /** The pledging unit lies in the reader's data scope: he may enter its progress (with target.enter). */
  isOwner: boolean;
  latestValue: string | null;
  latestMonth: number | null;
};

const latestProgress = (column: 'value' | 'month') =>
  sql.raw(`(select cp.${column} from commitment_progress cp where cp.commitment_id = commitments.id order by cp.month desc limit 1)`);

const scopedCommitments = (db: Executor, actor: Actor) =>
  db
    .select({
      ...getTableColumns(commitments),
      unitName: units.name,
      isOwner: flag(visibleWhen(actor, { units: [commitments.unitId] })),
      latestValue: sql<string | null>`${latestProgress('value')}`,
      latestMonth: sql<number | null>`${latestProgress('month')}`,
    })
    .from(commitments)
    .innerJoin(units, eq(units.id, commitments.unitId));

const asCommitment = <T extends { isOwner: unknown; latestMonth: unknown }>(row: T) => ({
  ...row,
  isOwner: !!row.isOwner,
  latestMonth: row.latestMonth === null ? null : Number(row.latestMonth),
});

/** The year's pledges or 民生实事 the actor sees, in their order. */
export async function listCommitments(db: Executor, actor: Actor, kind: CommitmentKind, year: number): Promise<CommitmentRow[]> {
  const rows = await scopedCommitments(db, actor)
    .where(and(eq(commitments.kind, kind), eq(commitments.year, year), commitmentScopeCondition(actor)))
    .orderBy(asc(commitments.sortOrder), asc(units.sortOrder), asc(commitments.title));
  return rows.map(asCommitment) as CommitmentRow[];
}

/** One pledge or 民生实事 the actor sees, or null. */
export async function findCommitment(db: Executor, actor: Actor, id: string): Promise<CommitmentRow | null> {
  const [row] = await scopedCommitments(db, actor).where(and(eq(commitments.id, id), commitmentScopeCondition(actor)));
  return row ? (asCommitment(row) as CommitmentRow) : null;
}

/** Locks a commitment's row for the rest of the transaction. */
export async function lockCommitment(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${commitments} where ${commitments.id} = ${id} for update`);
}

export type ProgressRow = typeof commitmentProgress.$inferSelect & { enteredByName: string | null };

/** A commitment's monthly progress, latest first. */
export async function progressOf(db: Executor, commitmentId: string): Promise<ProgressRow[]> {
  return db
    .select({ ...getTableColumns(commitmentProgress), enteredByName: users.displayName })
    .from(commitmentProgress)
    .leftJoin(users, eq(users.id, commitmentProgress.enteredBy))
    .where(eq(commitmentProgress.commitmentId, commitmentId))
    .orderBy(desc(commitmentProgress.month));
}

/** Writes a month's progress, replacing the one entered before; answers the one replaced, if any. */
export async function upsertProgress(tx: Executor, values: typeof commitmentProgress.$inferInsert) {
  const [before] = await tx
    .select()
    .from(commitmentProgress)
    .where(and(eq(commitmentProgress.commitmentId, values.commitmentId), eq(commitmentProgress.month, values.month)));
  await tx
    .insert(commitmentProgress)
    .values(values)
    .onConflictDoUpdate({
      target: [commitmentProgress.commitmentId, commitmentProgress.month],
      set: { value: values.value, evidence: values.evidence, enteredBy: values.enteredBy, enteredAt: sql`now()` },
    });
  return before ?? null;
}
