import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { normaliseProjectCode, parseProjectCode } from './project-code';

// 天桥区, 历下区, 济南市, 山东省, 东城区: real GB/T 2260 codes. 370199 and 999999 are not.
const KNOWN = new Set(['370105', '370102', '370100', '370000', '110101']);
const isKnownRegion = (code: string) => KNOWN.has(code);
const parse = (input: string) => parseProjectCode(input, isKnownRegion);

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const toFullWidth = (c: string) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10) : c === '-' ? '－' : c);

describe('parseProjectCode', () => {
  it('accepts well-formed codes, derives the region and hints at the generation', () => {
    expect(parse('2019-370105-47-03-012345')).toEqual({
      ok: true,
      code: '2019-370105-47-03-012345',
      regionCode: '370105',
      segments: ['2019', '370105', '47', '03', '012345'],
      generation: 'legacy',
    });
    expect(parse('2207-370102-04-01-563219')).toMatchObject({ ok: true, regionCode: '370102', generation: 'current' });
    expect(parse('2112-110101-89-02-000017')).toMatchObject({ ok: true, regionCode: '110101', generation: 'current' });
    expect(parse('1999-370100-48-01-000001')).toMatchObject({ ok: true, generation: 'legacy' });
    expect(parse('2020-370000-44-02-000001')).toMatchObject({ ok: true, generation: 'legacy' });
    // Not clearly either: a legacy-looking year with an unknown type, or a time code that is neither.
    expect(parse('2019-370105-47-05-012345')).toMatchObject({ ok: true, generation: 'unknown' });
    expect(parse('2021-370105-04-01-123456')).toMatchObject({ ok: true, generation: 'unknown' });
    expect(parse('2213-370105-04-01-123456')).toMatchObject({ ok: true, generation: 'unknown' });
    expect(parse('1998-370105-47-03-012345')).toMatchObject({ ok: true, generation: 'unknown' });
  });

  it('accepts what people paste from Word: full-width digits and hyphens, dashes, spaces', () => {
    const expected = { ok: true, code: '2019-370105-47-03-012345', regionCode: '370105' };
    expect(parse('２０１９－３７０１０５－４７－０３－０１２３４５')).toMatchObject(expected);
    expect(parse('2019—370105—47—03—012345')).toMatchObject(expected);
    expect(parse('2019–370105–47–03–012345')).toMatchObject(expected);
    expect(parse('  2019-370105-47-03-012345\u3000\n')).toMatchObject(expected);
    expect(parse('\uFEFF2019-370105-47-03-012345\u200B')).toMatchObject(expected);
    expect(normaliseProjectCode(' ２０１９－３７０１０５—47-03-012345 ')).toBe('2019-370105-47-03-012345');
  });

  it('reports a wrong overall shape as segment 0', () => {
    for (const input of [
      '',
      '   ',
      '2019-370105-47-03',
      '20193701054703012345',
      '2019-370105-47-03-012345-1',
      '2019--370105-47-03-012345',
      '2019_370105_47_03_012345',
    ]) {
      expect(parse(input)).toEqual({ ok: false, problem: { segment: 0, reason: 'shape' } });
    }
  });

  it('names the segment with a wrong length or a non-digit', () => {
    const cases: [string, number, 'shape' | 'digits'][] = [
      ['201-370105-47-03-012345', 1, 'shape'],
      ['20A9-370105-47-03-012345', 1, 'digits'],
      ['2019-37010-47-03-012345', 2, 'shape'],
      ['2019-3701055-47-03-012345', 2, 'shape'],
      ['2019-37O105-47-03-012345', 2, 'digits'],
      ['2019-370105 -47-03-012345', 2, 'digits'],
      ['2019-370105-4-03-012345', 3, 'shape'],
      ['2019-370105-C4-03-012345', 3, 'digits'],
      ['2019-370105-47-003-012345', 4, 'shape'],
      ['2019-370105-47-0三-012345', 4, 'digits'],
      ['2019-370105-47-03-01234', 5, 'shape'],
      ['2019-370105-47-03-01234X', 5, 'digits'],
    ];
    for (const [input, segment, reason] of cases) expect(parse(input)).toEqual({ ok: false, problem: { segment, reason } });
  });

  it('refuses a region code that is not in the table, after the shape is right', () => {
    expect(parse('2019-370199-47-03-012345')).toEqual({ ok: false, problem: { segment: 2, reason: 'region_unknown' } });
    expect(parse('2019-999999-47-03-012345')).toEqual({ ok: false, problem: { segment: 2, reason: 'region_unknown' } });
    const lookUp = vi.fn(isKnownRegion);
    expect(parseProjectCode('2019-999999-47-03-01234', lookUp)).toEqual({ ok: false, problem: { segment: 5, reason: 'shape' } });
    expect(lookUp).not.toHaveBeenCalled();
    parseProjectCode('２０１９－３７０１０５－47-03-012345', lookUp);
    expect(lookUp).toHaveBeenCalledWith('370105');
  });

  it('parses any well-formed code with a known region, and round-trips it through normalise', () => {
    fc.assert(
      fc.property(digits(4), fc.constantFrom(...KNOWN), digits(2), digits(2), digits(6), (a, region, c, d, e) => {
        const code = `${a}-${region}-${c}-${d}-${e}`;
        const result = parse(code);
        expect(result).toMatchObject({ ok: true, code, regionCode: region, segments: [a, region, c, d, e] });
        expect(normaliseProjectCode(code)).toBe(code);
        if (result.ok) expect(normaliseProjectCode(result.code)).toBe(result.code);
      }),
    );
  });

  it('reads a pasted variant (any mix of full-width characters, surrounding spaces) as the same code', () => {
    fc.assert(
      fc.property(
        digits(4),
        fc.constantFrom(...KNOWN),
        digits(2),
        digits(2),
        digits(6),
        fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
        fc.constantFrom('', ' ', '\u3000', '\t', '\u00A0 '),
        (a, region, c, d, e, widen, pad) => {
          const code = `${a}-${region}-${c}-${d}-${e}`;
          const pasted = `${pad}${[...code].map((ch, i) => (widen[i] ? toFullWidth(ch) : ch)).join('')}${pad}`;
          expect(normaliseProjectCode(pasted)).toBe(code);
          expect(parse(pasted)).toMatchObject({ ok: true, code });
        },
      ),
    );
  });

  it('never throws, and only accepts the canonical shape with a known region', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d-]{20,28}$/)), (input) => {
        const result = parse(input);
        if (result.ok) {
          expect(result.code).toMatch(/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/);
          expect(KNOWN.has(result.regionCode)).toBe(true);
        }
      }),
    );
  });
});
