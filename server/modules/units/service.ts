import { and, eq, exists, or, sql } from 'drizzle-orm';
import { FOREIGN_KEY_VIOLATION, hasSqlState } from '../../db/errors';
import type { z } from 'zod';
import type { unitCreateBody, unitUpdateBody } from '../../../common/schemas/organisation';
import type { Executor, Tx } from '../../db/client';
import { progressReports, projectCoUnits, projects, regions, units, users } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { likePrefix, regionPathInJurisdiction } from '../../lib/scope';
import { type UnitRow, countChildren, findUnit } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof unitCreateBody>;
type UpdateInput = z.infer<typeof unitUpdateBody>;

const auditable = (u: UnitRow | typeof units.$inferSelect) => ({
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  regionCode: u.regionCode,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
});

/** The region must exist inside the actor's jurisdiction; answers its tree path. */
async function jurisdictionRegionPath(tx: Executor, ctx: RequestContext, code: string): Promise<string> {
  const [region] = await tx
    .select({ path: regions.path })
    .from(regions)
    .where(and(eq(regions.code, code), regionPathInJurisdiction(ctx.actor, regions.path)));
  if (!region) throw invalidField('regionCode', 'unit.region_outside_scope');
  return region.path;
}

/** Checks where a unit may sit: a parent in scope, and a region inside the parent's region. Answers the parent's path. */
async function placeUnit(tx: Executor, ctx: RequestContext, regionCode: string, parentId: string | null): Promise<string> {
  const regionPath = await jurisdictionRegionPath(tx, ctx, regionCode);
  if (!parentId) {
    // Top-level units can be created only by someone whose scope is the whole jurisdiction.
    if (ctx.actor.dataScope !== 'region') throw invalidField('parentId', 'unit.parent_outside_scope');
    return '';
  }
  const parentUnit = await findUnit(tx, ctx.actor, parentId);
  if (!parentUnit) throw invalidField('parentId', 'unit.parent_outside_scope');
  const [parentRegion] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.code, parentUnit.regionCode));
  if (!parentRegion || !regionPath.startsWith(parentRegion.path)) throw invalidField('regionCode', 'unit.region_outside_parent');
  return parentUnit.path;
}

async function assertNameFree(tx: Executor, regionCode: string, parentId: string | null, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.regionCode, regionCode),
        parentId ? eq(units.parentId, parentId) : sql`${units.parentId} is null`,
        eq(units.name, name),
        exceptId ? sql`${units.id} <> ${exceptId}` : undefined,
      ),
    );
  if (clash) throw conflict('unit.duplicate_name', 'name');
}

/** Creates a unit under a parent the actor may see, audited in the same transaction. */
export async function createUnit({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: CreateInput }): Promise<UnitRow> {
  const parentId = input.parentId ?? null;
  const parentPath = await placeUnit(tx, ctx, input.regionCode, parentId);
  await assertNameFree(tx, input.regionCode, parentId, input.name);
  const id = crypto.randomUUID();
  await tx.insert(units).values({
    id,
    name: input.name,
    shortName: input.shortName ?? null,
    kind: input.kind,
    regionCode: input.regionCode,
    parentId,
    path: `${parentPath}${id}/`,
    sortOrder: input.sortOrder ?? 0,
    createdBy: ctx.actor.userId,
  });
  const created = await findUnit(tx, ctx.actor, id);
  if (!created) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'units.create',
    recordType: 'unit',
    recordId: id,
    regionCode: input.regionCode,
    after: auditable(created),
  });
  return created;
}

/** Updates a unit; moving it re-roots its whole subtree. A stale version answers 409. */
export async function updateUnit({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: UpdateInput;
}): Promise<UnitRow> {
  const current = await findUnit(tx, ctx.actor, id);
  if (!current) throw notFound();
  if (current.version !== input.version) throw staleVersion();
  const next = {
    name: input.name ?? current.name,
    shortName: input.shortName === undefined ? current.shortName : input.shortName,
    kind: input.kind ?? current.kind,
    regionCode: input.regionCode ?? current.regionCode,
    parentId: input.parentId === undefined ? current.parentId : input.parentId,
    sortOrder: input.sortOrder ?? current.sortOrder,
  };
  let path = current.path;
  if (next.parentId !== current.parentId || next.regionCode !== current.regionCode) {
    if (next.parentId && (await isInSubtree(tx, next.parentId, current.path))) throw invalidField('parentId', 'unit.cycle');
    path = `${await placeUnit(tx, ctx, next.regionCode, next.parentId)}${id}/`;
  }
  if (next.name !== current.name || next.parentId !== current.parentId)
    await assertNameFree(tx, next.regionCode, next.parentId, next.name, id);
  await updateAtVersion(tx, units, { key: units.id, keyValue: id, version: input.version }, { ...next, path });
  if (path !== current.path) {
    await tx
      .update(units)
      .set({ path: sql`${path} || substr(${units.path}, ${current.path.length + 1})` })
      .where(sql`${units.path} like ${likePrefix(current.path)} and ${units.id} <> ${id}`);
  }
  const result = await findUnit(tx, ctx.actor, id);
  if (!result) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'units.update',
    recordType: 'unit',
    recordId: id,
    regionCode: result.regionCode,
    ...changedFields(auditable(current), auditable(result)),
  });
  return result;
}

async function isInSubtree(tx: Executor, unitId: string, subtreePath: string) {
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), sql`${units.path} like ${likePrefix(subtreePath)}`));
  return !!row;
}

/**
 * Deletes an empty unit (no sub-units, users, projects or progress reports, and no other record naming it); anything
 * else answers 409 saying why.
 */
export async function deleteUnit({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }) {
  const current = await findUnit(tx, ctx.actor, id);
  if (!current) throw notFound();
  if ((await countChildren(tx, id)) > 0) throw conflict('unit.has_children');
  const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.unitId, id)).limit(1);
  if (member) throw conflict('unit.has_users');
  const [project] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(
      or(
        eq(projects.leadUnitId, id),
        exists(
          tx
            .select()
            .from(projectCoUnits)
            .where(and(eq(projectCoUnits.projectId, projects.id), eq(projectCoUnits.unitId, id))),
        ),
      ),
    )
    .limit(1);
  if (project) throw conflict('unit.has_projects');
  // Progress reports keep the unit that owed them (the ledger's history), even after the project moved to another unit.
  const [report] = await tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(eq(progressReports.responsibleUnitId, id))
    .limit(1);
  if (report) throw conflict('unit.has_reports');
  // Matters, leads, visits, targets and the rest name units too: a unit one of them still names stays (its key stops
  // the delete, answered as 409; the request's transaction then changes nothing).
  try {
    await tx.delete(units).where(eq(units.id, id));
  } catch (error) {
    if (hasSqlState(error, FOREIGN_KEY_VIOLATION)) throw conflict('unit.in_use');
    throw error;
  }
  await recordAudit(tx, ctx, {
    action: 'units.delete',
    recordType: 'unit',
    recordId: id,
    regionCode: current.regionCode,
    before: auditable(current),
  });
}
