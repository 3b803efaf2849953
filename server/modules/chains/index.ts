// The chains module's face: what other modules may use. Nothing else of the module is imported from outside it.
// A lead names its chain and node (招商线索的产业链环节): `chainScopeCondition` and `findNodeOfChain` are what the leads
// module needs to check them; the node drawer of the web page shows the node's leads through
// `GET /api/v1/leads?chainNodeId=…` once that module exists (see docs/status.md, Issue 17 — chains and carriers).
export { chainScopeCondition, findNode as findNodeOfChain } from './repository';
