// The regions module's face: what other modules may use.
export { type District, actorDistrict, actorHomeRegion, districtForNewRecord, districtOf } from './districts';
export { findRegion, type RegionRow } from './repository';
export { regionCodeParam } from './schema';
