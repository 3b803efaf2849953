// Exact decimals for targets and actuals (133个, 1200亿元, 6.5%): kept as strings with at most four decimals and
// added as scaled integers, never as floating point, so that a breakdown sums back to its target exactly.

/** Four decimals: 0.0001亿元 is 1万元, 0.0001% is finer than any published rate. */
export const DECIMAL_SCALE = 4;
const FACTOR = 10n ** BigInt(DECIMAL_SCALE);

/** A decimal as typed or stored: an optional minus, up to 14 digits, up to 4 decimals. */
export const DECIMAL_PATTERN = /^-?\d{1,14}(\.\d{1,4})?$/;

/** The decimal as a whole number of ten-thousandths. */
export function toScaled(value: string): bigint {
  const trimmed = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) throw new RangeError(`not a decimal: ${value}`);
  const negative = trimmed.startsWith('-');
  const [whole = '0', fraction = ''] = trimmed.replace('-', '').split('.');
  const digits = BigInt(whole) * FACTOR + BigInt(`${fraction}0000`.slice(0, DECIMAL_SCALE));
  return negative ? -digits : digits;
}

/** Ten-thousandths back to the shortest decimal string (1200.5000 → "1200.5"). */
export function fromScaled(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(DECIMAL_SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The shortest form of a decimal string ("6.50" → "6.5", "-0" → "0"). */
export const normaliseDecimal = (value: string): string => fromScaled(toScaled(value));

/** The exact sum of decimals. */
export const sumDecimals = (values: string[]): string => fromScaled(values.reduce((sum, v) => sum + toScaled(v), 0n));

/** a − b, exactly. */
export const subtractDecimals = (a: string, b: string): string => fromScaled(toScaled(a) - toScaled(b));

/** Integer 元 as 亿元 or 万元 with four decimals, rounded half up (1 万元 = 0.0001 亿元). */
export function yuanToDecimal(yuan: number | bigint, unit: 'yi' | 'wan'): string {
  const divisor = unit === 'yi' ? 100_000_000n : 10_000n;
  const scaled = BigInt(yuan) * FACTOR;
  const half = divisor / 2n;
  return fromScaled((scaled + (scaled >= 0n ? half : -half)) / divisor);
}
