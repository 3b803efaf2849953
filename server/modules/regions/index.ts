// The regions module's face: what other modules may use.
export {
  type District,
  type LevelRegion,
  actorLevelRegion,
  type RegionWithUnit,
  actorDistrict,
  actorHomeRegion,
  districtForNewRecord,
  districtOf,
  regionsBelow,
} from './districts';
export { findRegion, type RegionRow } from './repository';
export { regionCodeParam } from './schema';
export { inRegionTree } from './tree';
