// The carriers module's face: what other modules may use. Nothing else of the module is imported from outside it.
// A lead's land and space needs are matched by `matchCarriers` (the same as `GET /api/v1/carriers/match`): the leads
// module passes { landMu, floorAreaM2, use, industry, investmentWan, maxRentYuan, limit } from the lead.
export { matchCarriers } from './match';
export { parcelScopeCondition, parkScopeCondition, parcelSheetReferences } from './repository';
// The one map (server/modules/map) draws the parks and parcels of a region as layers: only the columns it needs.
export { parcelShapes, parkShapes } from './map-layers';
// The parcels sheet (imports module): a row is checked as the page's parcel is, and written by the same services.
export { checkParcelCreate, checkParcelUpdate, createParcel, updateParcel } from './service';
// The indicators (targets module): the 亩 a district supplied in a year.
export { landSuppliedMu } from './land-supplied';
