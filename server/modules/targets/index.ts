// The targets module's face: what other modules may use (the 通报 and the scoring will read indicators through it).
export { computeIndicator, type ComputationInput } from './computations';
export { actualsOfIndicators } from './indicator-values';
export { type IndicatorRow, commitmentScopeCondition, indicatorScopeCondition, listIndicators } from './repository';
export { decimalOut, enteredActual } from './presenter';
