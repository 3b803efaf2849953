import type { z } from 'zod';
import type { projectCreateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { checkProjectCustomValues } from '../custom-fields';
import { newDraft } from './draft';
import { checkProjectDraft } from './project-rules';
import { type ProjectDetailRow, findProjectDetail } from './repository';
import { insertProjects } from './write-projects';

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
  const [id] = await insertProjects(tx, ctx, [{ draft, placement, pool: 'planning' }]);
  const created = id ? await findProjectDetail(tx, ctx.actor, id) : null;
  if (!created) throw notFound();
  return created;
}
