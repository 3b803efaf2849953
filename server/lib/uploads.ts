import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Uploaded files live in `<data dir>/uploads` (import spreadsheets, purged once read) or `<data dir>/attachments`
// (photos and documents, kept with their record and included in `lantu backup`), outside the web root, under random
// names the server chose: a user's file name is shown, never used as a path. Files are readable by the server's
// account only.
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.upload$/;

/** The folders of the data folder uploads are kept in. */
export type UploadFolder = 'uploads' | 'attachments';

/** The folder of the data folder a kind of upload is kept in. */
export const uploadsDir = (dataDir: string, folder: UploadFolder = 'uploads') => path.join(dataDir, folder);

/** The path of a stored upload; refuses anything but a name `saveUpload` made, so no path can be smuggled in. */
export function uploadPath(dataDir: string, storedName: string, folder: UploadFolder = 'uploads'): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored upload name: ${storedName}`);
  return path.join(uploadsDir(dataDir, folder), storedName);
}

/** A new name for a stored file, of the one form `uploadPath` (and the attachments' object store) accept. */
export const newStoredName = () => `${randomUUID()}.upload`;

/** Writes an uploaded stream to a new private file (mode 0600) and answers its stored name and size. */
export async function saveUpload(
  dataDir: string,
  stream: Readable,
  folder: UploadFolder = 'uploads',
): Promise<{ storedName: string; sizeBytes: number }> {
  await mkdir(uploadsDir(dataDir, folder), { recursive: true, mode: 0o700 });
  const storedName = newStoredName();
  const file = uploadPath(dataDir, storedName, folder);
  try {
    await pipeline(stream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { storedName, sizeBytes: (await stat(file)).size };
}

/** Deletes a stored upload (gone already is fine). */
export async function removeUpload(dataDir: string, storedName: string, folder: UploadFolder = 'uploads') {
  await rm(uploadPath(dataDir, storedName, folder), { force: true });
}
