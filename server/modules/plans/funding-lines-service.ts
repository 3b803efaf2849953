import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { fundingLineCreateBody, fundingLineUpdateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import { fundingLines } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { projectForWrite } from './access';
import { type FundingLineRow, findFundingLine, isEnabledDictionaryCode } from './repository';
import { updateAtVersion } from '../../lib/versioned';

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

async function reload(tx: Tx, projectId: string, id: string) {
  const row = await findFundingLine(tx, projectId, id);
  if (!row) throw notFound();
  return row;
}

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
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
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
  const created = await reload(tx, projectId, inserted.id);
  await recordAudit(tx, ctx, {
    action: 'funding_lines.create',
    recordType: 'funding_line',
    recordId: created.id,
    regionCode: project.regionCode,
    after: auditable(created),
  });
  return created;
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
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
  const current = await reload(tx, projectId, id);
  if (current.version !== input.version) throw staleVersion();
  await updateAtVersion(
    tx,
    fundingLines,
    { key: fundingLines.id, keyValue: id, version: input.version },
    {
      plannedYuan: input.plannedYuan ?? current.plannedYuan,
      appliedYuan: input.appliedYuan ?? current.appliedYuan,
      approvedYuan: input.approvedYuan ?? current.approvedYuan,
      receivedYuan: input.receivedYuan ?? current.receivedYuan,
      note: input.note === undefined ? current.note : input.note ? input.note : null,
    },
  );
  const result = await reload(tx, projectId, id);
  await recordAudit(tx, ctx, {
    action: 'funding_lines.update',
    recordType: 'funding_line',
    recordId: id,
    regionCode: project.regionCode,
    ...changedFields(auditable(current), auditable(result)),
  });
  return result;
}

/** Removes a funding line; audited with what it held. */
export async function deleteFundingLine({ ctx, tx, projectId, id }: { ctx: RequestContext; tx: Tx; projectId: string; id: string }) {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
  const current = await reload(tx, projectId, id);
  await tx.delete(fundingLines).where(eq(fundingLines.id, id));
  await recordAudit(tx, ctx, {
    action: 'funding_lines.delete',
    recordType: 'funding_line',
    recordId: id,
    regionCode: project.regionCode,
    before: auditable(current),
  });
}
