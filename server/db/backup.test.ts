import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect, inject, it } from 'vitest';
import { s3Store } from '../lib/s3-store';
import { newStoredName, saveUpload, uploadPath } from '../lib/uploads';
import { startFakeS3 } from '../test/fake-s3';
import { adminQuery, prepareTemplate, withDatabase } from '../test/databases';
import { backupDatabase, restoreDatabase, tableFingerprints } from './backup';
import { readArchiveIndex } from './backup-archive';
import { openDatabase } from './client';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lantu-backup-'));

/** Attachment files in a data folder (a photo-sized one and an empty one), as the attachments module stores them. */
async function storeAttachmentFiles(dataDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const body of [Buffer.alloc(3 * 1024 * 1024 + 17, 'x'), Buffer.alloc(0)]) {
    const { storedName } = await saveUpload(dataDir, Readable.from([body]), 'attachments');
    files.set(storedName, body);
  }
  return files;
}

/** The attachment files came back byte for byte, and nothing else came with them. */
function expectAttachmentFiles(dataDir: string, files: Map<string, Buffer>) {
  expect(readdirSync(path.join(dataDir, 'attachments')).sort()).toEqual([...files.keys()].sort());
  for (const [name, body] of files) expect(readFileSync(uploadPath(dataDir, name, 'attachments')).equals(body)).toBe(true);
}

it('round-trips the embedded database and the attachment files: every table and file identical after backup and restore', async () => {
  // The source is the test run's demo database (built once by the global setup), restored into a data folder: the
  // template is a bare database dump, so this restores a backup of the format before attachments too.
  const source = tmp();
  await restoreDatabase({ dataDir: source }, inject('pgliteTemplate'));
  const files = await storeAttachmentFiles(source);
  const original = await openDatabase({ dataDir: source });
  const before = await tableFingerprints(original);
  await original.close();

  const file = path.join(tmp(), 'lantu.tar.gz');
  await backupDatabase({ dataDir: source }, file);
  const target = tmp();
  await restoreDatabase({ dataDir: target }, file);
  const restored = await openDatabase({ dataDir: target });
  expect(await tableFingerprints(restored)).toEqual(before);
  expect(Object.keys(before).length).toBeGreaterThan(10);
  await restored.close();
  expectAttachmentFiles(target, files);
  await expect(restoreDatabase({ dataDir: target }, file)).rejects.toThrow(/already holds a database/);
}, 180_000);

it('round-trips PostgreSQL through pg_dump and pg_restore', async ({ skip }) => {
  const url = inject('postgresUrl');
  if (!url) skip('LANTU_TEST_DATABASE_URL is not set');
  const [from, to] = [`lantu_bk_a_${process.pid}`, `lantu_bk_b_${process.pid}`];
  for (const name of [from, to]) {
    await adminQuery(url, `drop database if exists ${name}`);
    await adminQuery(url, `create database ${name}`);
  }
  const original = await openDatabase({ databaseUrl: withDatabase(url, from) });
  await prepareTemplate(original);
  const before = await tableFingerprints(original);
  await original.close();
  const file = path.join(tmp(), 'lantu.dump');
  const [sourceDir, targetDir] = [tmp(), tmp()];
  const files = await storeAttachmentFiles(sourceDir);
  await backupDatabase({ databaseUrl: withDatabase(url, from), dataDir: sourceDir }, file);
  await restoreDatabase({ databaseUrl: withDatabase(url, to), dataDir: targetDir }, file);
  const restored = await openDatabase({ databaseUrl: withDatabase(url, to) });
  expect(await tableFingerprints(restored)).toEqual(before);
  await restored.close();
  expectAttachmentFiles(targetDir, files);
  for (const name of [from, to]) await adminQuery(url, `drop database if exists ${name}`);
}, 180_000);

it('with an S3-compatible store, copies the bucket’s objects into the backup and puts them into the bucket on restore', async () => {
  const [source, sink] = [await startFakeS3({ pageSize: 1 }), await startFakeS3({ bucket: 'lantu-restored' })];
  try {
    const dataDir = tmp();
    await restoreDatabase({ dataDir }, inject('pgliteTemplate'));
    const store = s3Store(source.settings);
    const files = new Map<string, Buffer>();
    for (const body of [Buffer.alloc(2 * 1024 * 1024 + 5, 'p'), Buffer.from('缩略图'), Buffer.alloc(0)]) {
      const name = newStoredName();
      await store.put(name, { bytes: body });
      files.set(name, body);
    }
    source.objects.set('attachments/not-ours.txt', { body: Buffer.from('left out'), modifiedAt: new Date() });

    const file = path.join(tmp(), 'lantu-s3.tar');
    await backupDatabase({ dataDir, store }, file);
    const members = readArchiveIndex(file);
    expect(
      members
        .map((m) => m.name)
        .filter((n) => n.startsWith('attachments/'))
        .sort(),
    ).toEqual([...files.keys()].map((n) => `attachments/${n}`).sort());
    const manifest = members.find((m) => m.name === 'lantu-backup.json');
    const fd = readFileSync(file);
    expect(JSON.parse(fd.subarray(manifest?.offset, (manifest?.offset ?? 0) + (manifest?.size ?? 0)).toString())).toMatchObject({
      attachments: 3,
      store: 's3',
    });

    // Into a new data folder and another bucket: the database and every object, byte for byte; the data folder has no files.
    const target = tmp();
    const restoredStore = s3Store(sink.settings);
    sink.objects.set(`attachments/${[...files.keys()][0]}`, {
      body: files.get([...files.keys()][0] ?? '') ?? Buffer.alloc(0),
      modifiedAt: new Date(),
    });
    await restoreDatabase({ dataDir: target, store: restoredStore }, file);
    for (const [name, body] of files) expect(sink.objects.get(`attachments/${name}`)?.body.equals(body)).toBe(true);
    expect(sink.objects.size).toBe(files.size);
    // The object already there (the bucket outlived the database) was left as it was, not written again.
    expect(sink.requests.filter((r) => r.method === 'PUT')).toHaveLength(files.size - 1);
    expect(existsSync(path.join(target, 'attachments'))).toBe(false);
    const restored = await openDatabase({ dataDir: target });
    expect(Object.keys(await tableFingerprints(restored)).length).toBeGreaterThan(10);
    await restored.close();

    // An object of the same name but other contents is not overwritten.
    const again = tmp();
    const clash = [...files.keys()][1] ?? '';
    sink.objects.set(`attachments/${clash}`, { body: Buffer.from('something else entirely'), modifiedAt: new Date() });
    await expect(restoreDatabase({ dataDir: again, store: restoredStore }, file)).rejects.toThrow(/already holds .* with other contents/);
  } finally {
    await source.close();
    await sink.close();
  }
}, 180_000);
