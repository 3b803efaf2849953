// The reports module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { type ApprovedInvestment, approvedInvestment } from './report-repository';
