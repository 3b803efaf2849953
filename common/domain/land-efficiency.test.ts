import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countByClass,
  INDUSTRIAL_CODE_PATTERN,
  isIndustrialCode,
  type LandThresholds,
  landClass,
  perMuFigures,
  thresholdProblems,
} from './land-efficiency';

// A district's thresholds as a 区工信局 might publish them (万元/亩): A from 30 tax and 500 output, B from 15 and 300,
// C from 5 and 150.
const thresholds: LandThresholds = {
  A: { taxWanPerMu: 30, outputWanPerMu: 500 },
  B: { taxWanPerMu: 15, outputWanPerMu: 300 },
  C: { taxWanPerMu: 5, outputWanPerMu: 150 },
};
const WAN = 10_000;
const year = (landMu: number, taxWan: number, outputWan: number, energyTce: number | null = null) => ({
  landMu,
  taxYuan: Math.round(taxWan * WAN),
  outputYuan: Math.round(outputWan * WAN),
  energyTce,
});

describe('industrial enterprises (GB/T 4754 B, C, D)', () => {
  it('takes sections B, C, D and their divisions 06–46, nothing else', () => {
    for (const code of ['B', 'C', 'D', '06', '12', '13', '34', '43', '44', '46']) expect(isIndustrialCode(code), code).toBe(true);
    for (const code of ['A', 'E', 'I', '05', '47', '65', '72', '', null, undefined, '6', '340'])
      expect(isIndustrialCode(code), String(code)).toBe(false);
  });
});

describe('the class of a year', () => {
  it('gives the best class whose two minima are both reached', () => {
    // 100 亩: 3,500万 tax (35/亩) and 60,000万 output (600/亩) → A.
    expect(landClass(year(100, 3500, 60_000), thresholds)).toBe('A');
    // Tax for A but output only for B → B (both minima must hold).
    expect(landClass(year(100, 3500, 40_000), thresholds)).toBe('B');
    // Output for A but tax only for C → C.
    expect(landClass(year(100, 600, 60_000), thresholds)).toBe('C');
    // Below C on tax → D, however much output.
    expect(landClass(year(100, 400, 90_000), thresholds)).toBe('D');
    // Nothing at all → D.
    expect(landClass(year(12.5, 0, 0), thresholds)).toBe('D');
  });

  it('counts a figure exactly at a minimum as reaching it, one 元 less as not', () => {
    // 37.5 亩 × 15 万元/亩 = 562.5 万元 tax; × 300 = 11,250 万元 output: exactly B.
    const atB = year(37.5, 562.5, 11_250);
    expect(landClass(atB, thresholds)).toBe('B');
    expect(landClass({ ...atB, taxYuan: atB.taxYuan - 1 }, thresholds)).toBe('C');
    expect(landClass({ ...atB, outputYuan: atB.outputYuan - 1 }, thresholds)).toBe('C');
    // 0.01 亩 at exactly C: 5 万元/亩 × 0.01 = 500 元 tax; 150 × 0.01 = 1.5 万元 = 15,000 元 output.
    expect(landClass({ landMu: 0.01, taxYuan: 500, outputYuan: 15_000 }, thresholds)).toBe('C');
    expect(landClass({ landMu: 0.01, taxYuan: 499, outputYuan: 15_000 }, thresholds)).toBe('D');
  });

  it('is decided in whole numbers, not floats (0.1 + 0.2 亩-style fractions)', () => {
    // 33.33 亩 × 15 = 499.95 万元 = 4,999,500 元 exactly at B's tax; 33.33 × 300 = 9,999 万元.
    expect(landClass({ landMu: 33.33, taxYuan: 4_999_500, outputYuan: 99_990_000 }, thresholds)).toBe('B');
    expect(landClass({ landMu: 33.33, taxYuan: 4_999_499, outputYuan: 99_990_000 }, thresholds)).toBe('C');
  });

  it('refuses land of zero or less', () => {
    expect(() => landClass(year(0, 10, 10), thresholds)).toThrow(RangeError);
    expect(() => landClass(year(-3, 10, 10), thresholds)).toThrow(RangeError);
    expect(() => perMuFigures(year(0, 10, 10))).toThrow(RangeError);
  });

  it('never falls when tax or output grows (property)', () => {
    const rank = { A: 0, B: 1, C: 2, D: 3 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (landHundredths, tax, output, moreTax, moreOutput) => {
          const landMu = landHundredths / 100;
          const before = landClass({ landMu, taxYuan: tax, outputYuan: output }, thresholds);
          const after = landClass({ landMu, taxYuan: tax + moreTax, outputYuan: output + moreOutput }, thresholds);
          return rank[after] <= rank[before];
        },
      ),
    );
  });
});

describe('per-亩 figures', () => {
  it('answers 万元/亩 with two decimals, rounded half up, and output per 吨标准煤', () => {
    expect(perMuFigures(year(120, 1800, 42_000, 3500))).toEqual({ taxWanPerMu: 15, outputWanPerMu: 350, outputWanPerTce: 12 });
    // 1 万元 over 3 亩 = 0.333… → 0.33; 2 万元 over 3 亩 = 0.666… → 0.67; 0.005 rounds up.
    expect(perMuFigures(year(3, 1, 2)).taxWanPerMu).toBe(0.33);
    expect(perMuFigures(year(3, 1, 2)).outputWanPerMu).toBe(0.67);
    expect(perMuFigures({ landMu: 1, taxYuan: 50, outputYuan: 49, energyTce: null })).toMatchObject({
      taxWanPerMu: 0.01,
      outputWanPerMu: 0,
    });
  });

  it('has no output per tonne of coal without energy or at zero energy', () => {
    expect(perMuFigures(year(10, 1, 1)).outputWanPerTce).toBeNull();
    expect(perMuFigures(year(10, 1, 1, 0)).outputWanPerTce).toBeNull();
  });
});

describe('thresholds', () => {
  it('accepts A ≥ B ≥ C, equal classes included', () => {
    expect(thresholdProblems(thresholds)).toEqual([]);
    const flat = { taxWanPerMu: 10, outputWanPerMu: 100 };
    expect(thresholdProblems({ A: flat, B: flat, C: flat })).toEqual([]);
  });

  it('names the class asking less than the one below it, and a negative minimum', () => {
    expect(
      thresholdProblems({
        A: { taxWanPerMu: 10, outputWanPerMu: 500 },
        B: { taxWanPerMu: 15, outputWanPerMu: 300 },
        C: { taxWanPerMu: 5, outputWanPerMu: 400 },
      }),
    ).toEqual([
      { path: 'A.taxWanPerMu', code: 'below_lower_class', lower: 'B' },
      { path: 'B.outputWanPerMu', code: 'below_lower_class', lower: 'C' },
    ]);
    expect(thresholdProblems({ ...thresholds, C: { taxWanPerMu: -1, outputWanPerMu: 150 } })).toEqual([
      { path: 'C.taxWanPerMu', code: 'negative' },
    ]);
  });
});

it('counts the enterprises of each class', () => {
  expect(countByClass(['A', 'D', 'B', 'D', 'D'])).toEqual({ A: 1, B: 1, C: 0, D: 3 });
  expect(countByClass([])).toEqual({ A: 0, B: 0, C: 0, D: 0 });
});

it('says the same in its regular expression as in code', () => {
  const pattern = new RegExp(INDUSTRIAL_CODE_PATTERN);
  for (const code of ['A', 'B', 'C', 'D', 'E', ...Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0'))]) {
    expect(pattern.test(code), code).toBe(isIndustrialCode(code));
  }
});
