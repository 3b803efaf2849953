// 期初累计完成投资 of the demo: what each project started before this year had completed by last December, when the
// district began its monthly reports in Lantu. It follows the share of the construction time elapsed by 1 January (the
// same share the annual plan leaves the rest of), and leaves room for this year's plan and a report running ahead of
// it, so that the opening amount and the approved reports never add up to more than the total investment.
import { lastDayOfMonth } from '../../../common/domain/targets';
import type { DemoProjectRows } from './demo-projects';
import { between, rngFor } from './seeded-random';

const WAN = 10_000;
/** How far the year's reports may run ahead of the annual plan (demo-reports: a bias and ±15% a month). */
const REPORTS_AHEAD = 1.4;

/**
 * Sets the opening amount, as of 31 December last year, of each project `doneBefore` names (its share of construction
 * done by 1 January): about that share of its total, less what this year's plan and reports need.
 */
export function setOpeningAmounts(rows: DemoProjectRows, doneBefore: Map<string, number>, year: number): void {
  const planned = new Map(rows.annualPlans.map((p) => [p.projectId, p.plannedYuan ?? 0]));
  for (const project of rows.projects) {
    const share = project.id ? doneBefore.get(project.id) : undefined;
    const total = project.totalInvestmentYuan ?? 0;
    if (share === undefined || share <= 0 || total <= 0 || !project.id) continue;
    const r = rngFor(project.id, 'opening');
    const room = total - Math.ceil((planned.get(project.id) ?? 0) * REPORTS_AHEAD);
    const amount = Math.min(Math.round((total * share * between(r, 0.85, 1)) / (10 * WAN)) * 10 * WAN, Math.floor(room / WAN) * WAN);
    if (amount <= 0) continue;
    project.openingCompletedYuan = amount;
    project.openingCompletedAsOf = lastDayOfMonth(year - 1, 12);
  }
}
