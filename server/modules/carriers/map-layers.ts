import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { ParcelStatus } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { landParcels, parks, regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likePrefix } from '../../lib/scope';
import { parcelScopeCondition, parkScopeCondition } from './repository';

// The carriers as layers of the one map (server/modules/map): only the columns a map draws, bounded by a region (its
// path takes in a city's districts) and by the actor's reach, at most `limit` rows a layer (one more is read to tell
// that the layer was cut).

/** The codes of a region and every region below it (a subquery through the path index). */
const regionsUnder = (db: Executor, regionPath: string) =>
  db
    .select({ code: regions.code })
    .from(regions)
    .where(like(regions.path, likePrefix(regionPath)));

/** The parks in reach within a region: id, name, area (亩) and stored outline, by name. */
export function parkShapes(db: Executor, actor: Actor, regionPath: string, limit: number) {
  return db
    .select({ id: parks.id, name: parks.name, areaMu: parks.areaMu, outline: parks.outline })
    .from(parks)
    .where(and(inArray(parks.regionCode, regionsUnder(db, regionPath)), parkScopeCondition(actor)))
    .orderBy(asc(parks.name), asc(parks.id))
    .limit(limit + 1);
}

/** The parcels in reach within a region (of these statuses when given): number, name, status, 亩, park, outline. */
export function parcelShapes(db: Executor, actor: Actor, regionPath: string, statuses: readonly ParcelStatus[] | undefined, limit: number) {
  return db
    .select({
      id: landParcels.id,
      code: landParcels.code,
      name: landParcels.name,
      status: landParcels.status,
      areaMu: landParcels.areaMu,
      parkName: parks.name,
      outline: landParcels.outline,
    })
    .from(landParcels)
    .leftJoin(parks, eq(parks.id, landParcels.parkId))
    .where(
      and(
        inArray(landParcels.regionCode, regionsUnder(db, regionPath)),
        parcelScopeCondition(actor),
        statuses?.length ? inArray(landParcels.status, [...statuses]) : undefined,
      ),
    )
    .orderBy(asc(landParcels.code), asc(landParcels.id))
    .limit(limit + 1);
}
