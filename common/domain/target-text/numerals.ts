/*
 * Chinese numerals as reports write them: 一百三十三 → 133, 两千 → 2000, 十二 → 12, 一万二千 → 12000, 三千五百万
 * → 35000000, 〇 and 零 as zero, 两 as two. Returns null for anything that is not a well-formed numeral.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARACTERS = '零〇一二两三四五六七八九十百千万亿';

export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastLarge = Number.POSITIVE_INFINITY;
  for (const character of text) {
    if (character in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[character] !== 0) return null; // 二三: not a numeral
      digit = DIGITS[character] as number;
    } else if (character in SMALL_UNITS) {
      const unit = SMALL_UNITS[character] as number;
      // 十二 is 12: a bare 十 at the start stands for 一十.
      section += (digit ?? (character === '十' && section === 0 ? 1 : null) ?? Number.NaN) * unit;
      if (Number.isNaN(section)) return null;
      digit = null;
    } else if (character in LARGE_UNITS) {
      const unit = LARGE_UNITS[character] as number;
      if (unit >= lastLarge && !(unit === 1e8 && lastLarge === 1e4)) return null;
      section += digit ?? 0;
      if (section === 0 && total === 0) return null;
      total = unit === 1e8 && lastLarge === 1e4 ? (total + section) * unit : total + section * unit;
      lastLarge = unit === 1e8 && lastLarge === 1e4 ? 1e12 : unit;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}
