import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { compareDates } from '../../../common/domain/dates';
import type { approvalItemCreateBody, approvalItemUpdateBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import { approvalItems } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { projectForWrite } from './access';
import { type ApprovalItemRow, findApprovalItem, isEnabledDictionaryCode } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof approvalItemCreateBody>;
type UpdateInput = z.infer<typeof approvalItemUpdateBody>;
type Fields = Pick<ApprovalItemRow, 'status' | 'appliedOn' | 'approvedOn' | 'documentNumber' | 'note'>;

const auditable = (r: ApprovalItemRow) => ({
  projectId: r.projectId,
  typeCode: r.typeCode,
  status: r.status,
  appliedOn: r.appliedOn,
  approvedOn: r.approvedOn,
  documentNumber: r.documentNumber,
  note: r.note,
});

// An empty text box means "no value".
const orNull = (value: string | null | undefined) => (value ? value : null);

/** The approval item's date rules; the service and the spreadsheet import both check them. */
export function checkDates(fields: Fields) {
  if (fields.appliedOn && fields.approvedOn && compareDates(fields.approvedOn, fields.appliedOn) < 0) {
    throw invalidField('approvedOn', 'approval.approved_before_applied');
  }
  // An item is done when the approval is in hand, and the approval has a date.
  if (fields.status === 'done' && !fields.approvedOn) throw invalidField('approvedOn', 'approval.done_needs_approved_on');
}

async function reload(tx: Tx, projectId: string, id: string) {
  const row = await findApprovalItem(tx, projectId, id);
  if (!row) throw notFound();
  return row;
}

/** Adds an approval item (立项 track) of a dictionary type the project does not have yet; audited. */
export async function createApprovalItem({
  ctx,
  tx,
  projectId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  input: CreateInput;
}): Promise<ApprovalItemRow> {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
  if (!(await isEnabledDictionaryCode(tx, 'approval_item_type', input.typeCode))) throw invalidField('typeCode', 'approval.type_unknown');
  const fields: Fields = {
    status: input.status ?? 'pending',
    appliedOn: input.appliedOn ?? null,
    approvedOn: input.approvedOn ?? null,
    documentNumber: orNull(input.documentNumber),
    note: orNull(input.note),
  };
  checkDates(fields);
  const [inserted] = await tx
    .insert(approvalItems)
    .values({ projectId, typeCode: input.typeCode, ...fields })
    .onConflictDoNothing()
    .returning({ id: approvalItems.id });
  if (!inserted) throw conflict('approval.duplicate_type', 'typeCode');
  const created = await reload(tx, projectId, inserted.id);
  await recordAudit(tx, ctx, {
    action: 'approval_items.create',
    recordType: 'approval_item',
    recordId: created.id,
    regionCode: project.regionCode,
    after: auditable(created),
  });
  return created;
}

/** Updates an approval item's status, dates and document; a stale version answers 409. */
export async function updateApprovalItem({
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
}): Promise<ApprovalItemRow> {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
  const current = await reload(tx, projectId, id);
  if (current.version !== input.version) throw staleVersion();
  const fields: Fields = {
    status: input.status ?? current.status,
    appliedOn: input.appliedOn === undefined ? current.appliedOn : input.appliedOn,
    approvedOn: input.approvedOn === undefined ? current.approvedOn : input.approvedOn,
    documentNumber: input.documentNumber === undefined ? current.documentNumber : orNull(input.documentNumber),
    note: input.note === undefined ? current.note : orNull(input.note),
  };
  checkDates(fields);
  await updateAtVersion(tx, approvalItems, { key: approvalItems.id, keyValue: id, version: input.version }, { ...fields });
  const result = await reload(tx, projectId, id);
  await recordAudit(tx, ctx, {
    action: 'approval_items.update',
    recordType: 'approval_item',
    recordId: id,
    regionCode: project.regionCode,
    ...changedFields(auditable(current), auditable(result)),
  });
  return result;
}

/** Removes an approval item recorded by mistake; audited with what it held. */
export async function deleteApprovalItem({ ctx, tx, projectId, id }: { ctx: RequestContext; tx: Tx; projectId: string; id: string }) {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.update');
  const current = await reload(tx, projectId, id);
  await tx.delete(approvalItems).where(eq(approvalItems.id, id));
  await recordAudit(tx, ctx, {
    action: 'approval_items.delete',
    recordType: 'approval_item',
    recordId: id,
    regionCode: project.regionCode,
    before: auditable(current),
  });
}
