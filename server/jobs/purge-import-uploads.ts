import os from 'node:os';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { importJobs } from '../db/schema';
import type { ScheduledJob } from '../lib/scheduler';
import { uploadPath } from '../lib/uploads';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the file of a failed import is kept, for anyone looking into why it failed. */
export const FAILED_UPLOAD_RETENTION_DAYS = 30;
/** A file no import refers to (its process died between storing it and recording the job) is removed after a day. */
const ORPHAN_AFTER_MS = DAY_MS;
/** Statuses after which nothing reads the file again (a commit removes its file itself, unless it crashed first). */
const FINISHED = new Set(['failed', 'committed']);

/** The stored uploads of this instance (the names `saveUpload` makes; anything else in the folder is left alone). */
async function storedUploads(dataDir: string): Promise<string[]> {
  // The folder uploads.ts keeps files in (`<data dir>/uploads`).
  const names = await readdir(path.join(dataDir, 'uploads')).catch(() => [] as string[]);
  return names.filter((name) => {
    try {
      uploadPath(dataDir, name);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Removes uploaded spreadsheets nothing will read again: those of failed (or committed) imports after the retention,
 * and files no import refers to after a day. Files live in each instance's data folder, so the job is claimed per
 * host and folder: instances sharing one folder clean it once a day, instances with their own folders each clean theirs.
 * (Imports stuck in validation or commit are failed by the imports module's own sweep, every minute.)
 */
export function purgeImportUploads(dataDir: string): ScheduledJob {
  return {
    name: `purge-import-uploads@${os.hostname()}:${dataDir}`,
    period: 'daily',
    run: async ({ db, now }) => {
      const names = await storedUploads(dataDir);
      const jobs = names.length
        ? await db
            .select({ storedName: importJobs.storedName, status: importJobs.status, updatedAt: importJobs.updatedAt })
            .from(importJobs)
            .where(inArray(importJobs.storedName, names))
        : [];
      const byName = new Map(jobs.map((j) => [j.storedName, j]));
      const retentionStart = now.getTime() - FAILED_UPLOAD_RETENTION_DAYS * DAY_MS;
      let finished = 0;
      let orphans = 0;
      for (const name of names) {
        const file = uploadPath(dataDir, name);
        const job = byName.get(name);
        const expired = job
          ? FINISHED.has(job.status) && job.updatedAt.getTime() < retentionStart
          : (await stat(file)).mtimeMs < now.getTime() - ORPHAN_AFTER_MS;
        if (!expired) continue;
        await rm(file, { force: true });
        if (job) finished += 1;
        else orphans += 1;
      }
      return { removed: finished + orphans, orphans, kept: names.length - finished - orphans };
    },
  };
}
