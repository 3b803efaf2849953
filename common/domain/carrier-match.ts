/**
 * Matching a need for land or space (招商供地一体化) against the free carriers of a district: which available parcels
 * and which buildings with vacant floor area fit, ranked, each with the reasons in words. Pure: the server loads the
 * candidates, this decides.
 *
 * Hard conditions (a candidate failing one is not listed): the parcel is available (待供) or the building has vacant
 * space, its area covers the need, and its use is the one needed (or mixed). Soft ones move the rank and are said in
 * the reasons: the industry fits the park or parcel, a 标准地's investment intensity is met, the rent is within budget,
 * and the area is not far larger than needed.
 */
import type { CarrierUse } from '../enums';

/** What an investor needs (from a lead or typed on the matching page). At least one of land and floor area. */
export type CarrierNeed = {
  /** Land, 亩. */
  landMu?: number | null;
  /** Floor area to rent or buy, m². */
  floorAreaM2?: number | null;
  use?: CarrierUse | null;
  /** A code of the industry_chain (or leading_industry) dictionary. */
  industry?: string | null;
  /** The planned investment, 万元 (checked against a 标准地's investment intensity). */
  investmentWan?: number | null;
  /** The most the investor will pay, 元/m²/day. */
  maxRentYuan?: number | null;
};

/** The preset standards of a 标准地 parcel; any may be absent. */
export type LandStandard = {
  investmentIntensityWan: number | null;
  outputPerMuWan: number | null;
  taxPerMuWan: number | null;
  plotRatio: number | null;
  energyPerUnit: number | null;
};

export type ParcelCandidate = {
  kind: 'parcel';
  id: string;
  name: string;
  areaMu: number;
  use: CarrierUse;
  available: boolean;
  /** Industries the parcel (or its park) is meant for. */
  industries: string[];
  standard: LandStandard | null;
};

export type BuildingCandidate = {
  kind: 'building';
  id: string;
  name: string;
  vacantAreaM2: number;
  use: CarrierUse;
  rentYuanPerM2Day: number | null;
  industries: string[];
};

export type CarrierCandidate = ParcelCandidate | BuildingCandidate;

export type MatchReasonCode =
  | 'area_fits'
  | 'area_much_larger'
  | 'use_matches'
  | 'use_mixed'
  | 'industry_matches'
  | 'standard_land'
  | 'intensity_met'
  | 'intensity_short'
  | 'intensity_unknown'
  | 'rent_within'
  | 'rent_over';

/** One reason, with the figures that make it (need and offer, in the units the wording uses). */
export type MatchReason = { code: MatchReasonCode; good: boolean; params: Record<string, number> };

export type CarrierMatch<C extends CarrierCandidate = CarrierCandidate> = { candidate: C; score: number; reasons: MatchReason[] };

/** A parcel far larger than the need wastes land: past this many times the need the ranker says so. */
export const OVERSIZE_FACTOR = 3;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** True when the need asks for something: land or floor area. */
export const needIsEmpty = (need: CarrierNeed) => !(need.landMu && need.landMu > 0) && !(need.floorAreaM2 && need.floorAreaM2 > 0);

function reasonOfUse(need: CarrierNeed, use: CarrierUse): MatchReason | null | 'refused' {
  if (!need.use) return null;
  if (use === need.use) return { code: 'use_matches', good: true, params: {} };
  if (use === 'mixed') return { code: 'use_mixed', good: true, params: {} };
  return 'refused';
}

function areaReasons(needed: number, offered: number): MatchReason[] {
  const reasons: MatchReason[] = [{ code: 'area_fits', good: true, params: { needed, offered } }];
  if (offered > needed * OVERSIZE_FACTOR)
    reasons.push({ code: 'area_much_larger', good: false, params: { needed, offered, times: round2(offered / needed) } });
  return reasons;
}

function intensityReasons(need: CarrierNeed, parcel: ParcelCandidate): MatchReason[] {
  if (!parcel.standard) return [];
  const reasons: MatchReason[] = [{ code: 'standard_land', good: true, params: {} }];
  const required = parcel.standard.investmentIntensityWan;
  if (required === null) return reasons;
  if (!need.investmentWan || !need.landMu) {
    reasons.push({ code: 'intensity_unknown', good: false, params: { required } });
    return reasons;
  }
  const planned = round2(need.investmentWan / need.landMu);
  reasons.push(
    planned >= required
      ? { code: 'intensity_met', good: true, params: { planned, required } }
      : { code: 'intensity_short', good: false, params: { planned, required } },
  );
  return reasons;
}

function rentReason(need: CarrierNeed, building: BuildingCandidate): MatchReason | null {
  if (!need.maxRentYuan || building.rentYuanPerM2Day === null) return null;
  const rent = building.rentYuanPerM2Day;
  return rent <= need.maxRentYuan
    ? { code: 'rent_within', good: true, params: { rent, budget: need.maxRentYuan } }
    : { code: 'rent_over', good: false, params: { rent, budget: need.maxRentYuan } };
}

// Points each reason adds or takes away; a fitting candidate starts at 40 and gains up to 20 for a tight area.
const POINTS: Record<MatchReasonCode, number> = {
  area_fits: 40,
  area_much_larger: -5,
  use_matches: 15,
  use_mixed: 8,
  industry_matches: 15,
  standard_land: 0,
  intensity_met: 10,
  intensity_short: -20,
  intensity_unknown: 0,
  rent_within: 10,
  rent_over: -15,
};

/** The reasons one candidate fits the need, or null when it does not fit (not free, too small, wrong use). */
export function matchCandidate(need: CarrierNeed, candidate: CarrierCandidate): CarrierMatch | null {
  const needed = candidate.kind === 'parcel' ? need.landMu : need.floorAreaM2;
  if (!needed || needed <= 0) return null;
  const offered = candidate.kind === 'parcel' ? candidate.areaMu : candidate.vacantAreaM2;
  if (candidate.kind === 'parcel' && !candidate.available) return null;
  if (offered < needed) return null;
  const use = reasonOfUse(need, candidate.use);
  if (use === 'refused') return null;
  const reasons = areaReasons(needed, offered);
  if (use) reasons.push(use);
  if (need.industry && candidate.industries.includes(need.industry)) reasons.push({ code: 'industry_matches', good: true, params: {} });
  if (candidate.kind === 'parcel') reasons.push(...intensityReasons(need, candidate));
  else {
    const rent = rentReason(need, candidate);
    if (rent) reasons.push(rent);
  }
  const tightness = Math.round(20 * (needed / offered));
  const score = Math.max(0, Math.min(100, tightness + reasons.reduce((sum, r) => sum + POINTS[r.code], 0)));
  return { candidate, score, reasons };
}

/**
 * The highest score any candidate of this kind offering `offered` (亩 for a parcel, vacant m² for a building) could
 * reach for the need, whatever else it offers: the area fits, the tightness that area gives, and every bonus the need
 * makes possible (use, industry, intensity or rent). Smaller areas give more, so a reader taking candidates tightest
 * first may stop once this bound, at the last area read, falls below the limit-th score found (the server does).
 * 0 when the area does not cover the need.
 */
export function bestPossibleScore(need: CarrierNeed, kind: CarrierCandidate['kind'], offered: number): number {
  const needed = kind === 'parcel' ? need.landMu : need.floorAreaM2;
  if (!needed || needed <= 0 || offered < needed) return 0;
  let points = POINTS.area_fits + Math.round(20 * (needed / offered));
  if (need.use) points += POINTS.use_matches;
  if (need.industry) points += POINTS.industry_matches;
  if (kind === 'parcel' && need.investmentWan && need.landMu) points += POINTS.intensity_met;
  if (kind === 'building' && need.maxRentYuan) points += POINTS.rent_within;
  return Math.min(100, points);
}

const offeredArea = (c: CarrierCandidate) => (c.kind === 'parcel' ? c.areaMu * 666.67 : c.vacantAreaM2);

/** Best first by the figures alone: the higher score, then the tighter fit (less area left over). */
const byFigures = (a: CarrierMatch, b: CarrierMatch) => b.score - a.score || offeredArea(a.candidate) - offeredArea(b.candidate);

/** Names in Chinese order, by one collator made once. */
const byName = new Intl.Collator('zh-CN').compare;

/** The whole order: by the figures, then by name, then by id (so equal names keep one order). */
const byRank = (a: CarrierMatch, b: CarrierMatch) =>
  byFigures(a, b) ||
  byName(a.candidate.name, b.candidate.name) ||
  (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0);

/**
 * The candidates that fit the need, best first: by score, then the tighter fit (less area left over), then by name.
 * `limit` keeps the first ones (all when absent). With a limit, only the matches that reach into it are put in name
 * order: thousands of candidates tie on score and area, and comparing their names was most of the time matching 20,000
 * carriers took (bench/carriers-match.ts).
 */
export function rankCarriers<C extends CarrierCandidate>(need: CarrierNeed, candidates: readonly C[], limit?: number): CarrierMatch<C>[] {
  const matches: CarrierMatch<C>[] = [];
  for (const candidate of candidates) {
    const match = matchCandidate(need, candidate);
    if (match) matches.push(match as CarrierMatch<C>);
  }
  if (limit === undefined || matches.length <= limit) return matches.sort(byRank).slice(0, limit);
  matches.sort(byFigures);
  // Everything past the last match tying with the limit-th on the figures ranks after all that come before it.
  const last = matches[limit - 1] as CarrierMatch<C>;
  let end = limit;
  while (end < matches.length && byFigures(matches[end] as CarrierMatch<C>, last) === 0) end++;
  return matches.slice(0, end).sort(byRank).slice(0, limit);
}
