import type { z } from 'zod';
import type { regionCreateBody, regionUpdateBody } from '../../../common/schemas/organisation';
import type { Tx } from '../../db/client';
import { regions } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { checkChildCode } from './codes';
import { pathInJurisdiction } from '../../lib/scope';
import { type RegionRow, findRegion, regionCodeExists } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof regionCreateBody>;
type UpdateInput = z.infer<typeof regionUpdateBody>;

const auditable = (r: RegionRow) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode });

/** Adds a region (usually a street) under a parent in the actor's jurisdiction; its level follows from the code. */
export async function createRegion({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: CreateInput }): Promise<RegionRow> {
  const parent = await findRegion(tx, ctx.actor, input.parentCode);
  if (!parent || !pathInJurisdiction(ctx.actor, parent.path)) throw invalidField('parentCode', 'region.parent_unknown');
  const check = checkChildCode(parent, input.code);
  if (!check.ok) {
    throw check.reason === 'parent_is_street'
      ? invalidField('parentCode', 'region.parent_is_street')
      : invalidField('code', 'region.code_not_under_parent');
  }
  if (await regionCodeExists(tx, input.code)) throw conflict('region.duplicate_code', 'code');
  await tx
    .insert(regions)
    .values({ code: input.code, name: input.name, level: check.level, parentCode: parent.code, path: `${parent.path}${input.code}/` });
  const created = await findRegion(tx, ctx.actor, input.code);
  if (!created) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'regions.create',
    recordType: 'region',
    recordId: created.code,
    regionCode: created.code,
    after: auditable(created),
  });
  return created;
}

/** Renames a region in the jurisdiction; ancestors are visible but read-only, and a stale version answers 409. */
export async function updateRegion({
  ctx,
  tx,
  code,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  code: string;
  input: UpdateInput;
}): Promise<RegionRow> {
  const current = await findRegion(tx, ctx.actor, code);
  if (!current) throw notFound();
  if (!pathInJurisdiction(ctx.actor, current.path)) throw forbidden();
  if (current.version !== input.version) throw staleVersion();
  await updateAtVersion(tx, regions, { key: regions.code, keyValue: code, version: input.version }, { name: input.name });
  const result = await findRegion(tx, ctx.actor, code);
  if (!result) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'regions.update',
    recordType: 'region',
    recordId: code,
    regionCode: code,
    ...changedFields(auditable(current), auditable(result)),
  });
  return result;
}
