import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { staleVersion } from './errors';

/** A table whose records carry the optimistic-concurrency `version` and an `updated_at`. */
type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

/**
 * The one way a service saves an edit under optimistic concurrency: writes `values` to the record whose `key`
 * column equals `keyValue` only while its version is still `version`, bumping the version and `updated_at`, and
 * answers the written row. Someone who saved first (or a record gone meanwhile) answers 409 `version_conflict`
 * and nothing is written.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  where: { key: PgColumn; keyValue: unknown; version: number },
  values: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  const bump = { version: sql`${table.version} + 1`, updatedAt: sql`now()` };
  const condition = and(eq(where.key, where.keyValue), eq(table.version, where.version)) as SQL;
  const [row] = (await db
    .update(table)
    .set({ ...values, ...bump } as PgUpdateSetSource<T>)
    .where(condition)
    .returning()) as T['$inferSelect'][];
  if (!row) throw staleVersion();
  return row;
}
