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
