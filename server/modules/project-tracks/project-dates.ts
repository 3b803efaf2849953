import { compareDates } from '../../../common/domain/dates';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { draftOf, findProjectDetail, mergeDraft, writeProjectChanges } from '../projects';
import { type MilestoneRow, listMilestones } from './repository';

// One fact in one place (DOMAIN.md "The ledger": 新开工 of a year is derived, not typed): a project's actual start is
// the day its 开工 milestone was reached, its actual completion the day its 竣工 milestone was. Whatever records a
// milestone reached — a plan save, an approved progress report — calls this in its transaction.

/** The earliest day a milestone of the kind was reached, if one was. */
const reachedOn = (list: MilestoneRow[], kind: MilestoneRow['kind']) =>
  list
    .filter((m) => m.kind === kind && m.actualFinish)
    .map((m) => m.actualFinish as string)
    .sort(compareDates)[0];

/**
 * Gives the project the actual start and completion its plan's 开工 and 竣工 milestones say, through the one writer
 * (audited as `projects.update`, the project's version moved on). A milestone without a date changes nothing: a date
 * the project office typed before there was a plan stays until the plan records one. Answers whether it wrote.
 */
export async function deriveProjectDates(ctx: RequestContext, tx: Tx, projectId: string): Promise<boolean> {
  const plan = await listMilestones(tx, projectId);
  const started = reachedOn(plan, 'start');
  const completed = reachedOn(plan, 'completion');
  if (!started && !completed) return false;
  const current = await findProjectDetail(tx, ctx.actor, projectId);
  if (!current) return false;
  const fields = {
    ...(started && started !== current.actualStart ? { actualStart: started } : {}),
    ...(completed && completed !== current.actualCompletion ? { actualCompletion: completed } : {}),
  };
  if (Object.keys(fields).length === 0) return false;
  const placement = { regionCode: current.regionCode, code: current.code, codeRegionCode: current.codeRegionCode };
  await writeProjectChanges(tx, ctx, [{ current, draft: mergeDraft(draftOf(current), fields), placement, codeChangeReason: null }]);
  return true;
}
