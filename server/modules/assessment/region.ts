import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { type District, actorDistrict } from '../regions';

/**
 * The region whose rule and rankings a reader works with: his district (its units are ranked), or — for a city or
 * province user — his own city or province, whose rule ranks the districts under it (issue 15 "Regions above
 * districts"). Rules and snapshots are stored under the region's code either way.
 */
export type ScoringRegion = District & { level: 'district' | 'city' | 'province' };

/** Whether a region's rule ranks districts (a city's or province's) rather than units (a district's). */
export const ranksDistricts = (region: { level?: ScoringRegion['level'] }) => region.level === 'city' || region.level === 'province';

/** The reader's scoring region: his district (a street user's district), else his city or province; null otherwise. */
export async function actorScoringRegion(db: Executor, actor: Actor): Promise<ScoringRegion | null> {
  const district = await actorDistrict(db, actor);
  if (district) return { ...district, level: 'district' };
  const [own] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .where(eq(regions.code, actor.regionCode));
  if (!own || (own.level !== 'city' && own.level !== 'province')) return null;
  return { code: own.code, name: own.name, path: own.path, level: own.level };
}

/** The reader's scoring region, or 422 no_district (a reader of no district, city or province). */
export async function scoringRegionOrRefuse(db: Executor, actor: Actor): Promise<ScoringRegion> {
  const region = await actorScoringRegion(db, actor);
  if (!region) throw new AppError(422, 'no_district', 'assessment.no_district');
  return region;
}
