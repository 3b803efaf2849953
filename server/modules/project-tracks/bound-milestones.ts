import { compareDates, todayInChina } from '../../../common/domain/dates';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { lockProject } from '../projects';
import { recomputeWarnings } from '../warnings';
import { deriveProjectDates } from './project-dates';
import { type ApprovalItemRow, bumpPlanVersion, listMilestones, setMilestoneActualDates } from './repository';

// One fact in one place: a plan milestone bound to an approval item type (施工许可 ↔ 建筑工程施工许可证) is reached on
// the day the project's approval item of that type was approved, and not before. The approval item is the one place
// the date is typed; the plan shows it. A bound milestone of a project without such an item is the plan's own.

type ApprovalFacts = Pick<ApprovalItemRow, 'status' | 'approvedOn' | 'appliedOn'>;
type ActualDates = { actualStart?: string | null; actualFinish?: string | null };

/** The day an approval item says its bound milestone was reached: its approval date once approved, else none. */
export const approvalFinish = (item: ApprovalFacts): string | null => (item.status === 'done' ? item.approvedOn : null);

/**
 * A bound milestone's actual dates once the approval item (null: the item was removed) decides its finish. An actual
 * start after that finish moves back to the day applied for (or the finish), so the plan stays valid.
 */
export function followedDates(m: ActualDates, item: ApprovalFacts | null): { actualStart: string | null; actualFinish: string | null } {
  const actualFinish = item ? approvalFinish(item) : null;
  let actualStart = m.actualStart ?? null;
  if (actualStart && actualFinish && compareDates(actualStart, actualFinish) > 0) {
    actualStart = item?.appliedOn && compareDates(item.appliedOn, actualFinish) <= 0 ? item.appliedOn : actualFinish;
  }
  return { actualStart, actualFinish };
}

/** The project's approval items by type. */
export const itemsByType = (items: ApprovalItemRow[]) => new Map(items.map((item) => [item.typeCode, item]));

/** Whether a milestone's finish comes from an approval item of the project (and so cannot be typed in the plan). */
export const isGoverned = (m: { approvalTypeCode?: string | null }, byType: Map<string, ApprovalFacts>) =>
  !!m.approvalTypeCode && byType.has(m.approvalTypeCode);

/** A plan as saved: each milestone governed by an approval item takes its dates from it, whatever the editor sent. */
export function governByApprovals<T extends ActualDates & { approvalTypeCode?: string | null }>(list: T[], items: ApprovalItemRow[]): T[] {
  const byType = itemsByType(items);
  return list.map((m) => {
    const item = m.approvalTypeCode ? byType.get(m.approvalTypeCode) : undefined;
    return item ? { ...m, ...followedDates(m, item) } : m;
  });
}

/**
 * After an approval item was created, changed or removed (`item` null), the milestones of the plan bound to its
 * type follow it, in the caller's transaction: their actual dates written, the plan's version moved on, the project's
 * actual start and completion derived again and its warning recomputed. Audited as `plans.approval_followed`, naming
 * the approval item. Answers how many milestones changed.
 */
export async function followApproval({
  ctx,
  tx,
  project,
  typeCode,
  item,
}: {
  ctx: RequestContext;
  tx: Tx;
  project: { id: string; regionCode: string };
  typeCode: string;
  item: (ApprovalFacts & { id: string }) | null;
}): Promise<number> {
  const bound = (await listMilestones(tx, project.id)).filter((m) => m.approvalTypeCode === typeCode);
  const changes = bound.flatMap((m) => {
    const next = followedDates(m, item);
    return next.actualFinish !== m.actualFinish || next.actualStart !== m.actualStart ? [{ milestone: m, next }] : [];
  });
  if (changes.length === 0) return 0;
  await lockProject(tx, project.id);
  for (const { milestone, next } of changes) await setMilestoneActualDates(tx, project.id, milestone.id, next);
  await bumpPlanVersion(tx, project.id);
  await deriveProjectDates(ctx, tx, project.id);
  await recomputeWarnings(tx, [project.id], todayInChina());
  await recordAudit(tx, ctx, {
    action: 'plans.approval_followed',
    recordType: 'plan',
    recordId: project.id,
    regionCode: project.regionCode,
    before: {
      milestones: changes.map(({ milestone }) => ({ id: milestone.id, name: milestone.name, actualFinish: milestone.actualFinish })),
    },
    after: {
      approvalItemId: item?.id ?? null,
      approvalTypeCode: typeCode,
      milestones: changes.map(({ milestone, next }) => ({ id: milestone.id, name: milestone.name, actualFinish: next.actualFinish })),
    },
  });
  return changes.length;
}
