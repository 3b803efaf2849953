import type { z } from 'zod';
import type { projectUpdateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { checkProjectCustomValues } from '../custom-fields/project-values';
import { auditSnapshot } from './audit-snapshot';
import { recordCodeChange } from './code-history-repository';
import { columnsOf, draftOf, mergeDraft } from './draft';
import { canManageProject } from './policy';
import { checkProjectDraft } from './project-rules';
import { type ProjectDetailRow, findProjectDetail, replaceProjectLinks, updateProjectRow } from './repository';
import { lockProject } from './scope';

type UpdateInput = z.infer<typeof projectUpdateBody>;

/**
 * Updates a project the actor may edit (lead unit in his scope). A change of 项目代码 is kept in the code history;
 * replacing or clearing an existing code needs a reason. Custom values sent merge over the stored ones and are
 * checked (422 naming each field) as is a change of category. A stale version answers 409 and changes nothing.
 */
export async function updateProject({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: UpdateInput;
}): Promise<ProjectDetailRow> {
  await lockProject(tx, id);
  const current = await findProjectDetail(tx, ctx.actor, id);
  if (!current) throw notFound();
  if (!canManageProject(ctx.actor, current, 'project.update')) throw forbidden();
  if (current.version !== input.version) throw staleVersion();
  const { version, codeChangeReason, ...fields } = input;
  const draft = mergeDraft(draftOf(current), fields);
  const placement = await checkProjectDraft(tx, ctx, draft, current);
  // Custom values are checked when they change, and again when the category or district (so the fields) change.
  if (fields.customValues || draft.categoryCode !== current.categoryCode || placement.regionCode !== current.regionCode) {
    const project = { regionCode: placement.regionCode, categoryCode: draft.categoryCode, values: draft.customValues };
    draft.customValues = await checkProjectCustomValues(tx, ctx.actor.locale, project);
  }
  const codeChanged = placement.code !== current.code;
  const reason = codeChangeReason?.trim() || null;
  if (codeChanged && current.code && !reason) throw invalidField('codeChangeReason', 'project.code_change_reason_required');
  if (!(await updateProjectRow(tx, id, version, { ...columnsOf(draft), ...placement }))) throw staleVersion();
  await replaceProjectLinks(tx, id, draft);
  if (codeChanged) {
    await recordCodeChange(tx, { projectId: id, previousCode: current.code, code: placement.code, reason, actorId: ctx.actor.userId });
  }
  const updated = await findProjectDetail(tx, ctx.actor, id);
  if (!updated) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'projects.update',
    recordType: 'project',
    recordId: id,
    regionCode: updated.regionCode,
    ...changedFields(auditSnapshot(current), auditSnapshot(updated)),
  });
  return updated;
}
