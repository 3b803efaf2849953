import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from './actor';

/** Escapes LIKE wildcards so a stored path is matched literally as a prefix. */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** True when the region code lies in the subtree of the actor's region (the actor's jurisdiction). */
export const regionInJurisdiction = (actor: Actor, regionCode: SQLWrapper): SQL =>
  sql`exists (select 1 from regions jr where jr.code = ${regionCode} and jr.path like ${likePrefix(actor.regionPath)})`;

/** True when the unit belongs to a region in the actor's jurisdiction. */
const unitInJurisdiction = (actor: Actor, unitId: SQLWrapper): SQL =>
  sql`exists (select 1 from units ju join regions jr on jr.code = ju.region_code
      where ju.id = ${unitId} and jr.path like ${likePrefix(actor.regionPath)})`;

export type ScopedColumns = {
  /** The unit that owns the record. */
  unitId: SQLWrapper;
  /** Who created or is assigned the record, for the `own` scope; without it, `own` means the actor's unit. */
  ownerId?: SQLWrapper;
};

/**
 * The one place that turns an actor's data scope into a WHERE condition. Every repository list and fetch adds
 * it, so a record out of scope is simply not found — the same answer as a record that does not exist.
 */
export function dataScopeCondition(actor: Actor, columns: ScopedColumns): SQL {
  const inJurisdiction = unitInJurisdiction(actor, columns.unitId);
  switch (actor.dataScope) {
    case 'region':
      return inJurisdiction;
    case 'unit_tree':
      return sql`(${inJurisdiction} and exists (select 1 from units su where su.id = ${columns.unitId} and su.path like ${likePrefix(actor.unitPath)}))`;
    case 'unit':
      return sql`${columns.unitId} = ${actor.unitId}`;
    case 'own':
      return columns.ownerId ? sql`${columns.ownerId} = ${actor.userId}` : sql`${columns.unitId} = ${actor.unitId}`;
    case 'custom':
      return sql`(${inJurisdiction} and ${columns.unitId} in (select unit_id from user_scope_units where user_id = ${actor.userId}))`;
  }
}
