import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importJobs } from '../db/schema';
import { saveUpload, uploadPath } from '../lib/uploads';
import { describeEachDatabase } from '../test/harness';
import { FAILED_UPLOAD_RETENTION_DAYS, purgeImportUploads } from './purge-import-uploads';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describeEachDatabase('scheduled job: purge import uploads', (t) => {
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantu-uploads-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A stored upload, and an import job that refers to it, last changed `daysAgo` days ago. */
  async function upload(status: (typeof importJobs.$inferInsert)['status'] | 'orphan', daysAgo: number) {
    const { storedName, sizeBytes } = await saveUpload(dataDir, Readable.from([Buffer.from('PK fake xlsx')]));
    const file = uploadPath(dataDir, storedName);
    const then = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
    await utimes(file, then, then);
    if (status !== 'orphan') {
      await t()
        .database.db.insert(importJobs)
        .values({
          regionCode: '370105',
          kind: 'projects',
          status,
          fileName: `${status}.xlsx`,
          storedName,
          sizeBytes,
          updatedAt: sql`now() - make_interval(days => ${daysAgo})`,
        });
    }
    return file;
  }

  it('removes files nothing will read again, after their retention, and keeps every other file', async () => {
    const old = FAILED_UPLOAD_RETENTION_DAYS + 1;
    const removed = [await upload('failed', old), await upload('committed', old), await upload('orphan', 2)];
    const kept = [
      await upload('failed', FAILED_UPLOAD_RETENTION_DAYS - 1),
      // An invalid import's file makes its marked copy; a ready one is read again by the commit.
      await upload('invalid', old),
      await upload('ready', old),
      await upload('validating', 0),
      // Perhaps still being written by the upload that stored it.
      await upload('orphan', 0),
    ];
    const stranger = path.join(dataDir, 'uploads', 'notes.txt');
    await writeFile(stranger, 'not an upload');

    const outcome = await purgeImportUploads(dataDir).run({ db: t().database.db, now: new Date(), log: silent });

    expect(outcome).toEqual({ removed: 3, orphans: 1, kept: kept.length });
    expect(removed.filter(existsSync)).toEqual([]);
    expect(kept.filter((f) => !existsSync(f))).toEqual([]);
    expect(existsSync(stranger)).toBe(true);
  });

  it('is claimed per host and data folder, and does nothing when there is no uploads folder', async () => {
    const job = purgeImportUploads('/nonexistent');
    expect(job.name).toBe(`purge-import-uploads@${os.hostname()}:/nonexistent`);
    expect(await job.run({ db: t().database.db, now: new Date(), log: silent })).toEqual({ removed: 0, orphans: 0, kept: 0 });
  });
});
