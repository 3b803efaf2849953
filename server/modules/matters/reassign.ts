import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import type { matterReassignBody } from '../../../common/schemas/matters';
import type { Tx } from '../../db/client';
import { matterCoUnits, matters } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { notify } from '../notifications';
import { districtOf } from '../regions';
import { recomputeWarnings } from '../warnings';
import { matterRoles } from './policy';
import { type MatterRow, findMatter, insertEntry, lockMatter, unitsOfDistrict } from './repository';

/**
 * Reassigns (改派) an open matter at the version read: another lead unit of its district, another deadline (today or
 * later), or both, with the reason. Only its reviewer may (the raising side, the project office): 403 naming him
 * otherwise; 409 on a closed matter. A new lead unit starts again from 交办 (it must 签收) and leaves the co-units if
 * it was one; a new deadline clears the escalation (the matter is no longer overdue) and its reminder. The new lead
 * unit is told; the timeline gets a `reassign` entry with the reason; audited; a project problem's warning is
 * recomputed, since whether it is overdue may have changed.
 */
export async function reassignMatter({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof matterReassignBody>;
}): Promise<MatterRow> {
  const { actor } = ctx;
  if (!(await findMatter(tx, actor, id))) throw notFound();
  await lockMatter(tx, id);
  const matter = await findMatter(tx, actor, id);
  if (!matter) throw notFound();
  if (matter.version !== input.version) throw staleVersion();
  if (!matterRoles(actor, matter).has('reviewer')) {
    const action = translate(actor.locale, 'matter.action.reassign');
    throw new AppError(403, 'matter_not_your_step', 'matter.not_your_step', {
      action,
      by: translate(actor.locale, 'matter.role.reviewer'),
    });
  }
  if (matter.status === 'closed')
    throw new AppError(409, 'matter_wrong_state', 'matter.reassign_closed', {}, [{ path: 'status', messageKey: 'matter.reassign_closed' }]);

  const leadUnitId = input.leadUnitId ?? matter.leadUnitId;
  const deadline = input.deadline ?? matter.deadline;
  const newLead = leadUnitId !== matter.leadUnitId;
  const newDeadline = deadline !== matter.deadline;
  if (!newLead && !newDeadline) throw invalidField('leadUnitId', 'matter.reassign_unchanged');
  if (newDeadline && compareDates(deadline, todayInChina()) < 0) throw invalidField('deadline', 'matter.deadline_past');
  if (newLead) {
    const district = await districtOf(tx, matter.regionCode);
    if (!district || !(await unitsOfDistrict(tx, district.path, [leadUnitId])).has(leadUnitId))
      throw invalidField('leadUnitId', 'matter.unit_not_found');
  }

  const status = newLead ? 'assigned' : matter.status;
  await updateAtVersion(
    tx,
    matters,
    { key: matters.id, keyValue: id, version: input.version },
    {
      leadUnitId,
      deadline,
      status,
      ...(newDeadline ? { escalationLevel: 'none' as const, escalatedAt: null, escalationTarget: null, deadlineRemindedFor: null } : {}),
    },
  );
  if (newLead) await tx.delete(matterCoUnits).where(and(eq(matterCoUnits.matterId, id), eq(matterCoUnits.unitId, leadUnitId)));
  await insertEntry(tx, { matterId: id, kind: 'reassign', authorId: actor.userId, unitId: actor.unitId, text: input.reason, status });
  if (newLead)
    await notify(tx, {
      recipients: { unitIds: [leadUnitId] },
      kind: 'matter_assigned',
      messageKey: 'matter.reassigned',
      params: { title: matter.title, deadline },
      link: `/matters/${id}`,
    });
  if (newDeadline && matter.projectId && matter.source === 'project_problem')
    await recomputeWarnings(tx, [matter.projectId], todayInChina());
  await recordAudit(tx, ctx, {
    action: 'matters.reassign',
    recordType: 'matter',
    recordId: id,
    regionCode: matter.regionCode,
    before: { leadUnitId: matter.leadUnitId, deadline: matter.deadline, status: matter.status },
    after: { leadUnitId, deadline, status, reason: input.reason },
  });
  const row = await findMatter(tx, actor, id);
  if (!row) throw notFound();
  return row;
}
