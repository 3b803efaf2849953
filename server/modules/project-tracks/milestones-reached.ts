import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { deriveProjectDates } from './project-dates';
import { isGoverned, itemsByType } from './bound-milestones';
import { bumpPlanVersion, listApprovalItems, listMilestones, setMilestoneActualFinish } from './repository';

/** A milestone of the plan reached on a day. */
export type MilestoneReached = { milestoneId: string; reachedOn: string };

/**
 * Writes the actual finish of plan milestones an approved progress report says were reached, so the plan and its
 * Gantt show them. The caller holds the project's lock (`lockProject`) and has checked that every milestone is in the
 * plan. A milestone bound to an approval item the project has is left alone: the approval's date is its one source.
 * As with a plan save, a change moves the plan's version (the project's) on, so someone editing the plan as it
 * was gets 409 instead of overwriting the dates unseen. Milestones already finished on that day are left alone.
 * Audited as `plans.milestones_reached`, naming the report. Answers how many milestones changed.
 */
export async function recordMilestonesReached({
  ctx,
  tx,
  project,
  reached,
  reportId,
}: {
  ctx: RequestContext;
  tx: Tx;
  project: { id: string; regionCode: string };
  reached: MilestoneReached[];
  reportId: string;
}): Promise<number> {
  const current = new Map((await listMilestones(tx, project.id)).map((m) => [m.id, m]));
  const approvals = itemsByType(await listApprovalItems(tx, project.id));
  const changes = reached.flatMap((r) => {
    const milestone = current.get(r.milestoneId);
    if (!milestone || isGoverned(milestone, approvals)) return [];
    return milestone.actualFinish !== r.reachedOn ? [{ milestone, reachedOn: r.reachedOn }] : [];
  });
  if (changes.length === 0) return 0;
  for (const { milestone, reachedOn } of changes) await setMilestoneActualFinish(tx, project.id, milestone.id, reachedOn);
  await bumpPlanVersion(tx, project.id);
  // A 开工 or 竣工 milestone reached is the project's actual start or completion (新开工 derived, not typed).
  await deriveProjectDates(ctx, tx, project.id);
  await recordAudit(tx, ctx, {
    action: 'plans.milestones_reached',
    recordType: 'plan',
    recordId: project.id,
    regionCode: project.regionCode,
    before: {
      milestones: changes.map(({ milestone }) => ({ id: milestone.id, name: milestone.name, actualFinish: milestone.actualFinish })),
    },
    after: {
      progressReportId: reportId,
      milestones: changes.map(({ milestone, reachedOn }) => ({ id: milestone.id, name: milestone.name, actualFinish: reachedOn })),
    },
  });
  return changes.length;
}
