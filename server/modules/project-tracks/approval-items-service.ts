import type { z } from 'zod';
import { compareDates } from '../../../common/domain/dates';
import type { approvalItemCreateBody, approvalItemUpdateBody } from '../../../common/schemas/tracks';
import type { Tx } from '../../db/client';
import { approvalItems } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { conflict, invalidField, staleVersion } from '../../lib/errors';
import { loadProject } from '../projects';
import { followApproval } from './bound-milestones';
import { type ApprovalItemRow, findApprovalItem, isEnabledDictionaryCode } from './repository';
import { trackRecords } from './track-records';

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

const records = trackRecords({
  table: approvalItems,
  names: { plural: 'approval_items', singular: 'approval_item' },
  find: findApprovalItem,
  auditable,
});

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
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
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
  const created = await records.created(tx, ctx, project, inserted.id);
  // The plan's milestone bound to this type now follows the item.
  await followApproval({ ctx, tx, project, typeCode: created.typeCode, item: created });
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
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
  const current = await records.reload(tx, projectId, id);
  if (current.version !== input.version) throw staleVersion();
  const fields: Fields = {
    status: input.status ?? current.status,
    appliedOn: input.appliedOn === undefined ? current.appliedOn : input.appliedOn,
    approvedOn: input.approvedOn === undefined ? current.approvedOn : input.approvedOn,
    documentNumber: input.documentNumber === undefined ? current.documentNumber : orNull(input.documentNumber),
    note: input.note === undefined ? current.note : orNull(input.note),
  };
  checkDates(fields);
  const updated = await records.update(tx, ctx, { project, id, current, version: input.version, values: fields });
  // Approved on a day, un-approved or redated: the plan's milestone bound to this type follows, in this transaction.
  await followApproval({ ctx, tx, project, typeCode: updated.typeCode, item: updated });
  return updated;
}

/** Removes an approval item recorded by mistake; audited with what it held. Its bound milestone is no longer reached. */
export async function deleteApprovalItem({ ctx, tx, projectId, id }: { ctx: RequestContext; tx: Tx; projectId: string; id: string }) {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.update');
  const current = await records.reload(tx, projectId, id);
  await records.remove(tx, ctx, project, id);
  await followApproval({ ctx, tx, project, typeCode: current.typeCode, item: null });
}
