// Money is integer 元 in the API and the database. Pages and sheets show 万元 with two decimals (亿元 for large totals);
// forms and sheets take 万元. Every conversion is integer or decimal-string arithmetic, never off by a binary fraction.

const YUAN_PER_WAN = 10_000;
/** The largest amount the API accepts (10万亿元), as in common/schemas/projects.ts, kept here to keep zod out of the page. */
export const MAX_YUAN = 10_000_000_000_000;
const YUAN_PER_YI = 100_000_000;

/** Divides a whole number of 元 by a power of ten and rounds half away from zero to two decimals, as text. */
function scaled(yuan: number, unit: number): string {
  const negative = yuan < 0;
  const abs = Math.abs(Math.round(yuan));
  const hundredth = unit / 100;
  let cents = Math.floor(abs / hundredth);
  if ((abs % hundredth) * 2 >= hundredth) cents += 1;
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && cents > 0 ? '-' : ''}${grouped}.${fraction}`;
}

/** 万元 with two decimals and thousands separators (12,345.68), for tables and figures; '—' when unknown. */
export function formatWan(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '—' : scaled(yuan, YUAN_PER_WAN);
}

/** 亿元 with two decimals, for headline totals. */
export function formatYi(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '—' : scaled(yuan, YUAN_PER_YI);
}

/** An amount with its unit: 亿元 from 1亿元 up, else 万元, e.g. { value: '12.50', unit: 'yi' }. */
export function moneyParts(yuan: number): { value: string; unit: 'wan' | 'yi' } {
  return Math.abs(yuan) >= YUAN_PER_YI ? { value: formatYi(yuan), unit: 'yi' } : { value: formatWan(yuan), unit: 'wan' };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads an amount typed in 万元 (number or decimal text, as a string-mode InputNumber gives it) as whole 元:
 * 万元 × 10,000, rounded half away from zero. Null for empty input; NaN for text that is not a decimal number.
 */
export function wanToYuan(wan: string | number | null | undefined): number | null {
  if (wan === null || wan === undefined) return null;
  const text = (typeof wan === 'number' ? wan.toFixed(6) : wan).trim().replace(/,/g, '');
  if (text === '') return null;
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return Number.NaN;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = fraction.padEnd(5, '0');
  let yuan = Number(whole || '0') * YUAN_PER_WAN + Number(digits.slice(0, 4));
  // The fifth decimal of 万元 is tenths of 元: round half away from zero.
  if (Number(digits[4]) >= 5) yuan += 1;
  return sign === '-' && yuan !== 0 ? -yuan : yuan;
}

/** Writes whole 元 as 万元 text for a form input, exactly and without trailing zeros (123456 → '12.3456'). */
export function yuanToWanInput(yuan: number | null | undefined): string | null {
  if (yuan === null || yuan === undefined) return null;
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / YUAN_PER_WAN);
  const fraction = String(abs % YUAN_PER_WAN)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${yuan < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Reads an amount written in 元, 万元 or 亿元 (decimal text) as whole 元, exactly: the decimal point is moved, never
 * multiplied in binary (3.2 亿元 → 320,000,000 元), then rounded half away from zero to the 元. Null for empty
 * text; NaN for text that is not a decimal number.
 */
export function amountToYuan(text: string, unit: 'yuan' | 'wan' | 'yi'): number | null {
  if (unit === 'wan') return wanToYuan(text);
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const match = DECIMAL.exec(trimmed);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return Number.NaN;
  const [, sign = '', whole = '', fraction = ''] = match;
  // As 万元: 亿元 moves the point four places right, 元 four places left.
  const digits = `${whole || '0'}${fraction}`;
  const point = (whole || '0').length + (unit === 'yi' ? 4 : -4);
  const padded = point > digits.length ? digits.padEnd(point, '0') : point < 1 ? `${'0'.repeat(1 - point)}${digits}` : digits;
  const at = Math.max(point, 1);
  return wanToYuan(`${sign}${padded.slice(0, at)}.${padded.slice(at)}`);
}
