import type { Unit } from '../../../common/schemas/organisation';
import { type Actor, can } from '../../lib/actor';
import type { UnitRow } from './repository';

/** A unit as the API shows it, with what the actor may do to it. */
export const presentUnit = (actor: Actor, row: UnitRow): Unit => ({
  id: row.id,
  name: row.name,
  shortName: row.shortName,
  kind: row.kind,
  regionCode: row.regionCode,
  regionName: row.regionName,
  parentId: row.parentId,
  parentName: row.parentName,
  sortOrder: row.sortOrder,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  abilities: { update: can(actor, 'unit.update'), delete: can(actor, 'unit.delete') },
});
