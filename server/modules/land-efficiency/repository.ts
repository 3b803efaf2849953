import { type SQL, and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { INDUSTRIAL_CODE_PATTERN } from '../../../common/domain/land-efficiency';
import type { EnterpriseKind } from '../../../common/enums';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import { dictionaryItems, enterpriseLandFigures, enterprises, landEfficiencyThresholds, regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likePrefix, regionPathInJurisdiction, regionsAbove } from '../../lib/scope';
import { enterpriseScopeCondition } from '../enterprises';

// 亩均效益 rows are read through the enterprise they belong to: an enterprise's figures only when the enterprise is
// in the reader's scope (the enterprises face's condition, inside the query), a district's table only for a district
// in reach (the service checks the district) and only of enterprises in scope.

export type LandFiguresRecord = typeof enterpriseLandFigures.$inferSelect;
export type ThresholdsRecord = typeof landEfficiencyThresholds.$inferSelect;

/** An enterprise's years, newest first (the caller has loaded the enterprise in scope). */
export async function figuresOfEnterprise(db: Executor, enterpriseId: string): Promise<LandFiguresRecord[]> {
  return db
    .select()
    .from(enterpriseLandFigures)
    .where(eq(enterpriseLandFigures.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseLandFigures.year));
}

/** One year of an enterprise, locked for the rest of the transaction, or null. */
export async function lockedYear(tx: Executor, enterpriseId: string, year: number): Promise<LandFiguresRecord | null> {
  const [row] = await tx
    .select()
    .from(enterpriseLandFigures)
    .where(and(eq(enterpriseLandFigures.enterpriseId, enterpriseId), eq(enterpriseLandFigures.year, year)))
    .for('update');
  return row ?? null;
}

/** Serialises writers of one enterprise's year (two people adding the same year at once: the second gets a 409). */
export async function lockYear(tx: Executor, enterpriseId: string, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`land-figures:${enterpriseId}:${year}`}))`);
}

export async function insertFigures(tx: Executor, values: typeof enterpriseLandFigures.$inferInsert): Promise<LandFiguresRecord> {
  const [row] = await tx.insert(enterpriseLandFigures).values(values).returning();
  if (!row) throw new Error('land figures not written');
  return row;
}

export async function deleteFiguresRow(tx: Executor, id: string) {
  await tx.delete(enterpriseLandFigures).where(eq(enterpriseLandFigures.id, id));
}

/** A district's thresholds for a year, or null. */
export async function thresholdsOf(db: Executor, regionCode: string, year: number): Promise<ThresholdsRecord | null> {
  const [row] = await db
    .select()
    .from(landEfficiencyThresholds)
    .where(and(eq(landEfficiencyThresholds.regionCode, regionCode), eq(landEfficiencyThresholds.year, year)));
  return row ?? null;
}

/** Every year's thresholds of a district, newest first. */
export async function thresholdsYears(db: Executor, regionCode: string): Promise<ThresholdsRecord[]> {
  return db
    .select()
    .from(landEfficiencyThresholds)
    .where(eq(landEfficiencyThresholds.regionCode, regionCode))
    .orderBy(desc(landEfficiencyThresholds.year));
}

/** Serialises writers of one district's year of thresholds. */
export async function lockThresholds(tx: Executor, regionCode: string, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`land-thresholds:${regionCode}:${year}`}))`);
}

export async function insertThresholds(tx: Executor, values: typeof landEfficiencyThresholds.$inferInsert): Promise<ThresholdsRecord> {
  const [row] = await tx.insert(landEfficiencyThresholds).values(values).returning();
  if (!row) throw new Error('thresholds not written');
  return row;
}

const industry = alias(dictionaryItems, 'land_industry');

/** SQL: the enterprise is one of its district's own (local) and industrial (GB/T 4754 B, C, D). */
export const localIndustrial = (): SQL =>
  and(eq(enterprises.kind, 'local'), sql`${enterprises.industryCode} ~ ${INDUSTRIAL_CODE_PATTERN}`) as SQL;

/** A local industrial enterprise of a district with its figures of the year (null when it has none). */
export type DistrictYearRow = {
  enterpriseId: string;
  name: string;
  uscc: string | null;
  namePinyin: string;
  industryName: string | null;
  figures: Pick<LandFiguresRecord, 'landMu' | 'taxYuan' | 'outputYuan' | 'energyTce'> | null;
};

/** The district's local industrial enterprises the actor sees, each with its figures of the year or none. */
export async function districtYear(
  db: Executor,
  actor: Actor,
  regionCode: string,
  year: number,
  locale: Locale,
): Promise<DistrictYearRow[]> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      uscc: enterprises.uscc,
      namePinyin: enterprises.namePinyin,
      industryName: locale === 'zh-CN' ? industry.name : industry.nameEn,
      landMu: enterpriseLandFigures.landMu,
      taxYuan: enterpriseLandFigures.taxYuan,
      outputYuan: enterpriseLandFigures.outputYuan,
      energyTce: enterpriseLandFigures.energyTce,
    })
    .from(enterprises)
    .leftJoin(industry, and(eq(industry.type, 'industry'), eq(industry.code, enterprises.industryCode)))
    .leftJoin(enterpriseLandFigures, and(eq(enterpriseLandFigures.enterpriseId, enterprises.id), eq(enterpriseLandFigures.year, year)))
    .where(and(eq(enterprises.regionCode, regionCode), enterpriseScopeCondition(actor), localIndustrial()))
    .orderBy(enterprises.namePinyin, enterprises.id);
  return rows.map(({ landMu, taxYuan, outputYuan, energyTce, ...rest }) => ({
    ...rest,
    figures: landMu === null || taxYuan === null || outputYuan === null ? null : { landMu, taxYuan, outputYuan, energyTce },
  }));
}

/** What a district's 亩均效益 sheet is checked against: its enterprises' kind and industry, and their figures by year. */
export type LandSheetReferences = {
  enterprise(id: string): { name: string; kind: EnterpriseKind; industryCode: string | null } | null;
  figuresOf(enterpriseId: string, year: number): LandFiguresRecord | null;
};

/** Loads the district's enterprises (kind, industry) and every year of figures they have, for checking a sheet. */
export async function landSheetReferences(db: Executor, regionCode: string): Promise<LandSheetReferences> {
  const [enterpriseRows, figureRows] = await Promise.all([
    db
      .select({ id: enterprises.id, name: enterprises.name, kind: enterprises.kind, industryCode: enterprises.industryCode })
      .from(enterprises)
      .where(eq(enterprises.regionCode, regionCode)),
    db
      .select({ figures: enterpriseLandFigures })
      .from(enterpriseLandFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseLandFigures.enterpriseId))
      .where(eq(enterprises.regionCode, regionCode)),
  ]);
  const byId = new Map(enterpriseRows.map((e) => [e.id, e]));
  const figures = new Map(figureRows.map(({ figures: f }) => [`${f.enterpriseId}:${f.year}`, f]));
  return {
    enterprise: (id) => byId.get(id) ?? null,
    figuresOf: (enterpriseId, year) => figures.get(`${enterpriseId}:${year}`) ?? null,
  };
}

/**
 * The districts under a region (its path) that reach the actor — those in his jurisdiction, and the district above a
 * street's people (a district's records reach them) — and that work in Lantu (a unit, an enterprise or thresholds of
 * theirs: the city's other districts would be rows of nothing). Ordered by code, as the region tree lists them.
 */
export async function districtsUnder(db: Executor, actor: Actor, areaPath: string) {
  const above = regionsAbove(actor);
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(
      and(
        eq(regions.level, 'district'),
        sql`${regions.path} like ${likePrefix(areaPath)}`,
        or(regionPathInJurisdiction(actor, regions.path), above.length ? inArray(regions.code, above) : undefined),
        // Only districts that work in Lantu: a unit of theirs (or of a street of theirs), an enterprise, or thresholds.
        sql`(exists (select 1 from units lu join regions lr on lr.code = lu.region_code
               where lu.region_code = ${regions.code} or lr.parent_code = ${regions.code})
          or exists (select 1 from enterprises le where le.region_code = ${regions.code})
          or exists (select 1 from land_efficiency_thresholds lt where lt.region_code = ${regions.code}))`,
      ),
    )
    .orderBy(asc(regions.code));
}

/** The thresholds of a year of several districts. */
export async function thresholdsOfDistricts(db: Executor, regionCodes: string[], year: number): Promise<ThresholdsRecord[]> {
  if (!regionCodes.length) return [];
  return db
    .select()
    .from(landEfficiencyThresholds)
    .where(and(inArray(landEfficiencyThresholds.regionCode, regionCodes), eq(landEfficiencyThresholds.year, year)));
}

/** The local industrial enterprises in scope of several districts, each with its district and its figures of the year (or none). */
export async function districtsYear(db: Executor, actor: Actor, regionCodes: string[], year: number) {
  if (!regionCodes.length) return [];
  const rows = await db
    .select({
      regionCode: enterprises.regionCode,
      landMu: enterpriseLandFigures.landMu,
      taxYuan: enterpriseLandFigures.taxYuan,
      outputYuan: enterpriseLandFigures.outputYuan,
    })
    .from(enterprises)
    .leftJoin(enterpriseLandFigures, and(eq(enterpriseLandFigures.enterpriseId, enterprises.id), eq(enterpriseLandFigures.year, year)))
    .where(and(inArray(enterprises.regionCode, regionCodes), enterpriseScopeCondition(actor), localIndustrial()));
  return rows.map(({ regionCode, landMu, taxYuan, outputYuan }) => ({
    regionCode,
    figures: landMu === null || taxYuan === null || outputYuan === null ? null : { landMu, taxYuan, outputYuan },
  }));
}
