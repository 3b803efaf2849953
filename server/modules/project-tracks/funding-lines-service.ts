import type { z } from 'zod';
import type { fundingLineCreateBody, fundingLineUpdateBody } from '../../../common/schemas/tracks';
import type { Tx } from '../../db/client';
import { fundingLines } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { conflict, invalidField, staleVersion } from '../../lib/errors';
import { loadProject } from '../projects';
import { type FundingLineRow, findFundingLine, isEnabledDictionaryCode } from './repository';
import { trackRecords } from './track-records';

type CreateInput = z.infer<typeof fundingLineCreateBody>;
type UpdateInput = z.infer<typeof fundingLineUpdateBody>;

const auditable = (r: FundingLineRow) => ({
  projectId: r.projectId,
  sourceCode: r.sourceCode,
  plannedYuan: r.plannedYuan,
  appliedYuan: r.appliedYuan,
  approvedYuan: r.approvedYuan,
  receivedYuan: r.receivedYuan,
  note: r.note,
});

const records = trackRecords({
  table: fundingLines,
  names: { plural: 'funding_lines', singular: 'funding_line' },
  find: findFundingLine,
  auditable,
});

/**
 * Adds a funding line (融资 track) for a source the project does not have yet. The amounts are not required to
 * shrink from planned to received: money is applied for, approved and received in any order and amount.
 */
export async function createFundingLine({
  ctx,
  tx,
  projectId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  input: CreateInput;
}): Promise<FundingLineRow> {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
  if (!(await isEnabledDictionaryCode(tx, 'funding_source', input.sourceCode))) throw invalidField('sourceCode', 'funding.source_unknown');
  const [inserted] = await tx
    .insert(fundingLines)
    .values({
      projectId,
      sourceCode: input.sourceCode,
      plannedYuan: input.plannedYuan ?? 0,
      appliedYuan: input.appliedYuan ?? 0,
      approvedYuan: input.approvedYuan ?? 0,
      receivedYuan: input.receivedYuan ?? 0,
      note: input.note ? input.note : null,
    })
    .onConflictDoNothing()
    .returning({ id: fundingLines.id });
  if (!inserted) throw conflict('funding.duplicate_source', 'sourceCode');
  return records.created(tx, ctx, project, inserted.id);
}

/** Updates a funding line's amounts or note; a stale version answers 409. */
export async function updateFundingLine({
  ctx,
  tx,
  projectId,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  id: string;
  input: UpdateInput;
}): Promise<FundingLineRow> {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
  const current = await records.reload(tx, projectId, id);
  if (current.version !== input.version) throw staleVersion();
  return records.update(tx, ctx, {
    project,
    id,
    current,
    version: input.version,
    values: {
      plannedYuan: input.plannedYuan ?? current.plannedYuan,
      appliedYuan: input.appliedYuan ?? current.appliedYuan,
      approvedYuan: input.approvedYuan ?? current.approvedYuan,
      receivedYuan: input.receivedYuan ?? current.receivedYuan,
      note: input.note === undefined ? current.note : input.note ? input.note : null,
    },
  });
}

/** Removes a funding line; audited with what it held. */
export async function deleteFundingLine({ ctx, tx, projectId, id }: { ctx: RequestContext; tx: Tx; projectId: string; id: string }) {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
  await records.remove(tx, ctx, project, id);
}
