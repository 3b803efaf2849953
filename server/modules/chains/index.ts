// The chains module's face: what other modules may use. Nothing else of the module is imported from outside it.
// A lead names its chain and node (招商线索的产业链环节): `districtChainNode` is what the leads module checks it with;
// the node drawer of the web page shows the node's leads through `GET /api/v1/leads?chainNodeId=…`.
export { chainScopeCondition, districtChainNode, findNode as findNodeOfChain } from './repository';
