// Areas as offices write them: 用地面积 in 亩, 平方米 or 公顷, 建筑面积 in 平方米 or 万平方米. Lantu keeps land in 亩 and
// floor space in 平方米, both with two decimals; a value in another unit is converted with exact rational arithmetic
// (1 亩 = 10,000/15 平方米, 1 公顷 = 15 亩 = 10,000 平方米) and rounded half away from zero to the hundredth once.

/** The units of area a header or a cell may name. */
export type AreaUnit = 'mu' | 'm2' | 'wan_m2' | 'ha';

/** How many square metres one unit is, as a fraction [numerator, denominator]. */
const SQUARE_METRES: Record<AreaUnit, readonly [bigint, bigint]> = {
  mu: [10_000n, 15n],
  m2: [1n, 1n],
  wan_m2: [10_000n, 1n],
  ha: [10_000n, 1n],
};

/** The unit's words, as shown beside a converted value. */
export const AREA_UNIT_TEXT: Record<AreaUnit, string> = { mu: '亩', m2: '平方米', wan_m2: '万平方米', ha: '公顷' };

// Longest first, so that 万平方米 is not read as 平方米.
const SPELLINGS: readonly [RegExp, AreaUnit][] = [
  [/(万平方米|万平米|万㎡|万m2|万m²)$/i, 'wan_m2'],
  [/(平方米|平米|㎡|m2|m²|sqm)$/i, 'm2'],
  [/(公顷|hectares?|ha)$/i, 'ha'],
  [/(亩|mu)$/i, 'mu'],
];

/** The unit a header names in brackets or after a slash (用地面积（平方米）, 建筑面积/万㎡), if any. */
export function headerAreaUnit(header: string): AreaUnit | undefined {
  const text = header.normalize('NFKC').replace(/\s/g, '');
  const inBrackets = /[(（[【/]([^)）\]】/]+)[)）\]】]?$/.exec(text)?.[1];
  if (!inBrackets) return undefined;
  return SPELLINGS.find(([pattern]) => pattern.test(inBrackets) && inBrackets.replace(pattern, '') === '')?.[1];
}

/** Splits a cell's text into its number and the unit written after it (100亩, 1.2万平方米), if any. */
export function splitAreaText(text: string): { number: string; unit: AreaUnit | undefined } {
  for (const [pattern, unit] of SPELLINGS) {
    if (pattern.test(text)) return { number: text.replace(pattern, ''), unit };
  }
  return { number: text, unit: undefined };
}

/**
 * A decimal written in `from` as a number in `to`, rounded to two decimals; NaN when the text is not a decimal.
 * Exact: the decimal is read as a fraction and multiplied as integers.
 */
export function convertArea(decimal: string, from: AreaUnit, to: AreaUnit): number {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(decimal.trim());
  if (!match || `${match[2]}${match[3] ?? ''}` === '') return Number.NaN;
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = BigInt(`${whole || '0'}${fraction}`);
  const scale = 10n ** BigInt(fraction.length);
  const [fromNum, fromDen] = SQUARE_METRES[from];
  const [toNum, toDen] = SQUARE_METRES[to];
  // value / scale × fromNum / fromDen ÷ (toNum / toDen), in hundredths.
  const numerator = value * fromNum * toDen * 100n;
  const denominator = scale * fromDen * toNum;
  const hundredths = (numerator * 2n + denominator) / (2n * denominator);
  const result = Number(hundredths) / 100;
  return sign === '-' && result !== 0 ? -result : result;
}
