// The assessment module's face (考核, issue 15 "Scoring"): the formula variables of a unit's month, the district's
// scoring rules, and the monthly snapshots of scores and rankings (for the monthly job and the 通报).
export { unitMonthInputs, type UnitMonthInputs, VARIABLES_WITHOUT_SOURCE } from './variables';
export { computeMonthScores, districtsOwingSnapshot, readMonthScores } from './snapshots';
// The 通报 of a city (or province) ranks its districts (its cities): the region it is made for is the ranking's.
export { actorScoringRegion, linesOf, type ScoringRegion } from './region';
