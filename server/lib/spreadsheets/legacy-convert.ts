import { execFile } from 'node:child_process';
import { mkdtemp, open, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors';

// An OLE compound file (the old binary .xls, and WPS's .et): D0 CF 11 E0 A1 B1 1A E1.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// The longest a conversion may take; a workbook that takes longer is refused.
const CONVERT_TIMEOUT_MS = 120_000;

/** Whether a stored upload is an old binary workbook (.xls / .et) by its first eight bytes. */
export async function isLegacyWorkbook(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.equals(OLE_SIGNATURE);
  } finally {
    await handle.close();
  }
}

/**
 * Converts an old binary workbook (.xls, WPS .et) to .xlsx in place with LibreOffice, when the server has it (an
 * optional dependency: `soffice` on the PATH, or LANTU_SOFFICE naming the program). Without LibreOffice, or when the
 * conversion fails or takes over two minutes, the upload is refused with a message asking for .xlsx. The converted
 * file replaces the upload and is then checked like any .xlsx.
 */
export async function convertLegacyWorkbook(file: string): Promise<void> {
  const program = process.env.LANTU_SOFFICE ?? 'soffice';
  const work = await mkdtemp(path.join(os.tmpdir(), 'lantu-convert-'));
  try {
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const source = path.join(work, 'upload.xls');
    await rename(file, source);
    await new Promise<void>((resolve, reject) =>
      execFile(
        program,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', work, source],
        { timeout: CONVERT_TIMEOUT_MS, maxBuffer: 1024 * 1024 },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const converted = (await readdir(work)).find((name) => name === 'upload.xlsx');
    if (!converted) throw new Error('no converted workbook');
    await rename(path.join(work, converted), file);
  } catch {
    throw new AppError(400, 'not_xlsx', 'import.legacy_workbook');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
