/**
 * Who is assessed and in which ranking (考核分组): a scoring rule may name groups — e.g. 街道 and 区直部门 — each with
 * members chosen by unit kind and/or explicit units, minus explicit exclusions. A unit of the district in no group is
 * not assessed (the office that runs the assessment, the leadership). A rule without groups ranks every unit of the
 * district in one list. Pure: the server checks and applies groups with it, the editor shows their members with it.
 */
import type { UnitKind } from '../enums';
import { type Ranked, rankByScore } from './ranking';

export type RankingGroup = {
  name: string;
  /** Every unit of these kinds is a member… */
  kinds: UnitKind[];
  /** …and these units whatever their kind… */
  unitIds: string[];
  /** …except these. */
  excludedUnitIds: string[];
};

export type GroupableUnit = { id: string; name: string; kind: string };

/** Why a group cannot be saved; `path` names the field (groups.1.unitIds.0), params the names in question. */
export type RankingGroupProblem = {
  path: string;
  code: 'duplicate_name' | 'unknown_unit' | 'included_and_excluded' | 'in_two_groups' | 'empty';
  params: Record<string, string>;
};

export type ResolvedGroups = {
  /** Each group's members (unit ids, in the order of `units`), in the groups' order; a unit counted once (first group wins). */
  members: string[][];
  /** The group index of each assessed unit. */
  groupOf: Map<string, number>;
  /** The units of the district that are in no group: not assessed. */
  notAssessed: string[];
  problems: RankingGroupProblem[];
};

/**
 * Resolves the groups over the district's units. The problems are what saving refuses (a duplicate name, a unit not
 * of the district, a unit both named and excluded, a unit in two groups, a group with no member); when units change
 * after the rule was saved, scoring still resolves deterministically: unknown ids are ignored and a unit claimed by
 * two groups stays in the first.
 */
export function resolveRankingGroups(groups: readonly RankingGroup[], units: readonly GroupableUnit[]): ResolvedGroups {
  const byId = new Map(units.map((u) => [u.id, u]));
  const problems: RankingGroupProblem[] = [];
  const groupOf = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const nameOf = (id: string) => byId.get(id)?.name ?? id;

  groups.forEach((group, g) => {
    const name = group.name.trim();
    if (seenNames.has(name)) problems.push({ path: `groups.${g}.name`, code: 'duplicate_name', params: { group: name } });
    else seenNames.set(name, g);
    for (const field of ['unitIds', 'excludedUnitIds'] as const)
      group[field].forEach((id, i) => {
        if (!byId.has(id)) problems.push({ path: `groups.${g}.${field}.${i}`, code: 'unknown_unit', params: { group: name, unit: id } });
      });
    const excluded = new Set(group.excludedUnitIds);
    group.unitIds.forEach((id, i) => {
      if (excluded.has(id) && byId.has(id))
        problems.push({ path: `groups.${g}.unitIds.${i}`, code: 'included_and_excluded', params: { group: name, unit: nameOf(id) } });
    });
    const kinds = new Set<string>(group.kinds);
    const named = new Set(group.unitIds);
    let count = 0;
    for (const unit of units) {
      if (excluded.has(unit.id) || !(kinds.has(unit.kind) || named.has(unit.id))) continue;
      count += 1;
      const earlier = groupOf.get(unit.id);
      if (earlier === undefined) {
        groupOf.set(unit.id, g);
        continue;
      }
      const index = group.unitIds.indexOf(unit.id);
      problems.push({
        path: index >= 0 ? `groups.${g}.unitIds.${index}` : `groups.${g}.kinds`,
        code: 'in_two_groups',
        params: { group: name, unit: unit.name, other: groups[earlier]?.name.trim() ?? '' },
      });
    }
    if (count === 0) problems.push({ path: `groups.${g}`, code: 'empty', params: { group: name } });
  });

  const members = groups.map(() => [] as string[]);
  const notAssessed: string[] = [];
  for (const unit of units) {
    const g = groupOf.get(unit.id);
    if (g === undefined) notAssessed.push(unit.id);
    else members[g]?.push(unit.id);
  }
  return { members, groupOf, notAssessed, problems };
}

/**
 * Ranks lines within their groups (rankByScore per group) and concatenates the groups in their order: each line's
 * rank is its rank within its group; `position` runs over the whole list. Lines with no group (group null) form the
 * one ranking of a rule without groups.
 */
export function rankByGroup<T extends { id: string; name: string; score: number | null; group: number | null }>(
  lines: readonly T[],
): Ranked<T>[] {
  const order = [...new Set(lines.map((line) => line.group))].sort((a, b) => (a ?? -1) - (b ?? -1));
  const ranked: Ranked<T>[] = [];
  for (const group of order) {
    for (const line of rankByScore(lines.filter((l) => l.group === group))) ranked.push({ ...line, position: ranked.length + 1 });
  }
  return ranked;
}
