// The regions module's face: what other modules may use.
export { type District, actorDistrict, actorHomeRegion, districtOf } from './districts';
