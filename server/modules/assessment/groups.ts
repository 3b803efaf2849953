import type { RankingGroup } from '../../../common/domain/ranking-groups';
import { resolveRankingGroups } from '../../../common/domain/ranking-groups';
import type { Executor } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import type { District } from '../regions';
import { type ScoringRegion, ranksDistricts } from './region';
import { districtUnits } from './scoring';

/** A rule's groups as given (absent, null or none: one ranking of every unit), with their lists defaulted. */
export function groupsOrNull(groups: readonly Partial<RankingGroup>[] | null | undefined): RankingGroup[] | null {
  if (!groups?.length) return null;
  return groups.map((g) => ({
    name: (g.name ?? '').trim(),
    kinds: g.kinds ?? [],
    unitIds: g.unitIds ?? [],
    excludedUnitIds: g.excludedUnitIds ?? [],
  }));
}

/**
 * Checks a rule's groups against the district's units: a duplicate name, a unit not of the district, a unit both
 * named and excluded, a unit in two groups or a group with no member → 422 ranking_groups_invalid, each problem a
 * detail naming its field (groups.1.unitIds.0) in the reader's language. Nothing is saved by the caller then. A city's
 * or province's rule has no groups (its districts are ranked together): any group is refused on `groups`.
 */
export async function checkGroups(db: Executor, district: District & { level?: ScoringRegion['level'] }, groups: RankingGroup[] | null) {
  if (!groups) return;
  // A city's or province's rule ranks its districts in one list: it has no groups of units to choose.
  if (ranksDistricts(district))
    throw new AppError(422, 'ranking_groups_invalid', 'assessment.groups_invalid', { count: 1 }, [
      { path: 'groups', messageKey: 'assessment.group.above_district' },
    ]);
  const { problems } = resolveRankingGroups(groups, await districtUnits(db, district.path));
  if (!problems.length) return;
  throw new AppError(
    422,
    'ranking_groups_invalid',
    'assessment.groups_invalid',
    { count: problems.length },
    problems.map((p) => ({ path: p.path, messageKey: `assessment.group.${p.code}` as MessageKey, params: p.params })),
  );
}
