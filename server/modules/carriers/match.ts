import { type BuildingCandidate, type ParcelCandidate, needIsEmpty, rankCarriers } from '../../../common/domain/carrier-match';
import { describeMatchReason } from '../../../common/labels/carrier-match';
import type { MatchQuery, MatchResponse } from '../../../common/schemas/carriers';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { freeCarriers } from './repository';

const uniq = (codes: string[]) => [...new Set(codes)];

/**
 * The free carriers in the reader's reach that fit a need, best first, with the reasons in his language (招商供地一体化).
 * A lead passes its land and space needs as the same query (`landMu`, `floorAreaM2`, `use`, `industry`, `investmentWan`).
 */
export async function matchCarriers(db: Executor, actor: Actor, need: MatchQuery): Promise<MatchResponse> {
  if (needIsEmpty(need)) throw invalidField('landMu', 'carrier.match_needs_area');
  const { parcelRows, buildingRows } = await freeCarriers(db, actor, need);
  const parcels = parcelRows.map((p): ParcelCandidate & { code: string; parkId: string | null; parkName: string | null } => ({
    kind: 'parcel',
    id: p.id,
    name: p.name,
    code: p.code,
    areaMu: p.areaMu,
    use: p.use,
    available: true,
    industries: uniq([...p.industries, ...(p.parkIndustries ?? [])]),
    parkId: p.parkId,
    parkName: p.parkName,
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
  }));
  const spaces = buildingRows.map((b): BuildingCandidate & { code: null; parkId: string | null; parkName: string | null } => ({
    kind: 'building',
    id: b.id,
    name: b.name,
    code: null,
    vacantAreaM2: b.vacantAreaM2,
    use: b.use,
    rentYuanPerM2Day: b.rentYuanPerM2Day,
    industries: b.parkIndustries,
    parkId: b.parkId,
    parkName: b.parkName,
  }));
  const ranked = rankCarriers(need, [...parcels, ...spaces], need.limit);
  return {
    considered: parcels.length + spaces.length,
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
