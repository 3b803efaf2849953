import type { Lead } from '../api/leads-api';

/**
 * The carrier-matching page's address for a lead's needs (招商供地一体化): land in 亩, floor area in m², the chain as the
 * industry parcels are suited to, the estimated investment in 万元 (for the 标准地 intensity); null when the lead asks
 * for neither land nor floor area (there is nothing to match).
 */
export function matchNeedSearch(lead: Pick<Lead, 'landMu' | 'spaceM2' | 'chainCode' | 'estimatedInvestmentYuan'>): URLSearchParams | null {
  if (!lead.landMu && !lead.spaceM2) return null;
  const search = new URLSearchParams();
  if (lead.landMu) search.set('landMu', String(lead.landMu));
  if (lead.spaceM2) search.set('floorAreaM2', String(Math.round(lead.spaceM2)));
  if (lead.chainCode) search.set('industry', lead.chainCode);
  if (lead.estimatedInvestmentYuan) search.set('investmentWan', String(Math.round(lead.estimatedInvestmentYuan / 10_000)));
  return search;
}
