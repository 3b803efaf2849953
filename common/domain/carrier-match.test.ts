import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIER_USES } from '../enums';
import { describeMatchReason } from '../labels/carrier-match';
import {
  type BuildingCandidate,
  type CarrierNeed,
  type ParcelCandidate,
  bestPossibleScore,
  matchCandidate,
  rankCarriers,
} from './carrier-match';

const parcel = (over: Partial<ParcelCandidate> = {}): ParcelCandidate => ({
  kind: 'parcel',
  id: over.name ?? 'p',
  name: 'p',
  areaMu: 50,
  use: 'industrial',
  available: true,
  industries: [],
  standard: null,
  ...over,
});
const building = (over: Partial<BuildingCandidate> = {}): BuildingCandidate => ({
  kind: 'building',
  id: over.name ?? 'b',
  name: 'b',
  vacantAreaM2: 5000,
  use: 'office',
  rentYuanPerM2Day: 1.2,
  industries: [],
  ...over,
});
const standard = (investmentIntensityWan: number) => ({
  investmentIntensityWan,
  outputPerMuWan: 600,
  taxPerMuWan: 30,
  plotRatio: 1.2,
  energyPerUnit: 0.35,
});
const codes = (need: CarrierNeed, candidate: ParcelCandidate | BuildingCandidate) =>
  matchCandidate(need, candidate)?.reasons.map((r) => r.code);

describe('matching a need against carriers', () => {
  it('lists only free carriers whose area covers the need and whose use is the one needed or mixed', () => {
    const need: CarrierNeed = { landMu: 40, use: 'industrial' };
    expect(matchCandidate(need, parcel({ areaMu: 39.99 }))).toBeNull();
    expect(matchCandidate(need, parcel({ available: false }))).toBeNull();
    expect(matchCandidate(need, parcel({ use: 'commercial' }))).toBeNull();
    expect(codes(need, parcel({ use: 'mixed' }))).toEqual(['area_fits', 'use_mixed']);
    expect(codes(need, parcel({ areaMu: 40 }))).toEqual(['area_fits', 'use_matches']);
    // A land need is not met by a building, nor floor space by a parcel.
    expect(matchCandidate(need, building({ use: 'industrial' }))).toBeNull();
    expect(matchCandidate({ floorAreaM2: 1000 }, parcel())).toBeNull();
  });

  it('checks a 标准地’s investment intensity against the planned investment per 亩', () => {
    const standardLand = parcel({ standard: standard(350) });
    expect(codes({ landMu: 40, investmentWan: 14_000 }, standardLand)).toEqual(['area_fits', 'standard_land', 'intensity_met']);
    const short = matchCandidate({ landMu: 40, investmentWan: 12_000 }, standardLand);
    expect(short?.reasons.at(-1)).toEqual({ code: 'intensity_short', good: false, params: { planned: 300, required: 350 } });
    expect(codes({ landMu: 40 }, standardLand)).toEqual(['area_fits', 'standard_land', 'intensity_unknown']);
    // A short intensity ranks a parcel below one that is met.
    const met = matchCandidate({ landMu: 40, investmentWan: 12_000 }, parcel({ standard: standard(250) }));
    expect((met?.score ?? 0) > (short?.score ?? 0)).toBe(true);
  });

  it('weighs rent against the budget and says when a parcel is far larger than needed', () => {
    expect(codes({ floorAreaM2: 2000, maxRentYuan: 1.5 }, building())).toEqual(['area_fits', 'rent_within']);
    expect(codes({ floorAreaM2: 2000, maxRentYuan: 1 }, building())).toEqual(['area_fits', 'rent_over']);
    expect(codes({ landMu: 10 }, parcel({ areaMu: 50 }))).toEqual(['area_fits', 'area_much_larger']);
  });

  it('ranks the fitting carriers: industry and use first, then the tighter fit', () => {
    const need: CarrierNeed = { landMu: 40, use: 'industrial', industry: 'new_materials', investmentWan: 16_000 };
    const ranked = rankCarriers(need, [
      parcel({ name: '宽松', areaMu: 100 }),
      parcel({ name: '对口标准地', areaMu: 45, industries: ['new_materials'], standard: standard(350) }),
      parcel({ name: '对口', areaMu: 60, industries: ['new_materials'] }),
      parcel({ name: '太小', areaMu: 20, industries: ['new_materials'] }),
      parcel({ name: '综合', areaMu: 41, use: 'mixed' }),
    ]);
    expect(ranked.map((m) => m.candidate.name)).toEqual(['对口标准地', '对口', '综合', '宽松']);
  });

  it('words the reasons in both languages', () => {
    const match = matchCandidate({ landMu: 40, use: 'industrial', investmentWan: 14_000 }, parcel({ standard: standard(350) }));
    const words = match?.reasons.map((r) => describeMatchReason('zh-CN', r, 'parcel'));
    expect(words).toEqual(['面积满足：需 40 亩，地块 50 亩', '用途相符', '标准地', '投资强度达标：350 万元/亩，标准 350 万元/亩']);
    const english = match?.reasons.map((r) => describeMatchReason('en-US', r, 'parcel'));
    expect(english?.[0]).toBe('Area fits: 40 mu needed, parcel of 50 mu');
  });

  it('never lists a carrier that is too small, taken or of another use, and keeps the list in score order', () => {
    const candidate = fc.oneof(
      fc.record({
        kind: fc.constant('parcel' as const),
        id: fc.uuid(),
        name: fc.string({ maxLength: 4 }),
        areaMu: fc.double({ min: 0.01, max: 500, noNaN: true }),
        use: fc.constantFrom(...CARRIER_USES),
        available: fc.boolean(),
        industries: fc.subarray(['new_materials', 'smart_equip', 'med_devices']),
        standard: fc.option(
          fc.record({ investmentIntensityWan: fc.integer({ min: 100, max: 600 }) }).map((s) => standard(s.investmentIntensityWan)),
          { nil: null },
        ),
      }),
      fc.record({
        kind: fc.constant('building' as const),
        id: fc.uuid(),
        name: fc.string({ maxLength: 4 }),
        vacantAreaM2: fc.double({ min: 0, max: 50_000, noNaN: true }),
        use: fc.constantFrom(...CARRIER_USES),
        rentYuanPerM2Day: fc.option(fc.double({ min: 0.1, max: 5, noNaN: true }), { nil: null }),
        industries: fc.subarray(['new_materials', 'smart_equip', 'med_devices']),
      }),
    );
    const need = fc.record({
      landMu: fc.option(fc.double({ min: 1, max: 300, noNaN: true }), { nil: null }),
      floorAreaM2: fc.option(fc.double({ min: 1, max: 30_000, noNaN: true }), { nil: null }),
      use: fc.option(fc.constantFrom(...CARRIER_USES), { nil: null }),
      industry: fc.option(fc.constantFrom('new_materials', 'smart_equip'), { nil: null }),
      investmentWan: fc.option(fc.double({ min: 1, max: 200_000, noNaN: true }), { nil: null }),
      maxRentYuan: fc.option(fc.double({ min: 0.1, max: 5, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(need, fc.array(candidate, { maxLength: 30 }), (n, candidates) => {
        // No candidate scores above the bound for its area, nor a larger one above the bound for a smaller area.
        for (const c of candidates) {
          const match = matchCandidate(n, c);
          const offered = c.kind === 'parcel' ? c.areaMu : c.vacantAreaM2;
          if (match) expect(match.score).toBeLessThanOrEqual(bestPossibleScore(n, c.kind, offered));
          if (match)
            expect(match.score).toBeLessThanOrEqual(
              bestPossibleScore(n, c.kind, offered * 0.9 + (c.kind === 'parcel' ? (n.landMu ?? 0) : (n.floorAreaM2 ?? 0)) * 0.1),
            );
        }
        const ranked = rankCarriers(n, candidates);
        for (const { candidate: c, score } of ranked) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          if (c.kind === 'parcel') {
            expect(c.available).toBe(true);
            expect(c.areaMu).toBeGreaterThanOrEqual(n.landMu ?? Number.POSITIVE_INFINITY);
          } else expect(c.vacantAreaM2).toBeGreaterThanOrEqual(n.floorAreaM2 ?? Number.POSITIVE_INFINITY);
          if (n.use) expect([n.use, 'mixed']).toContain(c.use);
        }
        for (let i = 1; i < ranked.length; i++) expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
      }),
    );
  });

  it('keeps, with a limit, exactly the first ones of the whole ranking, even where many tie on score and area', () => {
    // Few areas, names and uses: most candidates tie on the figures, so the order by name decides who gets in.
    const tied = fc.record({
      kind: fc.constant('parcel' as const),
      id: fc.uuid(),
      name: fc.constantFrom('甲地块', '乙地块', '丙地块', 'A-01', 'A-02'),
      areaMu: fc.constantFrom(10, 20, 40),
      use: fc.constantFrom('industrial' as const, 'mixed' as const),
      available: fc.constant(true),
      industries: fc.subarray(['smart_equip']),
      standard: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(tied, { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (candidates, limit) => {
        const need: CarrierNeed = { landMu: 8, use: 'industrial', industry: 'smart_equip' };
        const whole = rankCarriers(need, candidates).map((m) => m.candidate.id);
        expect(rankCarriers(need, candidates, limit).map((m) => m.candidate.id)).toEqual(whole.slice(0, limit));
      }),
    );
  });
});
