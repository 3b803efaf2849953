// The imports module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { projectSheetColumns, projectValueOf } from './columns/custom-fields';
export { loadLookups } from './columns/lookups';
export { enterpriseColumns } from './columns/enterprises';
export { leadColumns } from './columns/leads';
export { parcelColumns, parcelExportColumns } from './columns/parcels';
export { visitColumns } from './columns/visits';
export { landFigureColumns, landTableExportColumns } from './columns/land-figures';
