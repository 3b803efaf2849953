// The custom-fields module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { shareDistrictFields } from './district';
export { checkProjectCustomValues, customValueProblemDetail } from './project-values';
export { customValuesCondition, districtCustomFields } from './repository';
