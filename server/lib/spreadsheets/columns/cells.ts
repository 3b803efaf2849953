import type { CellValue } from 'exceljs';
import { type AreaUnit, convertArea, splitAreaText } from '../../../../common/domain/area';
import { isIsoDate } from '../../../../common/domain/dates';
import { amountToYuan, wanToYuan } from '../../../../common/domain/money';
import type { CellContext, CellProblem, MoneyUnit, Parsed } from './types';

// What `safeCellText` put in front of text that would run as a formula; read back without it.
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** The text a cell shows, whatever ExcelJS made of it (rich text, hyperlink, formula result); '' when empty. */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.replace(ESCAPED_FORMULA, '').trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if ('richText' in cell)
    return cell.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in cell) return cellText(cell.text as CellValue);
  if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result as CellValue);
  return '';
}

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: CellProblem): Parsed<T> => ({ ok: false, problem });

/** A cell's plain value: formula results read as their result, everything else as it is. */
export function plain(cell: CellValue): CellValue {
  if (cell && typeof cell === 'object' && !(cell instanceof Date) && ('formula' in cell || 'sharedFormula' in cell)) {
    return cell.result as CellValue;
  }
  return cell;
}

/** Text as typed; the field's zod rule judges its length. */
export const readText = (cell: CellValue): Parsed<string> => {
  const text = cellText(cell);
  return ok(text === '' ? undefined : text);
};

/** A number typed or pasted as text (thousands separators and full-width digits allowed). */
export function readNumber(cell: CellValue): Parsed<number> {
  const value = plain(cell);
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : bad({ code: 'import.not_a_number' });
  const text = normaliseDigits(cellText(value)).replace(/[,，\s]/g, '');
  if (text === '') return ok(undefined);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return bad({ code: 'import.not_a_number', params: { value: cellText(value) } });
  return ok(Number(text));
}

/**
 * An area in the column's unit: a number written in the header's unit (or the column's own), or text with its own
 * unit (100亩, 1.2万平方米), converted exactly and rounded to the hundredth (common/domain/area.ts).
 */
export function readArea(cell: CellValue, unit: AreaUnit, context: CellContext = {}): Parsed<number> {
  const value = plain(cell);
  const from = context.areaUnit ?? unit;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return bad({ code: 'import.not_a_number', params: { value: cellText(value) } });
    return ok(from === unit ? value : convertArea(String(value), from, unit));
  }
  const text = normaliseDigits(cellText(value)).replace(/[,，\s]/g, '');
  if (text === '') return ok(undefined);
  const split = splitAreaText(text);
  const area = convertArea(split.number, split.unit ?? from, unit);
  return Number.isNaN(area) ? bad({ code: 'import.not_a_number', params: { value: cellText(value) } }) : ok(area);
}

// What offices write in a cell that has nothing to say.
const EMPTY_MARKERS = /^(?:[—–\-－/／\\]+|无|暂无|空)$/;

/** A cell with nothing in it: empty, spaces, or a dash, a slash or 无 written for "none". */
export const isEmptyCell = (cell: CellValue): boolean => {
  const text = cellText(cell);
  return text === '' || EMPTY_MARKERS.test(text);
};

const UNIT_OF: Record<string, MoneyUnit> = { 亿: 'yi', 亿元: 'yi', 万: 'wan', 万元: 'wan', 元: 'yuan' };

/**
 * An amount, read exactly as whole 元 (the zod contract then judges negative or absurd amounts): a number in the
 * column's unit (万元 unless its header names 元 or 亿元), or text in that unit or with its own (3.2亿, 500万元,
 * 6,000元), full-width digits and thousands separators allowed.
 */
export function readWan(cell: CellValue, context: CellContext = {}): Parsed<number> {
  const value = plain(cell);
  const unit = context.unit ?? 'wan';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return bad({ code: 'import.not_a_number', params: { value: cellText(value) } });
    const yuan = unit === 'wan' ? wanToYuan(value) : amountToYuan(String(value), unit);
    return yuan === null || Number.isNaN(yuan) ? bad({ code: 'import.not_a_number', params: { value } }) : ok(yuan);
  }
  const text = normaliseDigits(cellText(value)).replace(/[,，\s]/g, '');
  if (text === '') return ok(undefined);
  const match = /^(.*?)(亿元|亿|万元|万|元)?$/.exec(text);
  const own = match?.[2] ? UNIT_OF[match[2]] : undefined;
  const yuan = amountToYuan(match?.[1] ?? text, own ?? unit);
  if (yuan === null) return ok(undefined);
  if (Number.isNaN(yuan)) return bad({ code: 'import.not_a_number', params: { value: cellText(value) } });
  return ok(yuan);
}

/** Whole 元 written as a 万元 number; the column's number format shows two decimals, the cell keeps every 元. */
export const writeWan = (yuan: number | null | undefined): CellValue =>
  yuan === null || yuan === undefined ? null : Number(formatWanExact(yuan));

// 万元 with up to four decimals: exact whole 元, so an exported file imports back to the same amount.
function formatWanExact(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  return `${sign}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * A calendar date from an Excel date cell, an Excel serial number, or text written 2026-03-01, 2026/3/1,
 * 2026.3.1 or 2026年3月1日; answered as YYYY-MM-DD. A month alone (2026年3月, 2026.3, 2026-03, 2026/3) is its first
 * or its last day, as `monthDay` says (start dates take the first, completion dates the last).
 */
export function readDate(cell: CellValue, monthDay: 'first' | 'last' = 'first'): Parsed<string> {
  const value = plain(cell);
  if (value instanceof Date) {
    // ExcelJS reads a date cell as midnight UTC of the calendar day shown.
    return Number.isNaN(value.getTime())
      ? bad({ code: 'import.date_invalid', params: { value: '' } })
      : ok(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return bad({ code: 'import.date_invalid', params: { value } });
    return ok(new Date(EXCEL_EPOCH_MS + value * MS_PER_DAY).toISOString().slice(0, 10));
  }
  const text = normaliseDigits(cellText(value));
  if (text === '') return ok(undefined);
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (match) {
    const iso = `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
    return isIsoDate(iso) ? ok(iso) : bad({ code: 'import.date_invalid', params: { value: text } });
  }
  const month = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?(?:份)?$/.exec(text);
  const [year, number] = [Number(month?.[1]), Number(month?.[2])];
  if (!month || number < 1 || number > 12) return bad({ code: 'import.date_invalid', params: { value: text } });
  const day = monthDay === 'first' ? 1 : new Date(Date.UTC(year, number, 0)).getUTCDate();
  return ok(`${year}-${String(number).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** A calendar date written as an Excel date (midnight UTC, as ExcelJS expects). */
export const writeDate = (iso: string | null | undefined): CellValue => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Several names in one cell, separated by commas, 、 or semicolons (full or half width) or line breaks. */
export const splitList = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

// Full-width digits and signs (０-９, －, ．, ／) as typed by Chinese input methods.
function normaliseDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0D\uFF0E\uFF0F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
