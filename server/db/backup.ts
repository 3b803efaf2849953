import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { uploadPath, uploadsDir } from '../lib/uploads';
import { type ArchiveEntry, extractMember, readArchiveIndex, writeArchive } from './backup-archive';
import { createPglite, type Database } from './client';
import { rowsOf } from './migrate';

export class BackupError extends Error {}

type Target = { databaseUrl?: string; dataDir: string };

// A backup file is a tar: `lantu-backup.json` (what it holds), `database.dump` (pg_dump's custom format, or PGlite's
// dump of its folder) and `attachments/<stored name>` for every attachment file of the data folder. A file written
// before attachments existed is the bare database dump, and still restores.
const MANIFEST = 'lantu-backup.json';
const DATABASE = 'database.dump';
const ATTACHMENTS = 'attachments/';

/** The attachment files of a data folder (the names uploads.ts makes; anything else in the folder is left out). */
function attachmentFiles(dataDir: string): string[] {
  const dir = uploadsDir(dataDir, 'attachments');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => {
    try {
      uploadPath(dataDir, name, 'attachments');
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Writes one backup file: the database and the attachment files. PostgreSQL: `pg_dump` custom format (one snapshot,
 * taken while Lantu runs), then the attachment files present right after it (files are never changed once written,
 * only added and removed). Embedded: PGlite's own dump of its data folder, taken by the only process that has it open
 * (so Lantu must be stopped first).
 */
export async function backupDatabase(options: Target, file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-backup-'));
  try {
    const dump = path.join(work, DATABASE);
    await dumpDatabase(options, dump);
    const files = attachmentFiles(options.dataDir);
    const manifest = path.join(work, MANIFEST);
    writeFileSync(
      manifest,
      JSON.stringify({ format: 1, database: options.databaseUrl ? 'postgresql' : 'pglite', attachments: files.length }),
    );
    const entries: ArchiveEntry[] = [
      { name: MANIFEST, source: manifest },
      { name: DATABASE, source: dump },
      ...files.map((name) => ({ name: `${ATTACHMENTS}${name}`, source: uploadPath(options.dataDir, name, 'attachments') })),
    ];
    await writeArchive(file, entries);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes the database alone to `file` (the backup's `database.dump`). */
async function dumpDatabase(options: Target, file: string) {
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

/**
 * Restores a backup into an empty target: an empty PostgreSQL database, or a data folder with no database yet; the
 * attachment files go to the data folder's `attachments`.
 */
export async function restoreDatabase(options: Target, file: string) {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const members = readArchiveIndex(file);
  if (members[0]?.name !== MANIFEST) {
    // A backup from before attachments: the database dump alone.
    await restoreDump(options, file);
    return;
  }
  const dump = members.find((member) => member.name === DATABASE);
  if (!dump) throw new BackupError(`${file} holds no database.`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-restore-'));
  try {
    const dumpFile = path.join(work, DATABASE);
    await extractMember(file, dump, dumpFile);
    await restoreDump(options, dumpFile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const files = members.filter((member) => member.name.startsWith(ATTACHMENTS));
  if (files.length > 0) mkdirSync(uploadsDir(options.dataDir, 'attachments'), { recursive: true, mode: 0o700 });
  for (const member of files) {
    // uploadPath refuses any name but a stored one: nothing in the archive can write outside the folder.
    const target = uploadPath(options.dataDir, member.name.slice(ATTACHMENTS.length), 'attachments');
    await extractMember(file, member, target);
  }
}

/** Restores the database dump alone. */
async function restoreDump(options: Target, file: string) {
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
