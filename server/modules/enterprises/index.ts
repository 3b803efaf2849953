// The enterprises module's face: what other modules may use. Nothing else of the module is imported from outside it.
export {
  type EnterpriseCandidate,
  type EnterpriseRow,
  enterpriseCandidates,
  enterpriseOrder,
  type EnterpriseSheetNames,
  enterpriseScopeCondition,
  enterpriseSheetNames,
  enterprisesByUscc,
  findEnterprise,
  listEnterprises,
} from './repository';
export { type EnterpriseDraft, checkDraft as checkEnterpriseDraft, createEnterprise, updateEnterprise } from './service';
export { readUscc } from './uscc-rules';
