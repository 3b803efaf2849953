// 统一社会信用代码 (USCC), GB 32100-2015: 18 characters of a 31-character alphabet.
//   1      registration authority (登记管理部门代码)
//   2      organisation category (机构类别代码), valid only in the pairs of the standard's table
//   3–8    administrative division code (GB/T 2260) of the registering authority
//   9–17   organisation code (GB 11714), whose own check character is position 17
//   18     check character over positions 1–17
// The pure check below knows no region table; the caller says which division codes are known.

/** The USCC alphabet: digits and capitals without I, O, Z, S, V (31 characters, value = index). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Valid organisation categories per registration authority (GB 32100-2015 table 1, with the later additions of
 * A 中央军委改革和编制办公室 and N 农业农村 for rural collective economic organisations).
 */
export const USCC_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 市场监管（工商）: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '12349', // 农业农村: 组级/村级/乡镇级集体经济组织, 农民专业合作社联合社, 其他
  Y: '1', // 其他
};

/** The division code of organisations registered nationally (国家市场监督管理总局 and the like). */
export const USCC_NATIONAL_DIVISION = '100000';

export type UsccProblemCode =
  | 'length' // not 18 characters; params.length is the length found
  | 'character' // a character outside the alphabet at `position`; params.char
  | 'authority' // position 1 is no registration authority
  | 'category' // position 2 is no category of the authority at position 1
  | 'division_format' // positions 3–8 are not six digits of a plausible division code
  | 'division_unknown' // positions 3–8 name no known region
  | 'org_code_check' // position 17 is not the GB 11714 check character of positions 9–16; params.expected
  | 'check'; // position 18 is not the check character of positions 1–17; params.expected

export type UsccProblem = { code: UsccProblemCode; position: number; params: Record<string, string | number> };

export type UsccResult = { ok: true; code: string; divisionCode: string } | { ok: false; code: string; problem: UsccProblem };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE = /[\s\u3000]/g;

/** Turns a typed or pasted code into its canonical form: no spaces, half-width, upper case. */
export function normaliseUscc(input: string): string {
  return input
    .replace(INVISIBLE, '')
    .replace(WHITESPACE, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The GB 32100 check character of the first 17 characters (which must be of the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character of an 8-character organisation code body (digits 0–9, letters A=10 … Z=35). */
export function orgCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Builds a valid code from its parts (for demo data and tests): the org code's and the code's check characters. */
export function composeUscc(authorityAndCategory: string, division: string, orgBody8: string): string {
  const first17 = `${authorityAndCategory}${division}${orgBody8}${orgCodeCheckCharacter(orgBody8)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

/**
 * Checks a 统一社会信用代码 after normalising it and names the first position at fault. `isKnownDivision` is
 * asked about positions 3–8 once they are well-formed (six digits, a province 11–82 or the national 100000).
 */
export function parseUscc(input: string, isKnownDivision: (code: string) => boolean = () => true): UsccResult {
  const code = normaliseUscc(input);
  const fail = (problemCode: UsccProblemCode, position: number, params: Record<string, string | number> = {}): UsccResult => ({
    ok: false,
    code,
    problem: { code: problemCode, position, params: { position, ...params } },
  });
  const chars = [...code];
  if (chars.length !== 18) return fail('length', 0, { length: chars.length });
  const bad = chars.findIndex((c) => !USCC_ALPHABET.includes(c));
  if (bad >= 0) return fail('character', bad + 1, { char: chars[bad] ?? '' });
  const authority = code.charAt(0);
  const categories = USCC_CATEGORIES[authority];
  if (!categories) return fail('authority', 1, { char: authority });
  if (!categories.includes(code.charAt(1))) return fail('category', 2, { char: code.charAt(1), authority });
  const division = code.slice(2, 8);
  const digitAt = [...division].findIndex((c) => !/\d/.test(c));
  if (digitAt >= 0) return fail('division_format', 3 + digitAt, { value: division });
  if (!isPlausibleDivision(division)) return fail('division_format', 3, { value: division });
  if (!isKnownDivision(division)) return fail('division_unknown', 3, { value: division });
  const orgExpected = orgCodeCheckCharacter(code.slice(8, 16));
  if (code.charAt(16) !== orgExpected) return fail('org_code_check', 17, { char: code.charAt(16), expected: orgExpected });
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) return fail('check', 18, { char: code.charAt(17), expected });
  return { ok: true, code, divisionCode: division };
}

// A GB/T 2260 code begins with a province 11–82 (or is the national 100000); prefecture and county parts are
// checked against the region table by the caller.
function isPlausibleDivision(division: string): boolean {
  if (division === USCC_NATIONAL_DIVISION) return true;
  const province = Number(division.slice(0, 2));
  return province >= 11 && province <= 82;
}
