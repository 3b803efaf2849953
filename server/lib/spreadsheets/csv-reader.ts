import { open, readFile } from 'node:fs/promises';
import type { SheetRow } from './sheet-xml';

/** Whether a stored upload is a zip (an .xlsx) by its first four bytes; otherwise it may be CSV text. */
export async function isZipFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/**
 * A CSV file's text: UTF-8 (with or without its byte-order mark) when its bytes are valid UTF-8, else GB18030 (what
 * Excel and WPS write on a Chinese Windows, a superset of GBK and GB2312). Null when it is no text at all (NUL bytes).
 */
export function csvText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The rows of CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks); numbered from 1. */
export function* csvRecords(text: string): Generator<SheetRow> {
  let cells: (string | null)[] = [null];
  let field = '';
  let quoted = false;
  let number = 1;
  let i = 0;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      endField();
      yield { number, cells };
      number += 1;
      cells = [null];
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || cells.length > 1) {
    endField();
    yield { number, cells };
  }
}

/** The rows of a CSV upload, as the sheet reader gives an .xlsx sheet's. */
export async function* csvRows(file: string): AsyncGenerator<SheetRow> {
  const text = csvText(await readFile(file));
  if (text === null) return;
  yield* csvRecords(text);
}
