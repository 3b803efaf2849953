import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { type MergedRange, type SheetContext, type SheetRow, mergedRanges, worksheetRows } from './sheet-xml';

/**
 * The length of the part of `bytes` that ends on a whole UTF-8 character: a lead byte near the end whose character
 * needs more bytes than remain is left for the next chunk.
 */
export function wholeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Re-cuts a byte stream so that no chunk ends inside a UTF-8 character. */
export async function* wholeUtf8Chunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
    const cut = wholeUtf8Length(bytes);
    carry = bytes.subarray(cut);
    if (cut > 0) yield bytes.subarray(0, cut);
  }
  if (carry.length) yield carry;
}

type Entry = { fileName: string };
type Parsers = {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
};

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('not a zip')) : resolve(zip),
    ),
  );

/** Every entry of the zip by name, from its central directory. */
const entriesOf = (zip: yauzl.ZipFile) =>
  new Promise<Map<string, yauzl.Entry>>((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The worksheets' numbers in the workbook's tab order (then any the workbook does not list, by number). */
function sheetOrder(reader: Parsers, entries: Map<string, Entry>): string[] {
  const numbers = [...entries.keys()].flatMap((name) => SHEET.exec(name)?.[1] ?? []).sort((a, b) => Number(a) - Number(b));
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target.replace(/^\/?(xl\/)?/, '')]));
  const listed = (reader.model?.sheets ?? []).flatMap(
    (sheet) => /^worksheets\/sheet(\d+)\.xml$/.exec(targets.get(sheet.rId) ?? '')?.[1] ?? [],
  );
  return [...new Set([...listed.filter((n) => numbers.includes(n)), ...numbers])];
}

/** The tab name of the worksheet part `sheet<number>.xml`, from the workbook's sheet list. */
function sheetNameOf(reader: Parsers, number: string): string | undefined {
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target.replace(/^\/?(xl\/)?/, '')]));
  const sheets = (reader.model?.sheets ?? []) as { rId: string; name?: string }[];
  return sheets.find((sheet) => targets.get(sheet.rId) === `worksheets/sheet${number}.xml`)?.name;
}

/** Opens a zip entry as a stream, or null when the zip has no such part. */
function opener(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>, opened: Readable[]) {
  return async (name: string) => {
    const entry = entries.get(name);
    if (!entry) return null;
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, read) => (error || !read ? reject(error ?? new Error(name)) : resolve(read))),
    );
    opened.push(stream);
    return stream;
  };
}

/**
 * Reads the first worksheet of an .xlsx file, streamed, so a file of 100,000 rows is never held whole in memory.
 * The zip is opened with yauzl (random access from the central directory) instead of ExcelJS's forward-only
 * unzipper, which now and then ended an entry early (seen as a workbook without sheets, about once in a thousand
 * reads) and must spill sheets to temporary files when the workbook part comes last, as ExcelJS writes it. The
 * parts are read in the order needed: relationships and workbook (ExcelJS's parsers: which sheet is first, the 1904
 * date system), shared strings and styles (ExcelJS's parsers, cached), then the sheet through `worksheetRows`, Lantu's
 * own cell reader, which tolerates cells and rows without an `r` attribute (ExcelJS's throws from decodeAddress).
 * Every XML part is re-cut on character boundaries: ExcelJS decodes each compressed chunk on its own, so a Chinese
 * character split between two chunks turned into U+FFFD (exceljs issues #2063, #2084; 4.4.0 is the newest release).
 * With `merges`, the sheet is scanned once first for its merged ranges, answered before the first row.
 */
export async function* firstSheetRows(
  file: string,
  options: { merges?: (ranges: MergedRange[]) => void; sheetName?: (name: string) => void } = {},
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache' }) as unknown as Parsers & {
    sharedStrings?: CellValue[];
    properties?: { model?: { date1904?: boolean } };
    styles: { getStyleModel(id: number): { numFmt?: string } | null };
  };
  const zip = await openZip(file);
  const opened: Readable[] = [];
  try {
    const entries = await entriesOf(zip);
    const open = opener(zip, entries, opened);
    const rels = await open('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    const workbook = await open('xl/workbook.xml');
    if (workbook) await reader._parseWorkbook(workbook);
    const sharedStrings = await open('xl/sharedStrings.xml');
    if (sharedStrings) {
      for await (const _ of reader._parseSharedStrings(Readable.from(wholeUtf8Chunks(sharedStrings), { objectMode: false }))) {
        // cached on the reader
      }
    }
    const styles = await open('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const [first] = sheetOrder(reader, entries);
    if (first === undefined) return;
    options.sheetName?.(sheetNameOf(reader, first) ?? '');
    const part = `xl/worksheets/sheet${first}.xml`;
    if (options.merges) {
      const scan = await open(part);
      options.merges(scan ? await mergedRanges(scan) : []);
    }
    const sheet = await open(part);
    if (!sheet) return;
    const context: SheetContext = {
      sharedStrings: reader.sharedStrings ?? [],
      numFmtOf: (style) => reader.styles.getStyleModel(style)?.numFmt,
      date1904: Boolean(reader.properties?.model?.date1904),
    };
    yield* worksheetRows(wholeUtf8Chunks(sheet), context);
  } finally {
    for (const stream of opened) stream.destroy();
    zip.close();
  }
}
