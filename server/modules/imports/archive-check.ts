import { open as openFile, readFile } from 'node:fs/promises';
import yauzl from 'yauzl';
import { AppError } from '../../lib/errors';
import { csvText } from '../../lib/spreadsheets/csv-reader';

/** The most an .xlsx may unpack to (a 20 MB upload of 100,000 rows unpacks to well under this). */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** The most any entry may be compressed; ordinary sheets compress 5–20 times, zip bombs a thousand. */
export const MAX_ENTRY_RATIO = 200;
const MAX_ENTRIES = 10_000;
// Small entries compress absurdly well too (a run of spaces); the ratio is judged from this size up.
const RATIO_FROM_BYTES = 1024 * 1024;
const REQUIRED_ENTRIES = ['[Content_Types].xml', 'xl/workbook.xml'];

const notXlsx = () => new AppError(400, 'not_xlsx', 'import.not_xlsx');

/** A file that is not a zip is accepted only as CSV text: no NUL bytes (UTF-8 or GB18030 is told when it is read). */
export async function checkCsvText(file: string): Promise<void> {
  if (csvText(await readFile(file)) === null) throw notXlsx();
}
const zipBomb = () =>
  new AppError(413, 'zip_bomb', 'import.zip_bomb', { limit: `${MAX_UNPACKED_BYTES / 1024 / 1024} MB`, ratio: MAX_ENTRY_RATIO });

/**
 * Checks by content that a stored upload is an .xlsx workbook and safe to unpack, before anything parses it: a
 * zip (by its signature) whose central directory lists a workbook, within the entry count, unpacked size and
 * compression ratio limits; then every entry is unpacked once, counting bytes, so a directory that lies about
 * its sizes is caught too (yauzl checks each entry's real size against the declared one).
 */
export async function checkXlsxArchive(file: string): Promise<void> {
  const handle = await openFile(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, opened) =>
      error || !opened ? reject(notXlsx()) : resolve(opened),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    const names = new Set<string>();
    let total = 0;
    let entries = 0;
    const fail = (error: AppError) => {
      zip.close();
      reject(error);
    };
    zip.on('error', () => fail(notXlsx()));
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entries > MAX_ENTRIES || total > MAX_UNPACKED_BYTES) return fail(zipBomb());
      if (entry.uncompressedSize >= RATIO_FROM_BYTES && ratio > MAX_ENTRY_RATIO) return fail(zipBomb());
      if (entry.isEncrypted()) return fail(notXlsx());
      names.add(entry.fileName);
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(notXlsx());
        stream.on('error', () => fail(notXlsx()));
        stream.on('data', () => {});
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.on('end', () => (REQUIRED_ENTRIES.every((n) => names.has(n)) ? resolve() : reject(notXlsx())));
    zip.readEntry();
  });
}
