import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { type MatterAction, TEXT_REQUIRED, matterStep } from '../../../common/domain/matters';
import { enumLabel } from '../../../common/labels';
import type { MatterStatus, matterCreateBody, matterStepBody } from '../../../common/schemas/matters';
import type { Tx } from '../../db/client';
import { matters } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { type MessageKey, translate } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { enabledDictionaryEntries, findProject } from '../projects';
import { type District, actorDistrict, districtOf } from '../regions';
import { findReport } from '../reports';
import { recomputeWarnings } from '../warnings';
import { matterRoles } from './policy';
import { type MatterRow, findMatter, insertEntry, insertMatter, lockMatter, matterFilesAmong, unitsOfDistrict } from './repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<MatterRow> {
  const row = await findMatter(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/**
 * What `createMatter` checks of a matter to raise, without writing (400 naming every field at fault, 422 when there is
 * no district): the district it belongs to and its co-units. A sheet checks a visit's demands with it.
 */
export async function checkMatterCreate(tx: Tx, ctx: RequestContext, input: z.infer<typeof matterCreateBody>) {
  const { actor } = ctx;
  let district: District | null;
  if (input.projectId) {
    const project = await findProject(tx, actor, input.projectId);
    if (!project) throw invalidField('projectId', 'matter.project_not_found');
    district = await districtOf(tx, project.regionCode);
  } else {
    district = await actorDistrict(tx, actor);
  }
  if (!district) throw new AppError(422, 'no_district', 'matter.no_district');
  const details: Detail[] = [];
  const coUnitIds = input.coUnitIds ?? [];
  const known = await unitsOfDistrict(tx, district.path, [input.leadUnitId, ...coUnitIds]);
  if (!known.has(input.leadUnitId)) details.push({ path: 'leadUnitId', messageKey: 'matter.unit_not_found' });
  coUnitIds.forEach((id, i) => {
    if (!known.has(id)) details.push({ path: `coUnitIds.${i}`, messageKey: 'matter.unit_not_found' });
  });
  const [category] = await enabledDictionaryEntries(tx, [{ type: 'problem_category', code: input.category }]);
  if (!category) details.push({ path: 'category', messageKey: 'matter.category_unknown' });
  if (input.sourceReportId) {
    // A report the raiser does not see is refused as not found, like a project he does not see.
    const report = await findReport(tx, actor, input.sourceReportId);
    if (!report) details.push({ path: 'sourceReportId', messageKey: 'matter.source_report_not_found' });
    else if (input.source !== 'project_problem' || report.projectId !== input.projectId)
      details.push({ path: 'sourceReportId', messageKey: 'matter.source_report_other_project' });
  }
  if (compareDates(input.deadline, todayInChina()) < 0) details.push({ path: 'deadline', messageKey: 'matter.deadline_past' });
  if (details.length > 0) throw invalid(details);
  return { district, coUnitIds };
}

/**
 * Raises and assigns (交办) a matter: in the project's district when it is about a project the raiser sees, else in
 * the raiser's own district. The lead unit and co-units must be units of that district, the category an enabled
 * problem category, the deadline today or later; a source report one of the same project the raiser sees. The
 * raiser's unit is the raising unit (it reviews the answer).
 * Audited, with the 交办 entry opening the timeline.
 */
export async function createMatter({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: z.infer<typeof matterCreateBody> }) {
  const { actor } = ctx;
  const { district, coUnitIds } = await checkMatterCreate(tx, ctx, input);
  const row = await insertMatter(
    tx,
    {
      regionCode: district.code,
      source: input.source,
      projectId: input.projectId ?? null,
      sourceReportId: input.sourceReportId ?? null,
      title: input.title,
      description: input.description,
      category: input.category,
      priority: input.priority ?? 'normal',
      leadUnitId: input.leadUnitId,
      raisingUnitId: actor.unitId,
      raisedBy: actor.userId,
      deadline: input.deadline,
    },
    coUnitIds,
  );
  await insertEntry(tx, { matterId: row.id, kind: 'assign', authorId: actor.userId, unitId: actor.unitId, text: null, status: 'assigned' });
  await recordAudit(tx, ctx, {
    action: 'matters.create',
    recordType: 'matter',
    recordId: row.id,
    regionCode: row.regionCode,
    after: {
      source: row.source,
      projectId: row.projectId,
      ...(row.sourceReportId ? { sourceReportId: row.sourceReportId } : {}),
      title: row.title,
      category: row.category,
      priority: row.priority,
      leadUnitId: row.leadUnitId,
      coUnitIds,
      deadline: row.deadline,
    },
  });
  return reloaded(tx, ctx, row.id);
}

/** Where the step leads, or its refusal worded in the reader's language: out of order (409) or not his step (403). */
function checkStep(ctx: RequestContext, matter: MatterRow, action: MatterAction): MatterStatus {
  const { locale } = ctx.actor;
  const roles = matterRoles(ctx.actor, matter);
  const step = matterStep(matter.status, action, roles);
  if (step.ok) return step.to;
  const actionName = translate(locale, `matter.action.${action}` as MessageKey);
  if (step.refusal === 'wrong_state') {
    const params = {
      status: enumLabel(locale, 'matterStatus', matter.status),
      action: actionName,
      expected: step.expected.map((s) => enumLabel(locale, 'matterStatus', s)).join(locale === 'zh-CN' ? '、' : ', '),
    };
    throw new AppError(409, 'matter_wrong_state', 'matter.wrong_state', params, [
      { path: 'status', messageKey: 'matter.wrong_state', params },
    ]);
  }
  const by = step.by.map((r) => translate(locale, `matter.role.${r}` as MessageKey)).join(locale === 'zh-CN' ? '或' : ' or ');
  throw new AppError(403, 'matter_not_your_step', 'matter.not_your_step', { action: actionName, by });
}

/**
 * Takes one step of a matter's loop at the version read (common/domain/matters.ts decides): 404 when the reader does
 * not see the matter, 409 `matter_wrong_state` naming its state when the step is out of order, 403
 * `matter_not_your_step` naming who may take it, 400 on `text` when the step needs one, 409 `version_conflict` on a
 * second click. The matter moves on, the step is added to the timeline with its author, unit and text, and audited.
 */
export async function takeMatterStep({
  ctx,
  tx,
  id,
  action,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  action: MatterAction;
  input: z.infer<typeof matterStepBody>;
}) {
  if (!(await findMatter(tx, ctx.actor, id))) throw notFound();
  await lockMatter(tx, id);
  const matter = await reloaded(tx, ctx, id);
  if (matter.version !== input.version) throw staleVersion();
  const to = checkStep(ctx, matter, action);
  const text = input.text?.trim() || null;
  if (TEXT_REQUIRED.has(action) && !text) throw invalidField('text', 'matter.text_required');
  // The files cited, each named by its place in the request when it is not one of the matter's; repeats dropped.
  const cited = input.attachmentIds ?? [];
  const files = await matterFilesAmong(tx, id, cited);
  const strangers = cited.flatMap((fileId, i) =>
    files.has(fileId) ? [] : [{ path: `attachmentIds.${i}`, messageKey: 'matter.attachment_unknown' as const }],
  );
  const attachmentIds = [...new Set(cited)];
  if (strangers.length > 0) throw invalid(strangers);
  await updateAtVersion(
    tx,
    matters,
    { key: matters.id, keyValue: id, version: input.version },
    { status: to, closedAt: to === 'closed' ? sql`now()` : null },
  );
  await insertEntry(tx, {
    matterId: id,
    kind: action,
    authorId: ctx.actor.userId,
    unitId: ctx.actor.unitId,
    text,
    status: to,
    attachmentIds,
  });
  // A project problem closed (销号) or back open changes whether it is overdue, an input of the project's colour:
  // recomputed here, in the step's transaction, rather than at night.
  if (matter.projectId && matter.source === 'project_problem' && (to === 'closed') !== (matter.status === 'closed'))
    await recomputeWarnings(tx, [matter.projectId], todayInChina());
  await recordAudit(tx, ctx, {
    action: `matters.${action}`,
    recordType: 'matter',
    recordId: id,
    regionCode: matter.regionCode,
    before: { status: matter.status },
    after: { status: to, text, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) },
  });
  return reloaded(tx, ctx, id);
}
