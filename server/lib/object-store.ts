import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Config } from '../config';
import { s3Store } from './s3-store';
import { uploadPath, uploadsDir } from './uploads';

// Where attachment files (and their thumbnails) are kept: the data folder's `attachments/` (one machine, or a folder
// every instance shares), or an S3-compatible bucket (several instances, no shared folder). Objects are named by the
// server (`<uuid>.upload`, see uploads.ts), written once, never changed, only removed.

/** A stored object, as a listing gives it. */
export type StoredObject = { name: string; size: number; modifiedAt: Date };

/** What to store: a file on this machine (moved or copied in, then no longer needed) or bytes in memory. */
export type ObjectSource = { file: string } | { bytes: Buffer };

export type ObjectStore = {
  /** `folder` (the data folder) or `s3`, for the backup's manifest and the logs. */
  readonly kind: 'folder' | 's3';
  /** Where, in words for an administrator (a folder or `s3://bucket/prefix`); never a secret. */
  readonly location: string;
  /** Stores an object under a name `newStoredName` made; the source file may be moved away. */
  put(name: string, source: ObjectSource): Promise<void>;
  /** The object's bytes as a stream, with its size; null when there is no such object. */
  get(name: string): Promise<{ body: Readable; size: number } | null>;
  /** The object's size, or null when there is none. */
  head(name: string): Promise<{ size: number } | null>;
  /** Removes the object (none is fine). */
  delete(name: string): Promise<void>;
  /** Every object of the store (its names of the stored form only). */
  list(): AsyncIterable<StoredObject>;
};

/** The store could not be reached or refused the request: the user is told to try again later (503), nothing kept. */
export class ObjectStoreError extends Error {}

const isStoredName = (dataDir: string, name: string) => {
  try {
    uploadPath(dataDir, name, 'attachments');
    return true;
  } catch {
    return false;
  }
};

/** The data folder's `attachments/` (mode 0700, files 0600). */
export function folderStore(dataDir: string): ObjectStore {
  const dir = uploadsDir(dataDir, 'attachments');
  const pathOf = (name: string) => uploadPath(dataDir, name, 'attachments');
  const ensure = () => mkdir(dir, { recursive: true, mode: 0o700 });
  return {
    kind: 'folder',
    location: dir,
    async put(name, source) {
      await ensure();
      const target = pathOf(name);
      if ('bytes' in source) return writeFile(target, source.bytes, { flag: 'wx', mode: 0o600 });
      try {
        await rename(source.file, target);
      } catch (error) {
        // Another file system (a data folder on another disk than the staging one): copy, then remove.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(source.file, target);
        await rm(source.file, { force: true });
      }
    },
    async get(name) {
      const found = await stat(pathOf(name)).catch(() => null);
      if (!found) return null;
      return { body: createReadStream(pathOf(name)), size: found.size };
    },
    async head(name) {
      const found = await stat(pathOf(name)).catch(() => null);
      return found ? { size: found.size } : null;
    },
    async delete(name) {
      await rm(pathOf(name), { force: true });
    },
    async *list() {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (!isStoredName(dataDir, name)) continue;
        const found = await stat(pathOf(name)).catch(() => null);
        if (found) yield { name, size: found.size, modifiedAt: found.mtime };
      }
    },
  };
}

/** The attachments' store the configuration names: the S3-compatible bucket when one is set, else the data folder. */
export function objectStoreOf(config: Pick<Config, 'dataDir' | 's3'>): ObjectStore {
  return config.s3 ? s3Store(config.s3) : folderStore(config.dataDir);
}

/** Whether a name is of the form the server gives stored objects (anything else in a folder or bucket is left alone). */
export const isObjectName = (name: string) => isStoredName('/', name);
