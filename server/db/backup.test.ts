import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { adminQuery, prepareTemplate, withDatabase } from '../test/databases';
import { backupDatabase, restoreDatabase, tableFingerprints } from './backup';
import { openDatabase } from './client';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lantu-backup-'));

it('round-trips the embedded database: every table identical after backup and restore', async () => {
  // The source is the test run's demo database (built once by the global setup), restored into a data folder.
  const source = tmp();
  await restoreDatabase({ dataDir: source }, inject('pgliteTemplate'));
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
  await backupDatabase({ databaseUrl: withDatabase(url, from), dataDir: tmp() }, file);
  await restoreDatabase({ databaseUrl: withDatabase(url, to), dataDir: tmp() }, file);
  const restored = await openDatabase({ databaseUrl: withDatabase(url, to) });
  expect(await tableFingerprints(restored)).toEqual(before);
  await restored.close();
  for (const name of [from, to]) await adminQuery(url, `drop database if exists ${name}`);
}, 180_000);
