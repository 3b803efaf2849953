import { createRequire } from 'node:module';
import type { CellValue } from 'exceljs';

// ExcelJS's own SAX wrapper (saxes, batched per chunk) and its date helpers, loaded from ExcelJS's package so that
// the reader parses XML exactly as ExcelJS does without a dependency of its own.
const require = createRequire(import.meta.url);
type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };
const parseSax = require('exceljs/lib/utils/parse-sax.js') as (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<SaxEvent[]>;
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904: boolean): Date;
};

/** One row of a sheet: its spreadsheet row number and its cells by column number (1 = A). */
export type SheetRow = { number: number; cells: CellValue[] };

/** What a worksheet's cells refer to: the shared strings, the styles' number formats, the 1904 date system. */
export type SheetContext = {
  sharedStrings: CellValue[];
  numFmtOf(style: number): string | undefined;
  date1904: boolean;
};

// Excel's largest sheet: 1,048,576 rows × 16,384 columns (XFD).
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The column number of a cell reference (`AB12` → 28), or null when the reference is missing or not one. */
export function columnOfRef(ref: string | undefined): number | null {
  const match = ref ? /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref.trim()) : null;
  if (!match?.[1]) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column >= 1 && column <= MAX_COLUMN ? column : null;
}

/** The row number of a cell reference (`AB12` → 12), or null. */
export function rowOfRef(ref: string | undefined): number | null {
  const match = ref ? /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(ref.trim()) : null;
  const row = match?.[1] ? Number(match[1]) : Number.NaN;
  return Number.isInteger(row) && row >= 1 && row <= MAX_ROW ? row : null;
}

const positiveInt = (text: string | undefined, max: number): number | null => {
  if (!text || !/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
};

/**
 * Reads the rows of one worksheet's XML, streamed. Tolerates every legal variant and some that are not: rows and
 * cells without an `r` attribute (placed after the previous one, as the format says), references that cannot be
 * decoded (placed likewise), shared or inline strings (rich inline runs joined, phonetic runs left out), formulas
 * (their cached result), booleans, errors (their text, e.g. `#DIV/0!`), ISO dates (`t="d"`) and numbers (dates
 * when their style's number format is a date format; no styles = plain numbers). Never throws on a cell.
 */
export async function* worksheetRows(chunks: AsyncIterable<Uint8Array>, context: SheetContext): AsyncGenerator<SheetRow> {
  let inSheetData = false;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let column = 0;
  let cell: { type: string | undefined; style: number; text: string | null; formula: boolean } | null = null;
  let capturing = false;
  let inPhonetic = false;
  for await (const events of parseSax(chunks)) {
    const ready: SheetRow[] = [];
    for (const event of events) {
      if (event.eventType === 'opentag') {
        const { name, attributes } = event.value;
        if (name === 'sheetData') inSheetData = true;
        else if (!inSheetData) continue;
        else if (name === 'row') {
          const number = positiveInt(attributes.r, MAX_ROW) ?? lastRow + 1;
          row = { number: Math.max(number, lastRow + 1), cells: [] };
          column = 0;
        } else if (name === 'c' && row) {
          column = Math.max(columnOfRef(attributes.r) ?? column + 1, column + 1);
          cell = { type: attributes.t, style: positiveInt(attributes.s, 1_000_000) ?? 0, text: null, formula: false };
        } else if (cell && name === 'v') {
          cell.text = '';
          capturing = true;
        } else if (cell && name === 'is') {
          cell.text = '';
        } else if (cell && name === 'rPh') {
          inPhonetic = true;
        } else if (cell && name === 't' && cell.text !== null && !inPhonetic) {
          capturing = true;
        } else if (cell && name === 'f') {
          cell.formula = true;
        }
      } else if (event.eventType === 'text') {
        if (capturing && cell) cell.text += event.value;
      } else {
        const { name } = event.value;
        if (name === 'sheetData') inSheetData = false;
        else if (name === 'v' || name === 't') capturing = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'c' && cell && row) {
          if (column <= MAX_COLUMN) row.cells[column] = cellValue(cell, context);
          cell = null;
          capturing = false;
        } else if (name === 'row' && row) {
          lastRow = row.number;
          ready.push(row);
          row = null;
        }
      }
    }
    yield* ready;
  }
}

function cellValue(cell: { type: string | undefined; style: number; text: string | null }, context: SheetContext): CellValue {
  const { type, text } = cell;
  if (text === null) return null;
  switch (type) {
    case 's': {
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : null;
      return index === null ? null : (context.sharedStrings[index] ?? null);
    }
    case 'inlineStr':
    case 'str':
    case 'e':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'd': {
      const date = new Date(text.trim());
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (text.trim() === '') return null;
      const number = Number(text);
      if (!Number.isFinite(number)) return text;
      let format: string | undefined;
      try {
        format = cell.style ? context.numFmtOf(cell.style) : undefined;
      } catch {
        format = undefined;
      }
      return format && excelUtils.isDateFmt(format) ? excelUtils.excelToDate(number, context.date1904) : number;
    }
  }
}

/** The merged ranges of a worksheet's XML (`<mergeCell ref="A5:A6"/>`), at most `limit`, found by a plain scan. */
export async function mergedRanges(chunks: AsyncIterable<Uint8Array>, limit = 10_000): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  let carry = '';
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g;
  for await (const chunk of chunks) {
    const text = carry + Buffer.from(chunk).toString('latin1');
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      last = (match.index ?? 0) + match[0].length;
      const [from, to] = (match[1] ?? '').split(':');
      const top = rowOfRef(from);
      const left = columnOfRef(from);
      const bottom = rowOfRef(to ?? from);
      const right = columnOfRef(to ?? from);
      if (top && left && bottom && right && bottom >= top && right >= left && ranges.length < limit) {
        ranges.push({ top, left, bottom, right });
      }
    }
    // Keep the tail that may hold the start of a tag cut by the chunk's end.
    carry = text.slice(Math.max(last, text.length - 200));
  }
  return ranges;
}

export type MergedRange = { top: number; left: number; bottom: number; right: number };
