import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from './actor';

// Who sees which record, whatever the record: the one place. A repository never writes its own visibility rule; it
// describes its record's columns (the region it belongs to, the units and people it belongs to, related records that
// make it visible) and asks here. Out of scope is simply not found — the same answer as a record that does not exist.

/** Escapes LIKE wildcards so a stored path is matched literally as a prefix. */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The codes above the actor's own region (province, city), from the root down. */
export const regionsAbove = (actor: Actor): string[] => actor.regionPath.split('/').filter((code) => code && code !== actor.regionCode);

/** True when a region (by its path) lies in the actor's jurisdiction: his own region and everything below it. */
export const pathInJurisdiction = (actor: Actor, regionPath: string) => regionPath.startsWith(actor.regionPath);

/**
 * True when a district's records reach the actor: the people of the district and its streets, and those of the city
 * or province above it. Records that belong to a district (projects, import jobs, custom fields) follow this rule.
 */
export const districtInReach = (actor: Actor, districtPath: string) =>
  pathInJurisdiction(actor, districtPath) || actor.regionPath.startsWith(districtPath);

/** SQL: the region path column lies in the actor's jurisdiction (an index range scan on the path). */
export const regionPathInJurisdiction = (actor: Actor, regionPath: SQLWrapper): SQL =>
  sql`${regionPath} like ${likePrefix(actor.regionPath)}`;

// The actor's jurisdiction was resolved once, when he was loaded (auth/actor-repository.ts), into the codes of its
// regions. A condition on a record's region is then one array parameter, `= any($1)`: an index condition where the
// column has an index, and a hash probe per row where it is a filter (PostgreSQL hashes a constant array of nine or
// more values); no region is looked up per row, and the planner sees the values it estimates with.
const anyText = (column: SQLWrapper, values: readonly string[]): SQL => sql`${column} = any(${sql.param(values)}::text[])`;

// A jurisdiction too large to list (a province: 2,021 codes; sent with every statement, the list cost more to send,
// parse and plan with than it saved) is read through the region path index instead, once per statement. Its tests
// are written `(… in (…)) is true` so that the planner keeps them hashed subqueries instead of turning them into
// joins: as a join it estimates from the statistics how many units lie in the province (it guessed one of 33; all
// did) and read every project through the lead unit's index, 10 ms for a page the hashed test reads in 1 ms.
const hashedTest = (condition: SQL): SQL => sql`(${condition}) is true`;
const regionsUnderPath = (actor: Actor): SQL => sql`select jr.code from regions jr where jr.path like ${likePrefix(actor.regionPath)}`;

/** SQL: the region code column lies in the actor's jurisdiction (his region and every region below it). */
export const regionInJurisdiction = (actor: Actor, regionCode: SQLWrapper): SQL =>
  actor.jurisdictionRegionCodes
    ? anyText(regionCode, actor.jurisdictionRegionCodes)
    : hashedTest(sql`${regionCode} in (${regionsUnderPath(actor)})`);

/** SQL: the district a record belongs to reaches the actor (see `districtInReach`): his jurisdiction or above it. */
export const districtRecordInReach = (actor: Actor, regionCode: SQLWrapper): SQL => {
  const above = regionsAbove(actor);
  if (actor.jurisdictionRegionCodes) return anyText(regionCode, [...above, ...actor.jurisdictionRegionCodes]);
  const below = regionInJurisdiction(actor, regionCode);
  return above.length ? sql`(${anyText(regionCode, above)} or ${below})` : below;
};

// The units of a scope are read live, once per statement: an uncorrelated subquery over plain values (the
// jurisdiction's codes through the units' region index, the unit path's prefix through its index, the user's picked
// units). They are not resolved with the actor: a province's jurisdiction holds thousands of units, and a unit
// created by the request itself (a unit-tree administrator adding a sub-unit) must be in scope when it reads it back.
const unitsOfJurisdiction = (actor: Actor): SQL =>
  sql`select ju.id from units ju where ${regionInJurisdiction(actor, sql`ju.region_code`)}`;

/** SQL: the unit is one of the units the subquery selects (hashed when the jurisdiction is not listed, see above). */
const unitAmong = (actor: Actor, unitId: SQLWrapper, units: SQL): SQL => {
  const condition = sql`${unitId} in (${units})`;
  return actor.jurisdictionRegionCodes ? condition : hashedTest(condition);
};

/** True when the unit lies in the actor's data scope (region, unit tree, own unit, or the units picked for him). */
function unitInScope(actor: Actor, unitId: SQLWrapper): SQL | null {
  switch (actor.dataScope) {
    case 'region':
      return unitAmong(actor, unitId, unitsOfJurisdiction(actor));
    case 'unit_tree':
      return unitAmong(actor, unitId, sql`${unitsOfJurisdiction(actor)} and ju.path like ${likePrefix(actor.unitPath)}`);
    case 'unit':
      return sql`${unitId} = ${actor.unitId}`;
    case 'own':
      return null;
    case 'custom':
      return unitAmong(
        actor,
        unitId,
        sql`${unitsOfJurisdiction(actor)} and ju.id in (select unit_id from user_scope_units where user_id = ${actor.userId})`,
      );
  }
}

export type ScopedColumns = {
  /** The unit that owns the record. */
  unitId: SQLWrapper;
  /** Who created or is assigned the record, for the `own` scope; without it, `own` means the actor's unit. */
  ownerId?: SQLWrapper;
};

/** SQL: the record's unit lies in the actor's data scope (for `own`: the actor owns it, or it is his unit's). */
export function dataScopeCondition(actor: Actor, columns: ScopedColumns): SQL {
  return visibleWhen(actor, { units: [columns.unitId], owner: columns.ownerId });
}

/** What makes a record visible, described by its columns. */
export type VisibilityRule = {
  /** The district the record belongs to: when given, the record must be in reach (`districtRecordInReach`). */
  district?: SQLWrapper;
  /**
   * The region the record happened in, when it may have none (an audit event): with the region scope the record is
   * visible when that region lies in the jurisdiction, and by its units and owner only when it has no region.
   */
  eventRegion?: SQLWrapper;
  /** Units the record belongs to (lead unit, raising unit, …): visible when any of them lies in the actor's scope. */
  units: SQLWrapper[];
  /**
   * Sets of unit ids (subqueries such as a matter's co-units): visible when any unit of the set lies in the scope.
   * Each is `select unit_id from … where … = record.id`.
   */
  unitSets?: SQL[];
  /** Who created or is assigned the record: with the `own` scope the record is visible to him (else to his unit). */
  owner?: SQLWrapper;
  /** Further reasons the record is visible whatever the scope (a leader in charge of it, its project being visible). */
  also?: SQL[];
};

/**
 * The one visibility condition: in reach of the actor's region (when the record has one), and then any of its
 * units in his data scope, or his own record under the `own` scope, or any of the further reasons.
 */
export function visibleWhen(actor: Actor, rule: VisibilityRule): SQL {
  const reasons: SQL[] = [];
  for (const unit of rule.units) {
    const inScope = unitInScope(actor, unit);
    if (inScope) reasons.push(inScope);
  }
  for (const set of rule.unitSets ?? []) {
    const inScope = unitInScope(actor, sql`su_set.unit_id`);
    if (inScope) reasons.push(sql`exists (select 1 from (${set}) su_set where ${inScope})`);
  }
  if (actor.dataScope === 'own') {
    if (rule.owner) reasons.push(sql`${rule.owner} = ${actor.userId}`);
    else for (const unit of rule.units) reasons.push(sql`${unit} = ${actor.unitId}`);
  }
  reasons.push(...(rule.also ?? []));
  const anyReason = reasons.length === 0 ? sql`false` : reasons.length === 1 ? reasons[0] : sql`(${sql.join(reasons, sql` or `)})`;
  if (rule.eventRegion && actor.dataScope === 'region') {
    return sql`(${regionInJurisdiction(actor, rule.eventRegion)} or (${rule.eventRegion} is null and ${anyReason}))`;
  }
  return rule.district ? sql`(${districtRecordInReach(actor, rule.district)} and ${anyReason})` : (anyReason as SQL);
}
