import type { z } from 'zod';
import type { projectCreateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { checkProjectCustomValues } from '../custom-fields/project-values';
import { auditSnapshot } from './audit-snapshot';
import { recordCodeChange } from './code-history-repository';
import { columnsOf, newDraft } from './draft';
import { checkProjectDraft } from './project-rules';
import { type ProjectDetailRow, findProjectDetail, insertProject, replaceProjectLinks } from './repository';

type CreateInput = z.infer<typeof projectCreateBody>;

/**
 * Creates a project in the planning pool, with its leaders and co-units and its custom values checked against the
 * district's fields for its category, audited in the same transaction.
 */
export async function createProject({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: CreateInput }): Promise<ProjectDetailRow> {
  const draft = newDraft(input);
  const placement = await checkProjectDraft(tx, ctx, draft, null);
  draft.customValues = await checkProjectCustomValues(tx, ctx.actor.locale, {
    regionCode: placement.regionCode,
    categoryCode: draft.categoryCode,
    values: draft.customValues,
  });
  const id = await insertProject(tx, { ...columnsOf(draft), ...placement, createdBy: ctx.actor.userId });
  await replaceProjectLinks(tx, id, draft);
  if (placement.code) {
    await recordCodeChange(tx, { projectId: id, previousCode: null, code: placement.code, reason: null, actorId: ctx.actor.userId });
  }
  const created = await findProjectDetail(tx, ctx.actor, id);
  if (!created) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'projects.create',
    recordType: 'project',
    recordId: id,
    regionCode: created.regionCode,
    after: auditSnapshot(created),
  });
  return created;
}
