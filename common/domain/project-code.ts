// 项目代码: the 24-character lifelong code the national online approval platform gives an investment project,
// shaped NNNN-NNNNNN-NN-NN-NNNNNN. Segment 2 is a GB/T 2260 region code; the other segments are kept as given.

/** What is wrong with a code: segment 0 is the whole shape, 1–5 the segment with a wrong length or non-digits. */
export type ProjectCodeProblem = { segment: 0 | 1 | 2 | 3 | 4 | 5; reason: 'shape' | 'digits' | 'region_unknown' };

/** Which generation a code seems to be from; only a hint, never a basis for a rule. */
export type ProjectCodeGeneration = 'legacy' | 'current' | 'unknown';

/** A parsed code, or the first problem found. */
export type ProjectCodeResult =
  | { ok: true; code: string; regionCode: string; segments: [string, string, string, string, string]; generation: ProjectCodeGeneration }
  | { ok: false; problem: ProjectCodeProblem };

const SEGMENT_LENGTHS = [4, 6, 2, 2, 6] as const;
// Hyphen look-alikes that Word and IMEs put in pasted codes: full-width, em/en dashes, minus sign and others.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Turns a pasted code into its canonical ASCII form (half-width digits, plain hyphens, no surrounding spaces). */
export function normaliseProjectCode(input: string): string {
  return input
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(DASHES, '-')
    .trim();
}

/**
 * Checks a 项目代码 and derives its region, so a wrong code is caught at entry with the segment to fix;
 * segments are kept as strings and not interpreted beyond the generation hint.
 */
export function parseProjectCode(input: string, isKnownRegion: (code: string) => boolean): ProjectCodeResult {
  const code = normaliseProjectCode(input);
  const parts = code.split('-');
  if (parts.length !== SEGMENT_LENGTHS.length) return fail(0, 'shape');
  for (const [i, part] of parts.entries()) {
    const segment = (i + 1) as 1 | 2 | 3 | 4 | 5;
    // Non-digits are reported before a wrong length: "37O105" is a typing slip, not a missing digit.
    if (!/^\d*$/.test(part)) return fail(segment, 'digits');
    if (part.length !== SEGMENT_LENGTHS[i]) return fail(segment, 'shape');
  }
  const [time = '', region = '', third = '', kind = '', serial = ''] = parts;
  if (!isKnownRegion(region)) return fail(2, 'region_unknown');
  return { ok: true, code, regionCode: region, segments: [time, region, third, kind, serial], generation: guessGeneration(time, kind) };
}

// Legacy codes (issued until the 2020 switch) begin with the year of issue and carry approval type 01/02/03
// (审批/核准/备案) in segment 4. GB/T 40058-2021 codes begin with a YYMM time code; a YYMM from 2101 on cannot be a
// legacy year, so it is read as current. Anything else is unknown. The hint can be wrong: new-style codes issued in
// November–December 2020 (time code 2011 or 2012) with project type 01–03 read as legacy.
function guessGeneration(time: string, kind: string): ProjectCodeGeneration {
  const leading = Number(time);
  if (leading >= 1999 && leading <= 2020 && (kind === '01' || kind === '02' || kind === '03')) return 'legacy';
  const yy = Number(time.slice(0, 2));
  const mm = Number(time.slice(2, 4));
  if (yy >= 21 && mm >= 1 && mm <= 12) return 'current';
  return 'unknown';
}

function fail(segment: ProjectCodeProblem['segment'], reason: ProjectCodeProblem['reason']): ProjectCodeResult {
  return { ok: false, problem: { segment, reason } };
}
