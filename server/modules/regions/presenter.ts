import type { Region } from '../../../common/schemas/organisation';
import { type Actor, can } from '../../lib/actor';
import { pathInJurisdiction } from '../../lib/scope';
import type { RegionRow } from './repository';

/** A region as the API shows it; ancestors of the jurisdiction are shown read-only. */
export const presentRegion = (actor: Actor, row: RegionRow): Region => {
  const manageable = can(actor, 'region.manage') && pathInJurisdiction(actor, row.path);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    hasChildren: row.hasChildren,
    version: row.version,
    // Streets are the lowest GB/T 2260 level: nothing can be added below them.
    abilities: { update: manageable, createChild: manageable && row.level !== 'street' },
  };
};
