import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

type Migration = { tag: string; sql: string; hash: string };

export class SchemaNewerThanCodeError extends Error {}

/** The committed migrations, in the order drizzle-kit's journal lists them. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
    return { tag, sql: text, hash: createHash('sha256').update(text).digest('hex') };
  });
}

/**
 * Applies every migration not yet applied, each in its own transaction, under an advisory lock so that two
 * instances starting together do not race. Refuses a database that has migrations this code does not know.
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const { db } = database;
  await database.exec(`create table if not exists lantu_migrations (
    tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
    const rows = await tx.execute<{ tag: string }>(sql`select tag from lantu_migrations order by tag`);
    const applied = new Set(rowsOf<{ tag: string }>(rows).map((r) => r.tag));
    const known = new Set(migrations.map((m) => m.tag));
    const unknown = [...applied].filter((tag) => !known.has(tag));
    if (unknown.length > 0) {
      throw new SchemaNewerThanCodeError(
        `The database schema is newer than this version of Lantu (unknown migrations: ${unknown.join(', ')}). ` +
          'Upgrade Lantu, or restore a backup made with this version.',
      );
    }
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.tag)) continue;
      for (const statement of migration.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into lantu_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`);
      done.push(migration.tag);
    }
    return done;
  });
}

/** node-postgres answers `{ rows }`, PGlite answers `{ rows }` too; keep the one place that knows. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
