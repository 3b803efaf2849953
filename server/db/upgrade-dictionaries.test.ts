import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createPglite, openDatabase } from './client';
import { loadMigrations, migrate } from './migrate';
import { ensureReferenceData } from './reference-data';
import { dictionaryItems } from './schema';
import { DICTIONARY_SEEDS } from './seed-data/dictionaries';

it('seeds a dictionary a release adds into an instance that has the others, and leaves the administrator’s edits alone', async () => {
  const database = await openDatabase({ pglite: await createPglite() });
  await migrate(database, loadMigrations());
  await ensureReferenceData(database.db);
  const items = (type: string) => database.db.select().from(dictionaryItems).where(eq(dictionaryItems.type, type));
  // An instance of the release before the industry chains, whose administrator renamed a category and disabled another.
  await database.db.delete(dictionaryItems).where(eq(dictionaryItems.type, 'industry_chain'));
  const category = and(eq(dictionaryItems.type, 'project_category'), eq(dictionaryItems.code, 'industrial'));
  await database.db.update(dictionaryItems).set({ name: '工业项目' }).where(category);
  await database.db
    .update(dictionaryItems)
    .set({ enabled: false })
    .where(and(eq(dictionaryItems.type, 'project_category'), eq(dictionaryItems.code, 'agri_rural')));
  const categoriesBefore = await items('project_category');

  await ensureReferenceData(database.db);
  expect((await items('industry_chain')).map((i) => i.code).sort()).toEqual(DICTIONARY_SEEDS.industry_chain.map((i) => i.code).sort());
  expect(await items('project_category')).toEqual(categoriesBefore);
  // Later starts add nothing more.
  await ensureReferenceData(database.db);
  expect(await items('industry_chain')).toHaveLength(DICTIONARY_SEEDS.industry_chain.length);
  await database.close();
}, 60_000);

it('adds 拟上市 to an installation’s enterprise tags once, after its items, and not again once the administrator disables it', async () => {
  const database = await openDatabase({ pglite: await createPglite() });
  await migrate(database, loadMigrations());
  await ensureReferenceData(database.db);
  const tags = () =>
    database.db.select().from(dictionaryItems).where(eq(dictionaryItems.type, 'enterprise_tag')).orderBy(dictionaryItems.sortOrder);
  const preListing = and(eq(dictionaryItems.type, 'enterprise_tag'), eq(dictionaryItems.code, 'pre_listing'));
  // An installation of the release before it: the tags seeded without 拟上市, one renamed by its administrator.
  await database.db.delete(dictionaryItems).where(preListing);
  await database.db
    .update(dictionaryItems)
    .set({ name: '上市企业' })
    .where(and(eq(dictionaryItems.type, 'enterprise_tag'), eq(dictionaryItems.code, 'listed')));
  const before = await tags();

  await ensureReferenceData(database.db);
  const after = await tags();
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)).toMatchObject({ code: 'pre_listing', name: '拟上市', enabled: true });
  expect(after.at(-1)?.sortOrder).toBeGreaterThan(Math.max(...before.map((i) => i.sortOrder)));

  // The administrator disables it: a later start leaves it disabled and adds no second one.
  await database.db.update(dictionaryItems).set({ enabled: false }).where(preListing);
  await ensureReferenceData(database.db);
  const again = await database.db.select().from(dictionaryItems).where(preListing);
  expect(again).toHaveLength(1);
  expect(again[0]?.enabled).toBe(false);
  await database.close();
}, 60_000);
