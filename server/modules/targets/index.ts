// The targets module's face: what other modules may use (the 通报 and the scoring will read indicators through it).
export { computeIndicator, type ComputationInput } from './computations';
export { actualsOfIndicators } from './indicator-values';
export { type IndicatorRow, commitmentScopeCondition, indicatorScopeCondition, listIndicators } from './repository';
export { decimalOut, enteredActual } from './presenter';
// The city's 通报 lays its districts' indicators side by side as GET /targets/indicators/by-district does.
export { compareIndicators } from './comparison';
export { presentIndicator } from './presenter';
