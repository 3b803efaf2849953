import { type AnyColumn, type SQL, and, arrayOverlaps, count, eq, getTableColumns, ilike, inArray, like, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FitCandidate } from '../../../common/domain/policy-fit';
import type { Locale } from '../../../common/locale';
import type { EnterpriseListQuery } from '../../../common/schemas/enterprises';
import type { Executor } from '../../db/client';
import { dictionaryItems, enterprises, regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { districtRecordInReach, likePrefix } from '../../lib/scope';
import { namesIndex } from '../../lib/spreadsheets/sheet-names';

// Who sees an enterprise (lib/scope.ts): the register is the district's, shared by all its people (the project office,
// the investment staff, the leaders), whatever their unit — so the rule is the district's reach alone: the people of
// the district and its streets and those of the city or province above it. Out of scope is not found.

export type EnterpriseRecord = typeof enterprises.$inferSelect;
export type EnterpriseRow = EnterpriseRecord & { regionName: string; industryName: string | null; hqRegionName: string | null };

/** SQL: the enterprise is visible to the actor. */
export const enterpriseScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, enterprises.regionCode);

const districtRegion = alias(regions, 'enterprise_district');
const hqRegion = alias(regions, 'enterprise_hq');
const industry = alias(dictionaryItems, 'enterprise_industry');

const scopedEnterprises = (db: Executor, locale: Locale) =>
  db
    .select({
      ...getTableColumns(enterprises),
      regionName: districtRegion.name,
      industryName: locale === 'zh-CN' ? industry.name : industry.nameEn,
      hqRegionName: hqRegion.name,
    })
    .from(enterprises)
    .innerJoin(districtRegion, eq(districtRegion.code, enterprises.regionCode))
    .leftJoin(hqRegion, eq(hqRegion.code, enterprises.hqRegionCode))
    .leftJoin(industry, and(eq(industry.type, 'industry'), eq(industry.code, enterprises.industryCode)));

/** One enterprise the actor may see, or null. */
export async function findEnterprise(db: Executor, actor: Actor, id: string): Promise<EnterpriseRow | null> {
  const [row] = await scopedEnterprises(db, actor.locale).where(and(eq(enterprises.id, id), enterpriseScopeCondition(actor)));
  return row ?? null;
}

/**
 * `q` finds an enterprise by a piece of its name, by the initials of its name's pinyin when the text is plain letters
 * and digits, and by the start of its USCC.
 */
function searchCondition(q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const plain = /^[A-Za-z0-9]+$/.test(text);
  return or(
    ilike(enterprises.name, containsPattern(text)),
    plain ? like(enterprises.namePinyin, containsPattern(text.toLowerCase())) : undefined,
    plain ? like(enterprises.uscc, likePrefix(text.toUpperCase())) : undefined,
  );
}

const SORTS: Record<string, AnyColumn> = {
  name: enterprises.namePinyin,
  uscc: enterprises.uscc,
  updatedAt: enterprises.updatedAt,
  createdAt: enterprises.createdAt,
};

/** The register's order: by name (pinyin order) unless `sort` names a sortable field; 400 on `query.sort` otherwise. */
export const enterpriseOrder = (sort: string | undefined) =>
  orderFor(sort, SORTS, [sql`${enterprises.namePinyin} asc`, sql`${enterprises.name} asc`], enterprises.id);

/** A page of the enterprises the actor sees, by name (pinyin order) unless `sort` says otherwise. */
export async function listEnterprises(db: Executor, actor: Actor, query: EnterpriseListQuery) {
  const where = and(
    enterpriseScopeCondition(actor),
    query.q ? searchCondition(query.q) : undefined,
    query.tag?.length ? arrayOverlaps(enterprises.tags, query.tag) : undefined,
    query.industryCode?.length ? inArray(enterprises.industryCode, query.industryCode) : undefined,
    query.kind ? eq(enterprises.kind, query.kind) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const order = enterpriseOrder(query.sort);
  const [rows, [total]] = await Promise.all([
    scopedEnterprises(db, actor.locale)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Holds the district's USCC for the rest of the transaction, so two people adding the same enterprise at once are
 * answered one after the other: the second then finds the first's record (409) instead of the unique index (500).
 */
export async function lockUscc(tx: Executor, regionCode: string, uscc: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`enterprise-uscc:${regionCode}:${uscc}`}))`);
}

/** The enterprise of the district that already carries the USCC (another than `exceptId`), or null. */
export async function enterpriseWithUscc(db: Executor, regionCode: string, uscc: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.regionCode, regionCode), eq(enterprises.uscc, uscc), exceptId ? ne(enterprises.id, exceptId) : undefined));
  return row ?? null;
}

/**
 * Enterprises of the district whose names are close to `name` (trigram similarity 0.6 or more) or equal once the
 * legal form and brackets are dropped (`nameKey`): possible duplicates, closest first.
 */
export async function similarEnterprises(db: Executor, regionCode: string, name: string, nameKey: string, exceptId: string) {
  return db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.regionCode, regionCode),
        ne(enterprises.id, exceptId),
        or(eq(enterprises.nameKey, nameKey), sql`similarity(${enterprises.name}, ${name}) >= 0.6`),
      ),
    )
    .orderBy(sql`similarity(${enterprises.name}, ${name}) desc`, enterprises.id)
    .limit(5);
}

/** Locks an enterprise's row for the rest of the transaction. */
export async function lockEnterprise(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${enterprises} where ${enterprises.id} = ${id} for update`);
}

export async function insertEnterprise(tx: Executor, values: typeof enterprises.$inferInsert): Promise<EnterpriseRecord> {
  const [row] = await tx.insert(enterprises).values(values).returning();
  if (!row) throw new Error('enterprise not written');
  return row;
}

export async function deleteEnterpriseRow(tx: Executor, id: string) {
  await tx.delete(enterprises).where(eq(enterprises.id, id));
}

/** The district's enterprises that have a USCC, by USCC: what an import matches its rows against. */
export async function enterprisesByUscc(db: Executor, regionCode: string) {
  const rows = await db
    .select({ id: enterprises.id, uscc: enterprises.uscc, version: enterprises.version, contacts: enterprises.contacts })
    .from(enterprises)
    .where(and(eq(enterprises.regionCode, regionCode), sql`${enterprises.uscc} is not null`));
  return new Map(rows.map((r) => [r.uscc as string, r]));
}

/** An enterprise as the policy matcher reads it (common/domain/policy-fit.ts), with what a fitting list shows. */
export type EnterpriseCandidate = FitCandidate & { id: string; name: string; industryName: string | null };

/**
 * Every enterprise of a district with what a policy's conditions ask about: tags, size, industry and its section
 * (the dictionary's parent of a division), the path of its headquarters region. For matching policies (惠企政策).
 */
export async function enterpriseCandidates(
  db: Executor,
  regionCode: string,
  locale: Locale,
  ids?: string[],
): Promise<EnterpriseCandidate[]> {
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      kind: enterprises.kind,
      tags: enterprises.tags,
      size: enterprises.size,
      industryCode: enterprises.industryCode,
      industrySection: industry.parentCode,
      industryName: locale === 'zh-CN' ? industry.name : industry.nameEn,
      hqRegionPath: hqRegion.path,
    })
    .from(enterprises)
    .leftJoin(hqRegion, eq(hqRegion.code, enterprises.hqRegionCode))
    .leftJoin(industry, and(eq(industry.type, 'industry'), eq(industry.code, enterprises.industryCode)))
    .where(and(eq(enterprises.regionCode, regionCode), ids ? inArray(enterprises.id, ids) : undefined))
    .orderBy(enterprises.namePinyin, enterprises.id);
  return rows.map((row) => ({ ...row, hqRegionPath: row.hqRegionPath ?? null }));
}

/**
 * The district register's enterprises as a sheet names them (the leads and visits sheets): by 统一社会信用代码 (any
 * case, spaces and full-width folded) or by name (sheetNameKey; a name several enterprises share is ambiguous).
 */
export async function enterpriseSheetNames(db: Executor, regionCode: string) {
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
    .from(enterprises)
    .where(eq(enterprises.regionCode, regionCode));
  const usccs = new Map(rows.flatMap((e) => (e.uscc ? [[e.uscc, e.id] as const] : [])));
  return {
    enterprisesNamed: namesIndex(rows),
    enterpriseOfUscc: (uscc: string) => usccs.get(uscc.normalize('NFKC').replace(/\s+/g, '').toUpperCase()) ?? null,
  };
}
export type EnterpriseSheetNames = Awaited<ReturnType<typeof enterpriseSheetNames>>;
