import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { ObjectStore } from '../lib/object-store';
import { uploadPath, uploadsDir } from '../lib/uploads';
import { type ArchiveEntry, type ArchiveMember, extractMember, readArchiveIndex, writeArchive } from './backup-archive';
import { createPglite, type Database } from './client';
import { rowsOf } from './migrate';

export class BackupError extends Error {}

/** Where the database and the attachments are: an S3-compatible `store` instead of the data folder's files, when set. */
type Target = { databaseUrl?: string; dataDir: string; store?: ObjectStore };

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
    const files = await attachmentEntries(options);
    const manifest = path.join(work, MANIFEST);
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 1,
        database: options.databaseUrl ? 'postgresql' : 'pglite',
        attachments: files.length,
        store: options.store?.kind ?? 'folder',
      }),
    );
    const entries: ArchiveEntry[] = [{ name: MANIFEST, source: manifest }, { name: DATABASE, source: dump }, ...files];
    await writeArchive(file, entries);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The attachment files to archive: the data folder's, or — with an S3-compatible store — every object of the bucket's
 * prefix, streamed from the bucket into the archive one after the other (listed after the database snapshot, like the
 * folder's files).
 */
async function attachmentEntries(options: Target): Promise<ArchiveEntry[]> {
  const { store } = options;
  if (!store || store.kind === 'folder') {
    return attachmentFiles(options.dataDir).map((name) => ({
      name: `${ATTACHMENTS}${name}`,
      source: uploadPath(options.dataDir, name, 'attachments'),
    }));
  }
  const entries: ArchiveEntry[] = [];
  for await (const object of store.list()) {
    entries.push({
      name: `${ATTACHMENTS}${object.name}`,
      size: object.size,
      open: async () => {
        const found = await store.get(object.name);
        if (!found) throw new BackupError(`${object.name} vanished from ${store.location} while the backup was written; run it again.`);
        return found.body;
      },
    });
  }
  return entries;
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
  if (options.store && options.store.kind !== 'folder') {
    await restoreToStore(file, files, options.store);
    return;
  }
  if (files.length > 0) mkdirSync(uploadsDir(options.dataDir, 'attachments'), { recursive: true, mode: 0o700 });
  for (const member of files) {
    // uploadPath refuses any name but a stored one: nothing in the archive can write outside the folder.
    const target = uploadPath(options.dataDir, member.name.slice(ATTACHMENTS.length), 'attachments');
    await extractMember(file, member, target);
  }
}

/**
 * Puts a backup's attachment files into an S3-compatible store. An object already there with the same size is left
 * as it is (names are random and objects never change: it is the same file, as when the bucket outlived the
 * database); one of another size is refused. The files go through the temporary folder one at a time.
 */
async function restoreToStore(file: string, members: ArchiveMember[], store: ObjectStore) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-restore-files-'));
  try {
    for (const member of members) {
      const name = member.name.slice(ATTACHMENTS.length);
      // uploadPath refuses any name but a stored one: nothing in the archive can name another key.
      const staged = uploadPath(work, name, 'attachments');
      const present = await store.head(name);
      if (present && present.size === member.size) continue;
      if (present)
        throw new BackupError(`${store.location} already holds ${name} with other contents; restore into an empty bucket folder.`);
      mkdirSync(path.dirname(staged), { recursive: true, mode: 0o700 });
      await extractMember(file, member, staged);
      await store.put(name, { file: staged });
      rmSync(staged, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
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
