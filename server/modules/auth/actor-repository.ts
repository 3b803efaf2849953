import { and, eq, gt, isNull, not, sql } from 'drizzle-orm';
import { isPermission, type Permission } from '../../../common/permissions';
import type { Executor } from '../../db/client';
import { preparedPerDatabase, statementName } from '../../db/prepared';
import { apiTokens, projectLeaders, regions, roles, sessions, settings, units, userScopeUnits, users } from '../../db/schema';
import { type Actor, LED_PROJECTS_COUNTED } from '../../lib/actor';
import { sessionExpired } from './session-expiry';

/**
 * How many regions a jurisdiction may hold to be carried as a list: a district with its streets (16 in the demo) and
 * most cities fit; a province (2,021 codes) does not — its list, sent with every statement, cost more to send and
 * parse than reading it through the path index once per statement (bench/load.ts, docs/operations.md).
 */
export const JURISDICTION_LISTED_UP_TO = 256;

/**
 * The codes of the regions in the jurisdiction of the joined region (`regions`): those whose path starts with its
 * path, one more than the list may hold at most (so that a longer one is known). A LIKE whose pattern is not a
 * constant cannot use the path index, so the prefix is written as the range it stands for, [path, path with its last
 * character's successor), which `regions_path_idx` (text_pattern_ops) reads.
 */
const jurisdictionCodes = sql<string[]>`array(select jr.code from regions jr
  where jr.path ~>=~ ${regions.path} and jr.path ~<~ (left(${regions.path}, -1) || chr(ascii(right(${regions.path}, 1)) + 1))
  limit ${JURISDICTION_LISTED_UP_TO + 1})`;

// Every request's: built once per database (db/prepared.ts).
const actorStatement = preparedPerDatabase((db) =>
  db
    .select({
      user: users,
      unitPath: units.path,
      regionCode: units.regionCode,
      regionPath: regions.path,
      jurisdiction: jurisdictionCodes,
      // The user's id as a value, not the joined column: the planner then sees from the statistics that most users lead
      // no project and reads the index, instead of scanning the leaders for a match it expects early.
      leadsProjects: sql<boolean>`exists (select 1 from ${projectLeaders} where ${projectLeaders.userId} = ${sql.placeholder('userId')})`,
      ledProjects: sql<number>`(select count(*)::integer from (select 1 from ${projectLeaders} where ${projectLeaders.userId} = ${sql.placeholder('userId')} limit ${sql.raw(String(LED_PROJECTS_COUNTED))}) led)`,
      rolePermissions: roles.permissions,
      roleRequiresTotp: roles.requireTotp,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .where(and(eq(users.id, sql.placeholder('userId')), eq(users.status, 'active')))
    .prepare(statementName('load_actor')),
);

/**
 * Loads everything a request needs to know about the acting user, in one query (with his jurisdiction and whether he
 * leads projects resolved for the scope's SQL, see lib/scope.ts) plus the custom scope list.
 */
export async function loadActor(db: Executor, userId: string, via: Actor['via'], tokenScopes?: string[]): Promise<Actor | null> {
  const [row] = await actorStatement(db).execute({ userId });
  if (!row) return null;
  const held = row.rolePermissions.filter(isPermission);
  const permissions: Permission[] = tokenScopes ? held.filter((p) => tokenScopes.includes(p)) : held;
  const scopeUnitIds =
    row.user.dataScope === 'custom'
      ? (await db.select({ id: userScopeUnits.unitId }).from(userScopeUnits).where(eq(userScopeUnits.userId, userId))).map((r) => r.id)
      : [];
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    unitId: row.user.unitId,
    unitPath: row.unitPath,
    regionCode: row.regionCode,
    regionPath: row.regionPath,
    jurisdictionRegionCodes: row.jurisdiction.length > JURISDICTION_LISTED_UP_TO ? null : row.jurisdiction,
    roleCode: row.user.roleCode as Actor['roleCode'],
    dataScope: row.user.dataScope,
    scopeUnitIds,
    leadsProjects: row.leadsProjects,
    ledProjects: Number(row.ledProjects),
    permissions: new Set(permissions),
    locale: row.user.locale,
    mustChangePassword: via === 'session' && row.user.mustChangePassword,
    mustEnrolTotp: via === 'session' && row.roleRequiresTotp && !row.user.totpEnabledAt,
    via,
  };
}

export type LiveSession = { userId: string; csrfToken: string; lastSeenAt: Date };

// Every request's: built once per database (db/prepared.ts).
const liveSessionStatement = preparedPerDatabase((db) =>
  db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(settings, eq(settings.id, 1))
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), not(sessionExpired)))
    .prepare(statementName('find_live_session')),
);

/** A session that has passed neither its idle nor its absolute timeout (both read from the settings row). */
export async function findLiveSession(db: Executor, idHash: string): Promise<LiveSession | null> {
  const [row] = await liveSessionStatement(db).execute({ idHash });
  return row ?? null;
}

export async function touchSession(db: Executor, idHash: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** A token that is neither revoked nor expired; its user's status is checked when the actor is loaded. */
export async function findLiveToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, scopes: apiTokens.scopes, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)));
  return row ?? null;
}

export async function touchToken(db: Executor, id: string) {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}
