import { checkBoundary } from '../../../common/domain/boundary';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { pathInJurisdiction } from '../../lib/scope';
import { findRegion } from '../regions';
import { type BoundaryRow, findBoundary, saveBoundary } from './repository';

/**
 * Replaces the boundary of a region in the actor's jurisdiction with an uploaded GeoJSON, after checking all of it
 * (common/domain/boundary.ts): any problem answers 400 naming the feature, polygon and ring, and nothing is kept.
 */
export async function uploadBoundary({
  ctx,
  tx,
  regionCode,
  body,
}: {
  ctx: RequestContext;
  tx: Tx;
  regionCode: string;
  body: Record<string, unknown>;
}): Promise<BoundaryRow> {
  const region = await findRegion(tx, ctx.actor, regionCode);
  if (!region) throw notFound();
  if (!pathInJurisdiction(ctx.actor, region.path)) throw forbidden();
  const check = checkBoundary(body);
  if (!check.ok) {
    const details = check.problems.map((p) => ({ path: `body.${p.path}`, messageKey: p.key, params: p.params }));
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
  }
  const before = await findBoundary(tx, regionCode);
  const source = typeof body.source === 'string' && body.source.trim() ? body.source.trim().slice(0, 200) : 'upload';
  await saveBoundary(tx, {
    regionCode,
    geojson: check.collection,
    vertexCount: check.vertexCount,
    bbox: check.bbox,
    source,
    updatedBy: ctx.actor.userId,
  });
  const saved = await findBoundary(tx, regionCode);
  if (!saved) throw notFound();
  const summary = (row: BoundaryRow) => ({
    features: row.geojson.features.length,
    vertexCount: row.vertexCount,
    bbox: row.bbox,
    source: row.source,
  });
  await recordAudit(tx, ctx, {
    action: 'regions.boundary_upload',
    recordType: 'region_boundary',
    recordId: regionCode,
    regionCode,
    before: before ? summary(before) : undefined,
    after: summary(saved),
  });
  return saved;
}
