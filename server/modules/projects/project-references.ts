import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type District, districtOf } from '../regions';
import { findUnit } from '../units';
import {
  type DictionaryEntry,
  codeTaken,
  eligibleLeaderIds,
  enabledDictionaryEntries,
  isStreetOf,
  regionExists,
  visibleUnitIds,
} from './reference-repository';

/**
 * The reference data the project rules consult. One request reads it from the database as it goes; an import of
 * thousands of rows gives the same rules a preloaded set (server/modules/imports/import-references.ts), so both
 * are checked by the one set of rules.
 */
export type ProjectReferences = {
  /** The region of a unit the actor may see; null when it does not exist or is out of scope. */
  visibleUnitRegion(unitId: string): Promise<string | null>;
  districtOf(regionCode: string): Promise<District | null>;
  visibleUnitIds(ids: string[]): Promise<Set<string>>;
  eligibleLeaderIds(district: District, ids: string[]): Promise<Set<string>>;
  enabledDictionaryEntries(wanted: { type: string; code: string }[]): Promise<DictionaryEntry[]>;
  isStreetOf(streetCode: string, districtCode: string): Promise<boolean>;
  regionExists(code: string): Promise<boolean>;
  codeTaken(regionCode: string, code: string, exceptId: string | null): Promise<boolean>;
};

/** The reference data read from the database, in the actor's scope. */
export const databaseReferences = (db: Executor, actor: Actor): ProjectReferences => ({
  visibleUnitRegion: async (unitId) => (await findUnit(db, actor, unitId))?.regionCode ?? null,
  districtOf: (regionCode) => districtOf(db, regionCode),
  visibleUnitIds: (ids) => visibleUnitIds(db, actor, ids),
  eligibleLeaderIds: (district, ids) => eligibleLeaderIds(db, district, ids),
  enabledDictionaryEntries: (wanted) => enabledDictionaryEntries(db, wanted),
  isStreetOf: (streetCode, districtCode) => isStreetOf(db, streetCode, districtCode),
  regionExists: (code) => regionExists(db, code),
  codeTaken: (regionCode, code, exceptId) => codeTaken(db, regionCode, code, exceptId),
});
