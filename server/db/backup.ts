import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createPglite, type Database } from './client';
import { rowsOf } from './migrate';

export class BackupError extends Error {}

/**
 * Writes one consistent backup file. PostgreSQL: `pg_dump` custom format (one snapshot). Embedded: PGlite's own
 * dump of its data folder, taken by the only process that has it open (so Lantu must be stopped first).
 */
export async function backupDatabase(options: { databaseUrl?: string; dataDir: string }, file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (options.databaseUrl) {
    const result = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, options.databaseUrl], { encoding: 'utf8' });
    if (result.error) throw new BackupError(`pg_dump is not available: ${result.error.message}. Install the PostgreSQL client tools.`);
    if (result.status !== 0) throw new BackupError(`pg_dump failed: ${result.stderr.trim()}`);
    return;
  }
  const dir = path.join(options.dataDir, 'pglite');
  if (!existsSync(dir)) throw new BackupError(`No embedded database in ${options.dataDir}.`);
  const client = await createPglite(dir);
  try {
    const dump = await client.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await client.close();
  }
}

/** Restores a backup into an empty target: an empty PostgreSQL database, or a data folder with no database yet. */
export async function restoreDatabase(options: { databaseUrl?: string; dataDir: string }, file: string) {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  if (options.databaseUrl) {
    const result = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', options.databaseUrl, file], { encoding: 'utf8' });
    if (result.error) throw new BackupError(`pg_restore is not available: ${result.error.message}. Install the PostgreSQL client tools.`);
    if (result.status !== 0) throw new BackupError(`pg_restore failed (is the database empty?): ${result.stderr.trim()}`);
    return;
  }
  const dir = path.join(options.dataDir, 'pglite');
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(`${dir} already holds a database; restore into an empty data folder.`);
  mkdirSync(options.dataDir, { recursive: true });
  const client = await createPglite(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  await client.close();
}

/** Every table's row count and a digest of its rows in primary-key order: equal fingerprints, equal contents. */
export async function tableFingerprints(database: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  ).map((r) => r.table_name);
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: string; digest: string | null }>(
      await database.db.execute(
        sql.raw(`select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest from "${table}" t`),
      ),
    );
    result[table] = `${row?.n}:${row?.digest ?? ''}`;
  }
  return result;
}
