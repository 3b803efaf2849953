import { type AnyColumn, type SQL, and, asc, count, eq, gte, ilike, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../common/locale';
import type { CarrierUse } from '../../../common/enums';
import type { ParcelListQuery, ParkListQuery } from '../../../common/schemas/carriers';
import type { Executor } from '../../db/client';
import { buildings, dictionaryItems, landParcels, parks, projects, regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageBatches, pageWindow } from '../../lib/list';
import { namesIndex } from '../../lib/spreadsheets/sheet-names';
import { districtRecordInReach } from '../../lib/scope';

// Who sees a carrier (lib/scope.ts): parks and parcels are the district's inventory, shared by its people whatever
// their unit (the investment office, the project office, the leaders) — the district's reach alone. A building
// follows its park.

export type ParkRecord = typeof parks.$inferSelect;
export type BuildingRecord = typeof buildings.$inferSelect;
export type ParcelRecord = typeof landParcels.$inferSelect;
export type ParkRow = ParkRecord & { regionName: string; clusterName: string | null; parcelCount: number };
export type ParcelRow = ParcelRecord & { regionName: string; parkName: string | null; projectName: string | null };

/** SQL: the park is visible to the actor. */
export const parkScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, parks.regionCode);
/** SQL: the parcel is visible to the actor. */
export const parcelScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, landParcels.regionCode);

const parkRegion = alias(regions, 'park_region');
const cluster = alias(dictionaryItems, 'park_cluster');
const parcelCount = sql<number>`(select count(*)::int from land_parcels lp where lp.park_id = ${parks.id})`;

const scopedParks = (db: Executor, locale: Locale) =>
  db
    .select({
      id: parks.id,
      regionCode: parks.regionCode,
      name: parks.name,
      clusterCode: parks.clusterCode,
      areaMu: parks.areaMu,
      leadingIndustries: parks.leadingIndustries,
      outline: parks.outline,
      description: parks.description,
      createdBy: parks.createdBy,
      version: parks.version,
      createdAt: parks.createdAt,
      updatedAt: parks.updatedAt,
      regionName: parkRegion.name,
      clusterName: locale === 'zh-CN' ? cluster.name : cluster.nameEn,
      parcelCount,
    })
    .from(parks)
    .innerJoin(parkRegion, eq(parkRegion.code, parks.regionCode))
    .leftJoin(cluster, and(eq(cluster.type, 'cluster'), eq(cluster.code, parks.clusterCode)));

/** One park the actor may see, or null. */
export async function findPark(db: Executor, actor: Actor, id: string): Promise<ParkRow | null> {
  const [row] = await scopedParks(db, actor.locale).where(and(eq(parks.id, id), parkScopeCondition(actor)));
  return row ?? null;
}

const PARK_SORTS: Record<string, AnyColumn> = { name: parks.name, updatedAt: parks.updatedAt };

/** A page of the parks the actor sees (by cluster then name), filtered by a piece of the name and the clusters. */
export async function listParks(db: Executor, actor: Actor, query: ParkListQuery) {
  const where = and(
    parkScopeCondition(actor),
    query.q?.trim() ? ilike(parks.name, containsPattern(query.q.trim())) : undefined,
    query.clusterCode?.length ? inArray(parks.clusterCode, query.clusterCode) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  // By cluster in the dictionary's order (新型智造, 高科创新 …), then by name.
  const order = orderFor(query.sort, PARK_SORTS, [sql`${cluster.sortOrder} asc nulls last`, sql`${parks.name} asc`], parks.id);
  const [rows, [total]] = await Promise.all([
    scopedParks(db, actor.locale)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(parks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The buildings of these parks, by name. */
export async function buildingsOfParks(db: Executor, parkIds: string[]): Promise<BuildingRecord[]> {
  if (!parkIds.length) return [];
  return db.select().from(buildings).where(inArray(buildings.parkId, parkIds)).orderBy(asc(buildings.name), asc(buildings.id));
}

/** One building whose park the actor sees, with its park's district, or null. */
export async function findBuilding(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ building: buildings, regionCode: parks.regionCode })
    .from(buildings)
    .innerJoin(parks, eq(parks.id, buildings.parkId))
    .where(and(eq(buildings.id, id), parkScopeCondition(actor)));
  return row ?? null;
}

const parcelRegion = alias(regions, 'parcel_region');
const parcelPark = alias(parks, 'parcel_park');

const scopedParcels = (db: Executor) =>
  db
    .select({
      id: landParcels.id,
      regionCode: landParcels.regionCode,
      parkId: landParcels.parkId,
      code: landParcels.code,
      name: landParcels.name,
      areaMu: landParcels.areaMu,
      plannedUse: landParcels.plannedUse,
      industries: landParcels.industries,
      status: landParcels.status,
      suppliedProjectId: landParcels.suppliedProjectId,
      suppliedOn: landParcels.suppliedOn,
      outline: landParcels.outline,
      stdInvestmentWanPerMu: landParcels.stdInvestmentWanPerMu,
      stdOutputWanPerMu: landParcels.stdOutputWanPerMu,
      stdTaxWanPerMu: landParcels.stdTaxWanPerMu,
      stdPlotRatio: landParcels.stdPlotRatio,
      stdEnergyPerUnit: landParcels.stdEnergyPerUnit,
      createdBy: landParcels.createdBy,
      version: landParcels.version,
      createdAt: landParcels.createdAt,
      updatedAt: landParcels.updatedAt,
      regionName: parcelRegion.name,
      parkName: parcelPark.name,
      projectName: projects.name,
    })
    .from(landParcels)
    .innerJoin(parcelRegion, eq(parcelRegion.code, landParcels.regionCode))
    .leftJoin(parcelPark, eq(parcelPark.id, landParcels.parkId))
    .leftJoin(projects, eq(projects.id, landParcels.suppliedProjectId));

/** One parcel the actor may see, or null. */
export async function findParcel(db: Executor, actor: Actor, id: string): Promise<ParcelRow | null> {
  const [row] = await scopedParcels(db).where(and(eq(landParcels.id, id), parcelScopeCondition(actor)));
  return row ?? null;
}

const PARCEL_SORTS: Record<string, AnyColumn> = {
  code: landParcels.code,
  name: landParcels.name,
  areaMu: landParcels.areaMu,
  updatedAt: landParcels.updatedAt,
};

/** A page of the parcels the actor sees, by number unless `sort` says otherwise; filtered by status, park, use, 标准地. */
export async function listParcels(db: Executor, actor: Actor, query: ParcelListQuery) {
  const text = query.q?.trim();
  const where = and(
    parcelScopeCondition(actor),
    text ? or(ilike(landParcels.name, containsPattern(text)), ilike(landParcels.code, containsPattern(text))) : undefined,
    query.status?.length ? inArray(landParcels.status, query.status) : undefined,
    query.plannedUse?.length ? inArray(landParcels.plannedUse, query.plannedUse) : undefined,
    query.parkId ? eq(landParcels.parkId, query.parkId) : undefined,
    query.standard === 'true'
      ? isNotNull(landParcels.stdInvestmentWanPerMu)
      : query.standard === 'false'
        ? isNull(landParcels.stdInvestmentWanPerMu)
        : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const order = orderFor(query.sort, PARCEL_SORTS, [sql`${landParcels.code} asc`], landParcels.id);
  const [rows, [total]] = await Promise.all([
    scopedParcels(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(landParcels).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Every parcel the actor sees that matches the list's filters, in the list's order, a batch at a time (the sheet's
 * download). An unknown `sort` is refused (400) here, before the file starts streaming.
 */
export function parcelBatches(db: Executor, actor: Actor, query: Omit<ParcelListQuery, 'page' | 'pageSize'>) {
  orderFor(query.sort, PARCEL_SORTS, [], landParcels.id);
  return pageBatches((window) => listParcels(db, actor, { ...query, ...window }));
}

/**
 * What a parcels sheet names, in a district: its parcels by number (地块编号, exact once trimmed: a row naming one
 * updates it) and its parks by name (compared as a sheet's names are: sheetNameKey).
 */
export async function parcelSheetReferences(db: Executor, regionCode: string) {
  const [parcelRows, parkRows] = await Promise.all([
    db.select({ id: landParcels.id, code: landParcels.code }).from(landParcels).where(eq(landParcels.regionCode, regionCode)),
    db.select({ id: parks.id, name: parks.name }).from(parks).where(eq(parks.regionCode, regionCode)),
  ]);
  const byCode = new Map(parcelRows.map((p) => [p.code, p.id]));
  return { parcelNumbered: (code: string) => byCode.get(code.trim()) ?? null, parksNamed: namesIndex(parkRows) };
}

type CarrierNeedFilter = { landMu?: number; floorAreaM2?: number; use?: CarrierUse };
/** Where a window of candidates read tightest first ended: the last area and id read (the next window starts after). */
export type WindowEnd = { area: number; id: string };

/** The parks in the actor's reach with their names and leading industries (a few hundred at most), by id. */
export async function parksInReach(db: Executor, actor: Actor) {
  const rows = await db
    .select({ id: parks.id, name: parks.name, industries: parks.leadingIndustries })
    .from(parks)
    .where(parkScopeCondition(actor));
  return new Map(rows.map((park) => [park.id, park]));
}

const usesFor = (need: CarrierNeedFilter) => (need.use ? [need.use, 'mixed' as const] : null);

/**
 * The next `size` available parcels in the actor's reach of at least `landMu` 亩 and of the use needed (or mixed),
 * smallest first (the tightest fits: the matcher reads them in windows and stops when no larger one can rank),
 * after `after`. The ranker decides the rest.
 */
export async function parcelWindow(
  db: Executor,
  actor: Actor,
  need: CarrierNeedFilter & { landMu: number },
  after: WindowEnd | null,
  size: number,
) {
  const uses = usesFor(need);
  return db
    .select({
      id: landParcels.id,
      code: landParcels.code,
      name: landParcels.name,
      areaMu: landParcels.areaMu,
      use: landParcels.plannedUse,
      industries: landParcels.industries,
      parkId: landParcels.parkId,
      stdInvestmentWanPerMu: landParcels.stdInvestmentWanPerMu,
      stdOutputWanPerMu: landParcels.stdOutputWanPerMu,
      stdTaxWanPerMu: landParcels.stdTaxWanPerMu,
      stdPlotRatio: landParcels.stdPlotRatio,
      stdEnergyPerUnit: landParcels.stdEnergyPerUnit,
    })
    .from(landParcels)
    .where(
      and(
        parcelScopeCondition(actor),
        eq(landParcels.status, 'available'),
        gte(landParcels.areaMu, need.landMu),
        uses ? inArray(landParcels.plannedUse, uses) : undefined,
        after ? sql`(${landParcels.areaMu}, ${landParcels.id}) > (${after.area}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(landParcels.areaMu), asc(landParcels.id))
    .limit(size);
}

/** The next `size` buildings in reach with at least `floorAreaM2` m² vacant, of the use needed (or mixed), smallest first. */
export async function buildingWindow(
  db: Executor,
  actor: Actor,
  need: CarrierNeedFilter & { floorAreaM2: number },
  after: WindowEnd | null,
  size: number,
) {
  const uses = usesFor(need);
  return db
    .select({
      id: buildings.id,
      name: buildings.name,
      vacantAreaM2: buildings.vacantAreaM2,
      use: buildings.use,
      rentYuanPerM2Day: buildings.rentYuanPerM2Day,
      parkId: buildings.parkId,
    })
    .from(buildings)
    .where(
      and(
        sql`${buildings.parkId} in (select ${parks.id} from ${parks} where ${parkScopeCondition(actor)})`,
        gte(buildings.vacantAreaM2, need.floorAreaM2),
        uses ? inArray(buildings.use, uses) : undefined,
        after ? sql`(${buildings.vacantAreaM2}, ${buildings.id}) > (${after.area}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(buildings.vacantAreaM2), asc(buildings.id))
    .limit(size);
}

/** How many free carriers in reach are large enough (any use): the available parcels of `landMu` 亩 or more and the buildings with `floorAreaM2` m² vacant or more. */
export async function countLargeEnough(db: Executor, actor: Actor, need: CarrierNeedFilter) {
  const [parcelCount, buildingCount] = await Promise.all([
    need.landMu
      ? db
          .select({ n: count() })
          .from(landParcels)
          .where(and(parcelScopeCondition(actor), eq(landParcels.status, 'available'), gte(landParcels.areaMu, need.landMu)))
      : [{ n: 0 }],
    need.floorAreaM2
      ? db
          .select({ n: count() })
          .from(buildings)
          .where(
            and(
              sql`${buildings.parkId} in (select ${parks.id} from ${parks} where ${parkScopeCondition(actor)})`,
              gte(buildings.vacantAreaM2, need.floorAreaM2),
            ),
          )
      : [{ n: 0 }],
  ]);
  return (parcelCount[0]?.n ?? 0) + (buildingCount[0]?.n ?? 0);
}

/** The park of the district with this name (another than `exceptId`), or null. */
export async function parkNamed(db: Executor, regionCode: string, name: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: parks.id })
    .from(parks)
    .where(and(eq(parks.regionCode, regionCode), eq(parks.name, name), exceptId ? ne(parks.id, exceptId) : undefined));
  return row ?? null;
}

/** The building of the park with this name (another than `exceptId`), or null. */
export async function buildingNamed(db: Executor, parkId: string, name: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.parkId, parkId), eq(buildings.name, name), exceptId ? ne(buildings.id, exceptId) : undefined));
  return row ?? null;
}

/** The parcel of the district with this number (another than `exceptId`), or null. */
export async function parcelNumbered(db: Executor, regionCode: string, code: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: landParcels.id })
    .from(landParcels)
    .where(and(eq(landParcels.regionCode, regionCode), eq(landParcels.code, code), exceptId ? ne(landParcels.id, exceptId) : undefined));
  return row ?? null;
}

/** Holds a district's carrier names and numbers for the rest of the transaction (checked, then written). */
export async function lockCarrierNames(tx: Executor, regionCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`carriers:${regionCode}`}))`);
}

/** Locks a parcel's row for the rest of the transaction (two people supplying it at once are answered in turn). */
export async function lockParcel(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${landParcels} where ${landParcels.id} = ${id} for update`);
}

export async function insertPark(tx: Executor, values: typeof parks.$inferInsert): Promise<ParkRecord> {
  const [row] = await tx.insert(parks).values(values).returning();
  if (!row) throw new Error('park not written');
  return row;
}

export async function insertBuilding(tx: Executor, values: typeof buildings.$inferInsert): Promise<BuildingRecord> {
  const [row] = await tx.insert(buildings).values(values).returning();
  if (!row) throw new Error('building not written');
  return row;
}

export async function insertParcel(tx: Executor, values: typeof landParcels.$inferInsert): Promise<ParcelRecord> {
  const [row] = await tx.insert(landParcels).values(values).returning();
  if (!row) throw new Error('parcel not written');
  return row;
}

export async function deleteParkRow(tx: Executor, id: string) {
  await tx.delete(parks).where(eq(parks.id, id));
}
export async function deleteBuildingRow(tx: Executor, id: string) {
  await tx.delete(buildings).where(eq(buildings.id, id));
}
export async function deleteParcelRow(tx: Executor, id: string) {
  await tx.delete(landParcels).where(eq(landParcels.id, id));
}

/** The park with this id in the district (for a parcel or building to join), or null. */
export async function parkOfDistrict(db: Executor, regionCode: string, id: string) {
  const [row] = await db
    .select({ id: parks.id, name: parks.name })
    .from(parks)
    .where(and(eq(parks.id, id), eq(parks.regionCode, regionCode)));
  return row ?? null;
}
