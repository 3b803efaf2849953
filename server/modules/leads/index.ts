// The leads module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { leadScopeCondition, leadSheetReferences } from './repository';
export { remindOverdueLeads } from './reminders';
export { checkLeadCreate, checkLeadUpdate, createLead, updateLead } from './service';
// The indicators (targets module): signed leads, contract value and out-of-city funds of a district's year.
export { attractionFigures } from './indicator-figures';
// The dashboard's attraction funnel is the conversion page's total (GET /leads/stats).
export { leadStats } from './stats';
