import type { z } from 'zod';
import type { projectUpdateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { checkProjectCustomValues } from '../custom-fields';
import { draftOf, mergeDraft } from './draft';
import { assertFieldRights } from './field-rights';
import { canManageProject } from './policy';
import { checkProjectDraft } from './project-rules';
import { type ProjectDetailRow, findProjectDetail } from './repository';
import { lockProject } from './scope';
import { writeProjectChanges } from './write-projects';

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
  const { version: _version, codeChangeReason, ...fields } = input;
  const draft = mergeDraft(draftOf(current), fields);
  assertFieldRights(ctx.actor, [{ current, draft }]);
  const placement = await checkProjectDraft(tx, ctx, draft, current);
  // Custom values are checked when they change, and again when the category or district (so the fields) change.
  if (fields.customValues || draft.categoryCode !== current.categoryCode || placement.regionCode !== current.regionCode) {
    const project = { regionCode: placement.regionCode, categoryCode: draft.categoryCode, values: draft.customValues };
    draft.customValues = await checkProjectCustomValues(tx, ctx.actor.locale, project);
  }
  const codeChanged = placement.code !== current.code;
  const reason = codeChangeReason?.trim() || null;
  if (codeChanged && current.code && !reason) throw invalidField('codeChangeReason', 'project.code_change_reason_required');
  await writeProjectChanges(tx, ctx, [{ current, draft, placement, codeChangeReason: reason }]);
  const updated = await findProjectDetail(tx, ctx.actor, id);
  if (!updated) throw notFound();
  return updated;
}
