import { compareDates, todayInChina } from '../../../common/domain/dates';
import type { VisitCreateBody, VisitUpdateBody } from '../../../common/schemas/visits';
import type { Tx } from '../../db/client';
import { visits } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, conflict, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { findEnterprise } from '../enterprises';
import { checkMatterCreate, createMatter } from '../matters';
import { type District, actorDistrict } from '../regions';
import {
  type VisitRecord,
  type VisitRow,
  deleteVisitRow,
  demandIdsOf,
  findVisit,
  insertVisit,
  insertVisitDemands,
  lockVisit,
  unitsHeMayRecordFor,
  usersOfDistrict,
} from './repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<VisitRow> {
  const row = await findVisit(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** The visitors and the day, as the rules check them on adding and on correcting a visit. */
async function checkVisitors(tx: Tx, district: District, draft: { visitDate?: string; visitorUserIds?: string[] }): Promise<Detail[]> {
  const details: Detail[] = [];
  // A visit is recorded once it has happened: not on a day still to come.
  if (draft.visitDate && compareDates(draft.visitDate, todayInChina()) > 0)
    details.push({ path: 'visitDate', messageKey: 'visit.date_future' });
  const ids = draft.visitorUserIds ?? [];
  const known = await usersOfDistrict(tx, district.path, ids);
  ids.forEach((id, i) => {
    if (!known.has(id)) details.push({ path: `visitorUserIds.${i}`, messageKey: 'visit.visitor_unknown' });
  });
  return details;
}

const auditView = (
  row: Pick<VisitRecord, 'enterpriseId' | 'unitId' | 'visitDate' | 'visitorUserIds' | 'visitorNames' | 'purpose' | 'notes'>,
) => ({
  enterpriseId: row.enterpriseId,
  unitId: row.unitId,
  visitDate: row.visitDate,
  visitorUserIds: row.visitorUserIds,
  visitorNames: row.visitorNames,
  purpose: row.purpose,
  notes: row.notes,
});

/** A demand's matter title: led by the enterprise's name, so the board says whose demand it is. */
const demandTitle = (enterpriseName: string, title: string) => `${enterpriseName}：${title}`.slice(0, 200);

/** A demand's faults, named at `demands.N.field`. */
const atDemand = (i: number, error: AppError): Detail[] =>
  error.details.map((detail) => ({ ...detail, path: `demands.${i}.${detail.path}` }));

/**
 * What `createVisit` checks, without writing (400 naming every field at fault, a demand's at `demands.N.field`; 422
 * when the recorder has no district): the enterprise of his district, the visiting unit in his data scope, the
 * visitors and the day, and each demand as the matters loop would raise it. Answers the district, enterprise and unit.
 */
export async function checkVisitCreate(tx: Tx, ctx: RequestContext, input: VisitCreateBody) {
  const { actor } = ctx;
  const district = await actorDistrict(tx, actor);
  if (!district) throw new AppError(422, 'no_district', 'visit.no_district');
  const details: Detail[] = [];
  const enterprise = await findEnterprise(tx, actor, input.enterpriseId);
  if (!enterprise || enterprise.regionCode !== district.code)
    details.push({ path: 'enterpriseId', messageKey: 'visit.enterprise_not_found' });
  const unitId = input.unitId ?? actor.unitId;
  if (!(await unitsHeMayRecordFor(tx, actor, district.path, [unitId])).has(unitId))
    details.push({ path: 'unitId', messageKey: 'visit.unit_outside_scope' });
  details.push(...(await checkVisitors(tx, district, input)));
  for (const [i, demand] of input.demands.entries()) {
    const title = demandTitle(enterprise?.name ?? '', demand.title);
    try {
      await checkMatterCreate(tx, ctx, { ...demand, title, source: 'enterprise_demand', projectId: null });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 400)) throw error;
      details.push(...atDemand(i, error));
    }
  }
  if (details.length > 0 || !enterprise) throw invalid(details);
  return { district, enterprise, unitId };
}

/**
 * Records a visit to an enterprise of the recorder's district by a unit in his data scope (his own unless told),
 * and raises each demand the enterprise made as a matter of source `enterprise_demand` (the matters loop: 交办 to its
 * lead unit, deadline, escalation), its title led by the enterprise's name so the board says whose demand it is. A
 * demand's fault is named at `demands.N.field`. Audited, with the matters raised.
 */
export async function createVisit({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: VisitCreateBody }) {
  const { actor } = ctx;
  const { district, enterprise, unitId } = await checkVisitCreate(tx, ctx, input);
  const row = await insertVisit(tx, {
    regionCode: district.code,
    enterpriseId: enterprise.id,
    unitId,
    visitDate: input.visitDate,
    visitorUserIds: input.visitorUserIds,
    visitorNames: input.visitorNames,
    purpose: input.purpose,
    notes: input.notes?.trim() || null,
    createdBy: actor.userId,
  });
  const matterIds: string[] = [];
  for (const [i, demand] of input.demands.entries()) {
    const title = demandTitle(enterprise.name, demand.title);
    try {
      const matter = await createMatter({ ctx, tx, input: { ...demand, title, source: 'enterprise_demand', projectId: null } });
      matterIds.push(matter.id);
    } catch (error) {
      if (error instanceof AppError && error.status === 400) throw invalid(atDemand(i, error));
      throw error;
    }
  }
  await insertVisitDemands(tx, row.id, matterIds);
  await recordAudit(tx, ctx, {
    action: 'visits.create',
    recordType: 'visit',
    recordId: row.id,
    regionCode: row.regionCode,
    after: { ...auditView(row), demandMatterIds: matterIds },
  });
  return reloaded(tx, ctx, row.id);
}

/** Corrects a visit's record (day, visitors, purpose, notes) at the version read; its demands live on as matters. */
export async function updateVisit({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: VisitUpdateBody }) {
  const seen = await findVisit(tx, ctx.actor, id);
  if (!seen) throw notFound();
  if (!seen.editable) throw new AppError(403, 'forbidden', 'visit.not_your_unit');
  await lockVisit(tx, id);
  const before = await reloaded(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'visit.no_district');
  const details = await checkVisitors(tx, district, input);
  if (details.length > 0) throw invalid(details);
  const { version, ...changes } = input;
  const notes = changes.notes === undefined ? undefined : changes.notes?.trim() || null;
  const row = await updateAtVersion(
    tx,
    visits,
    { key: visits.id, keyValue: id, version },
    { ...changes, ...(notes === undefined ? {} : { notes }) },
  );
  await recordAudit(tx, ctx, {
    action: 'visits.update',
    recordType: 'visit',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  return reloaded(tx, ctx, id);
}

/** Removes a visit recorded by mistake: only one that raised no demand (a demand's matter has a life of its own). */
export async function deleteVisit({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }) {
  const row = await findVisit(tx, ctx.actor, id);
  if (!row) throw notFound();
  if (!row.editable) throw new AppError(403, 'forbidden', 'visit.not_your_unit');
  if ((await demandIdsOf(tx, [id])).size > 0) throw conflict('visit.has_demands');
  await deleteVisitRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'visits.delete',
    recordType: 'visit',
    recordId: id,
    regionCode: row.regionCode,
    before: auditView(row),
  });
}
