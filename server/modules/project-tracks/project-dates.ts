import { datesFromPlan } from '../../../common/domain/plan-dates';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { draftOf, findProjectDetail, mergeDraft, writeProjectChanges } from '../projects';
import { listMilestones } from './repository';

// One fact in one place (common/domain/plan-dates.ts; DOMAIN.md "The ledger": 新开工 of a year is derived, not typed):
// a project's planned start and completion are its plan's 开工 and 竣工 milestones' planned dates, its actual start
// and completion the days they were reached. Whatever changes those milestones — a plan save, a template, an approved
// progress report, an approval a milestone is bound to — calls this in its transaction.

/**
 * Gives the project the start and completion dates its plan's 开工 and 竣工 milestones say, through the one writer
 * (audited as `projects.update`, the project's version moved on). A date the plan does not give changes nothing: a
 * date the project office typed before there was a plan stays until the plan gives one. Answers whether it wrote.
 */
export async function deriveProjectDates(ctx: RequestContext, tx: Tx, projectId: string): Promise<boolean> {
  const decided = datesFromPlan(await listMilestones(tx, projectId));
  if (Object.keys(decided).length === 0) return false;
  const current = await findProjectDetail(tx, ctx.actor, projectId);
  if (!current) return false;
  const fields = Object.fromEntries(Object.entries(decided).filter(([field, value]) => current[field as keyof typeof decided] !== value));
  if (Object.keys(fields).length === 0) return false;
  const placement = { regionCode: current.regionCode, code: current.code, codeRegionCode: current.codeRegionCode };
  const change = { current, draft: mergeDraft(draftOf(current), fields), placement, codeChangeReason: null };
  await writeProjectChanges(tx, ctx, [change], { fromPlan: true });
  return true;
}
