// The visits module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { visitScopeCondition } from './repository';
// The matter page names the visit a demand was raised in (linked only for a reader who sees the visit).
export { visitOfDemand } from './repository';
// The visits sheet (imports module): a row is checked as the page's visit is, and written by the same service; a row
// naming a visit already recorded (recordedVisitKeys / visitKey) is left out.
export { checkVisitCreate, createVisit } from './service';
export { recordedVisitKeys, visitKey } from './repository';
