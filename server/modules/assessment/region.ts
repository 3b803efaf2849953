import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { type LevelRegion, actorLevelRegion } from '../regions';

/**
 * The region whose rule and rankings a reader works with: his district (its units are ranked), or — for a city or
 * province user — his own city or province, whose rule ranks the districts under it (a city's) or its cities (a
 * province's; issue 15 "Regions above districts"). Rules and snapshots are stored under the region's code either way.
 */
export type ScoringRegion = LevelRegion;

/** Whether a region's rule ranks regions (a city's districts, a province's cities) rather than units (a district's). */
export const ranksDistricts = (region: { level?: ScoringRegion['level'] }) => region.level === 'city' || region.level === 'province';

/** Whose lines a region's rankings hold: its units (a district), its districts (a city) or its cities (a province). */
export type RankedLines = 'units' | 'districts' | 'cities';
export const linesOf = (region: { level: ScoringRegion['level'] }): RankedLines =>
  region.level === 'province' ? 'cities' : region.level === 'city' ? 'districts' : 'units';

/** The reader's scoring region: his district (a street user's district), else his city or province; null otherwise. */
export const actorScoringRegion = (db: Executor, actor: Actor): Promise<ScoringRegion | null> => actorLevelRegion(db, actor);

/** The reader's scoring region, or 422 no_district (a reader of no district, city or province). */
export async function scoringRegionOrRefuse(db: Executor, actor: Actor): Promise<ScoringRegion> {
  const region = await actorScoringRegion(db, actor);
  if (!region) throw new AppError(422, 'no_district', 'assessment.no_district');
  return region;
}
