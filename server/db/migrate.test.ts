import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createPglite, openDatabase } from './client';
import { SchemaNewerThanCodeError, loadMigrations, migrate } from './migrate';

it('applies the committed migrations once and refuses a database whose schema is newer than the code', async () => {
  const database = await openDatabase({ pglite: await createPglite() });
  const migrations = loadMigrations();
  expect(await migrate(database, migrations)).toEqual(migrations.map((m) => m.tag));
  expect(await migrate(database, migrations)).toEqual([]);
  await database.db.execute(sql`insert into lantu_migrations (tag, hash) values ('9999_from_the_future', 'x')`);
  await expect(migrate(database, migrations)).rejects.toThrow(SchemaNewerThanCodeError);
  await expect(migrate(database, migrations)).rejects.toThrow(/newer than this version of Lantu/);
  await database.close();
}, 60_000);
