import { eq, sql } from 'drizzle-orm';
import { normaliseProjectCode } from '../../../common/domain/project-code';
import type { Executor } from '../../db/client';
import { projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { type ProjectReferences, databaseReferences } from '../projects';
import { projectScopeCondition } from '../projects';

/**
 * The projects an import can mean, as it matches rows to them (by 项目代码, else by name): only those the importer
 * may see, so a row never learns that a project outside his scope exists ("not allowed" looks like "not found").
 * `codesInUse` holds every 项目代码 of the district, seen or not, for the uniqueness check alone (the same answer an
 * API create gives: the code is taken).
 */
export type ExistingProjects = { byCode: Map<string, string>; byName: Map<string, string[]>; codesInUse: Map<string, string> };

/** The district's projects in the importer's scope, and every 项目代码 in use in the district. */
export async function loadExistingProjects(db: Executor, actor: Actor, districtCode: string): Promise<ExistingProjects> {
  const rows = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, visible: sql<boolean>`(${projectScopeCondition(actor)})` })
    .from(projects)
    .where(eq(projects.regionCode, districtCode));
  const byCode = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const codesInUse = new Map<string, string>();
  for (const row of rows) {
    if (row.code) codesInUse.set(row.code, row.id);
    if (!row.visible) continue;
    if (row.code) byCode.set(row.code, row.id);
    byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
  }
  return { byCode, byName, codesInUse };
}

/** Which existing project a row means: the one with its 项目代码, else the one of its name in the district. */
export function matchProject(existing: ExistingProjects, code: unknown, name: unknown): { id: string } | { ambiguous: true } | null {
  const normalised = typeof code === 'string' && code ? normaliseProjectCode(code) : '';
  const byCode = normalised ? existing.byCode.get(normalised) : undefined;
  if (byCode) return { id: byCode };
  const named = typeof name === 'string' ? (existing.byName.get(name.trim()) ?? []) : [];
  if (named.length > 1) return { ambiguous: true };
  return named[0] ? { id: named[0] } : null;
}

// Each distinct question is asked of the database once per import: thousands of rows name the same few units,
// leaders, dictionary items and streets.
function memoized<Args extends unknown[], Result>(ask: (...args: Args) => Promise<Result>) {
  const answers = new Map<string, Promise<Result>>();
  return (...args: Args): Promise<Result> => {
    const key = JSON.stringify(args);
    let answer = answers.get(key);
    if (!answer) {
      answer = ask(...args);
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * The project rules' reference data for an import: the database's answers, each distinct question asked once, and
 * the district's 项目代码 preloaded, so checking 10,000 rows costs a handful of queries instead of 80,000.
 */
export function importReferences(db: Executor, actor: Actor, districtCode: string, existing: ExistingProjects): ProjectReferences {
  const base = databaseReferences(db, actor);
  return {
    visibleUnitRegion: memoized(base.visibleUnitRegion),
    districtOf: memoized(base.districtOf),
    visibleUnitIds: memoized(base.visibleUnitIds),
    eligibleLeaderIds: memoized(base.eligibleLeaderIds),
    enabledDictionaryEntries: memoized(base.enabledDictionaryEntries),
    isStreetOf: memoized(base.isStreetOf),
    regionExists: memoized(base.regionExists),
    codeTaken: async (regionCode, code, exceptId) => {
      if (regionCode !== districtCode) return base.codeTaken(regionCode, code, exceptId);
      const owner = existing.codesInUse.get(code);
      return owner !== undefined && owner !== exceptId;
    },
  };
}
