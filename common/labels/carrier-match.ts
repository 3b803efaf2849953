import type { MatchReason, MatchReasonCode } from '../domain/carrier-match';
import type { Locale } from '../locale';

const n = (value: number | undefined) => (value ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

type Wording = Record<MatchReasonCode, (p: Record<string, number>, parcel: boolean) => string>;

const ZH: Wording = {
  area_fits: (p, parcel) =>
    parcel ? `面积满足：需 ${n(p.needed)} 亩，地块 ${n(p.offered)} 亩` : `面积满足：需 ${n(p.needed)} m²，空置 ${n(p.offered)} m²`,
  area_much_larger: (p) => `面积远大于需求（约 ${n(p.times)} 倍）`,
  use_matches: () => '用途相符',
  use_mixed: () => '综合用途，可兼容',
  industry_matches: () => '产业方向相符',
  standard_land: () => '标准地',
  intensity_met: (p) => `投资强度达标：${n(p.planned)} 万元/亩，标准 ${n(p.required)} 万元/亩`,
  intensity_short: (p) => `投资强度不足：${n(p.planned)} 万元/亩，标准地要求 ${n(p.required)} 万元/亩`,
  intensity_unknown: (p) => `标准地要求投资强度 ${n(p.required)} 万元/亩：请填写计划投资以核对`,
  rent_within: (p) => `租金在预算内：${n(p.rent)} 元/m²/天`,
  rent_over: (p) => `租金超出预算：${n(p.rent)} 元/m²/天，预算 ${n(p.budget)} 元/m²/天`,
};

const en = (value: number | undefined) => (value ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 });

const EN: Wording = {
  area_fits: (p, parcel) =>
    parcel
      ? `Area fits: ${en(p.needed)} mu needed, parcel of ${en(p.offered)} mu`
      : `Area fits: ${en(p.needed)} m² needed, ${en(p.offered)} m² vacant`,
  area_much_larger: (p) => `Far larger than needed (about ${en(p.times)} times)`,
  use_matches: () => 'Use matches',
  use_mixed: () => 'Mixed use, compatible',
  industry_matches: () => 'Industry matches',
  standard_land: () => 'Standard land parcel',
  intensity_met: (p) => `Investment intensity met: ${en(p.planned)} 10k yuan/mu against ${en(p.required)}`,
  intensity_short: (p) => `Investment intensity short: ${en(p.planned)} 10k yuan/mu, the standard asks ${en(p.required)}`,
  intensity_unknown: (p) => `The standard asks ${en(p.required)} 10k yuan/mu: give the planned investment to check`,
  rent_within: (p) => `Rent within budget: ${en(p.rent)} yuan/m²/day`,
  rent_over: (p) => `Rent over budget: ${en(p.rent)} yuan/m²/day against ${en(p.budget)}`,
};

const WORDING: Record<Locale, Wording> = { 'zh-CN': ZH, 'en-US': EN };

/** Words one reason a carrier fits a need (面积满足、用途相符、投资强度达标 …) in the reader's language. */
export function describeMatchReason(locale: Locale, reason: MatchReason, kind: 'parcel' | 'building'): string {
  return WORDING[locale][reason.code](reason.params, kind === 'parcel');
}
