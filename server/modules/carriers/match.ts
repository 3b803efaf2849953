import {
  type BuildingCandidate,
  type CarrierMatch,
  type ParcelCandidate,
  bestPossibleScore,
  needIsEmpty,
  rankCarriers,
} from '../../../common/domain/carrier-match';
import { describeMatchReason } from '../../../common/labels/carrier-match';
import type { MatchQuery, MatchResponse } from '../../../common/schemas/carriers';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { type WindowEnd, buildingWindow, countLargeEnough, parcelWindow, parksInReach } from './repository';

const uniq = (codes: string[]) => [...new Set(codes)];

/**
 * The free carriers in the reader's reach that fit a need, best first, with the reasons in his language (招商供地一体化).
 * A lead passes its land and space needs as the same query (`landMu`, `floorAreaM2`, `use`, `industry`, `investmentWan`).
 */
type ParcelRow = Awaited<ReturnType<typeof parcelWindow>>[number];
type BuildingRow = Awaited<ReturnType<typeof buildingWindow>>[number];
type Park = { name: string; industries: string[] };
type RankedParcel = ParcelCandidate & { code: string; parkId: string | null; parkName: string | null };
type RankedBuilding = BuildingCandidate & { code: null; parkId: string | null; parkName: string | null };

const asParcel = (p: ParcelRow, park: Park | undefined): RankedParcel => ({
  kind: 'parcel',
  id: p.id,
  name: p.name,
  code: p.code,
  areaMu: p.areaMu,
  use: p.use,
  available: true,
  industries: uniq([...p.industries, ...(park?.industries ?? [])]),
  parkId: p.parkId,
  parkName: park?.name ?? null,
  standard:
    p.stdInvestmentWanPerMu === null
      ? null
      : {
          investmentIntensityWan: p.stdInvestmentWanPerMu,
          outputPerMuWan: p.stdOutputWanPerMu,
          taxPerMuWan: p.stdTaxWanPerMu,
          plotRatio: p.stdPlotRatio,
          energyPerUnit: p.stdEnergyPerUnit,
        },
});

const asBuilding = (b: BuildingRow, park: Park | undefined): RankedBuilding => ({
  kind: 'building',
  id: b.id,
  name: b.name,
  code: null,
  vacantAreaM2: b.vacantAreaM2,
  use: b.use,
  rentYuanPerM2Day: b.rentYuanPerM2Day,
  industries: park?.industries ?? [],
  parkId: b.parkId,
  parkName: park?.name ?? null,
});

/** The first window read; each next one is twice as large (a need most carriers meet ends in a few reads). */
const FIRST_WINDOW = 200;

/**
 * The free carriers in the reader's reach that fit a need, best first, with the reasons in his language (招商供地一体化).
 * A lead passes its land and space needs as the same query (`landMu`, `floorAreaM2`, `use`, `industry`, `investmentWan`).
 *
 * Parcels and buildings are read tightest first, in growing windows, and reading a kind stops once the best score any
 * unread one could reach (`bestPossibleScore` at the last area read: larger areas reach less) is below the
 * `limit`-th score found — so the list is the one ranking every candidate would give, without reading thousands of
 * rows that cannot enter it (bench/carriers-match.ts).
 */
export async function matchCarriers(db: Executor, actor: Actor, need: MatchQuery): Promise<MatchResponse> {
  if (needIsEmpty(need)) throw invalidField('landMu', 'carrier.match_needs_area');
  const [parkOf, considered] = await Promise.all([parksInReach(db, actor), countLargeEnough(db, actor, need)]);
  const candidates: (RankedParcel | RankedBuilding)[] = [];
  const landMu = need.landMu;
  const floorAreaM2 = need.floorAreaM2;
  // Per kind: where its last window ended, and whether it is done (nothing more, or nothing more that could rank).
  const parcels = { after: null as WindowEnd | null, done: !landMu };
  const spaces = { after: null as WindowEnd | null, done: !floorAreaM2 };
  let ranked: CarrierMatch<RankedParcel | RankedBuilding>[] = [];
  for (let size = FIRST_WINDOW; !(parcels.done && spaces.done); size *= 2) {
    const [parcelRows, buildingRows] = await Promise.all([
      parcels.done || !landMu ? [] : parcelWindow(db, actor, { ...need, landMu }, parcels.after, size),
      spaces.done || !floorAreaM2 ? [] : buildingWindow(db, actor, { ...need, floorAreaM2 }, spaces.after, size),
    ]);
    for (const p of parcelRows) candidates.push(asParcel(p, p.parkId ? parkOf.get(p.parkId) : undefined));
    for (const b of buildingRows) candidates.push(asBuilding(b, parkOf.get(b.parkId)));
    ranked = rankCarriers(need, candidates, need.limit);
    // The score to beat: the limit-th found; while fewer than `limit` fit, any further candidate could enter.
    const bar = ranked.length >= need.limit ? (ranked[need.limit - 1]?.score ?? 0) : Number.NEGATIVE_INFINITY;
    const lastParcel = parcelRows.at(-1);
    const lastBuilding = buildingRows.at(-1);
    if (!parcels.done) {
      parcels.after = lastParcel ? { area: lastParcel.areaMu, id: lastParcel.id } : parcels.after;
      parcels.done = parcelRows.length < size || (lastParcel !== undefined && bestPossibleScore(need, 'parcel', lastParcel.areaMu) < bar);
    }
    if (!spaces.done) {
      spaces.after = lastBuilding ? { area: lastBuilding.vacantAreaM2, id: lastBuilding.id } : spaces.after;
      spaces.done =
        buildingRows.length < size || (lastBuilding !== undefined && bestPossibleScore(need, 'building', lastBuilding.vacantAreaM2) < bar);
    }
  }
  return {
    considered,
    items: ranked.map(({ candidate: c, score, reasons }) => ({
      kind: c.kind,
      id: c.id,
      name: c.name,
      code: c.code,
      parkId: c.parkId,
      parkName: c.parkName,
      use: c.use,
      area: c.kind === 'parcel' ? c.areaMu : c.vacantAreaM2,
      standard: c.kind === 'parcel' && c.standard !== null,
      rentYuanPerM2Day: c.kind === 'building' ? c.rentYuanPerM2Day : null,
      score,
      reasons: reasons.map((r) => ({ code: r.code, good: r.good, text: describeMatchReason(actor.locale, r, c.kind) })),
    })),
  };
}
