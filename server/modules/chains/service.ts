import type { ChainCreateBody, ChainNodeBody, ChainNodeUpdateBody, ChainUpdateBody, PlacementBody } from '../../../common/schemas/chains';
import type { Tx } from '../../db/client';
import { industryChains } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { updateAtVersion } from '../../lib/versioned';
import { enabledDictionaryEntries } from '../projects';
import { districtForNewRecord } from '../regions';
import {
  type ChainSummaryRow,
  chainNamed,
  deleteChainRow,
  deleteNodeRow,
  deletePlacementRow,
  findChain,
  findNode,
  findPlacement,
  insertChain,
  insertNode,
  insertPlacement,
  lockChain,
  lockChainNames,
  nodeNamed,
  placementOf,
  touchChain,
  updateNodeRow,
  visibleEnterprise,
} from './repository';

type Ctx = { ctx: RequestContext; tx: Tx };

async function loadChain(tx: Tx, ctx: RequestContext, id: string): Promise<ChainSummaryRow> {
  const row = await findChain(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

async function checkCode(tx: Tx, code: string | null | undefined) {
  if (!code) return;
  const [entry] = await enabledDictionaryEntries(tx, [{ type: 'industry_chain', code }]);
  if (!entry) throw invalidField('code', 'chain.code_unknown', { code });
}

async function refuseDuplicateName(tx: Tx, regionCode: string, name: string, exceptId: string | null) {
  await lockChainNames(tx, regionCode);
  if (!(await chainNamed(tx, regionCode, name, exceptId))) return;
  const params = { name };
  throw new AppError(409, 'chain_duplicate_name', 'chain.duplicate_name', params, [
    { path: 'name', messageKey: 'chain.duplicate_name', params },
  ]);
}

const chainAudit = (row: { name: string; code: string | null; description: string | null }) => ({
  name: row.name,
  code: row.code,
  description: row.description,
});

/** Adds an industry chain to a district (the reader's own unless he names one in reach), audited. */
export async function createChain({ ctx, tx, input }: Ctx & { input: ChainCreateBody }) {
  const district = await districtForNewRecord(tx, ctx.actor, input.regionCode);
  if (district === 'none') throw new AppError(422, 'no_district', 'chain.no_district');
  if (district === 'outside') throw invalidField('regionCode', 'chain.region_outside_scope');
  await checkCode(tx, input.code);
  await refuseDuplicateName(tx, district.code, input.name, null);
  const row = await insertChain(tx, {
    regionCode: district.code,
    name: input.name,
    code: input.code,
    description: input.description,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: 'chains.create',
    recordType: 'industry_chain',
    recordId: row.id,
    regionCode: row.regionCode,
    after: chainAudit(row),
  });
  return loadChain(tx, ctx, row.id);
}

/** Renames or re-describes a chain at the version read. */
export async function updateChain({ ctx, tx, id, input }: Ctx & { id: string; input: ChainUpdateBody }) {
  await loadChain(tx, ctx, id);
  await lockChain(tx, id);
  const before = await loadChain(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  await checkCode(tx, changes.code);
  if (changes.name !== undefined) await refuseDuplicateName(tx, before.regionCode, changes.name, id);
  const row = await updateAtVersion(tx, industryChains, { key: industryChains.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'chains.update',
    recordType: 'industry_chain',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(chainAudit(before), chainAudit(row)),
  });
  return loadChain(tx, ctx, id);
}

/** Removes a chain with its nodes and placements (the enterprises stay in the register), audited. */
export async function deleteChain({ ctx, tx, id }: Ctx & { id: string }) {
  const row = await loadChain(tx, ctx, id);
  await deleteChainRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'chains.delete',
    recordType: 'industry_chain',
    recordId: id,
    regionCode: row.regionCode,
    before: chainAudit(row),
  });
}

async function refuseDuplicateNode(tx: Tx, chainId: string, name: string, exceptId: string | null) {
  if (!(await nodeNamed(tx, chainId, name, exceptId))) return;
  const params = { name };
  throw new AppError(409, 'chain_node_duplicate', 'chain.node_duplicate', params, [
    { path: 'name', messageKey: 'chain.node_duplicate', params },
  ]);
}

/** Adds a node (环节) to a segment of the chain. */
export async function addNode({ ctx, tx, chainId, input }: Ctx & { chainId: string; input: ChainNodeBody }) {
  const chain = await loadChain(tx, ctx, chainId);
  await lockChain(tx, chainId);
  await refuseDuplicateNode(tx, chainId, input.name, null);
  const node = await insertNode(tx, { chainId, ...input });
  await touchChain(tx, chainId);
  await recordAudit(tx, ctx, {
    action: 'chains.node_add',
    recordType: 'industry_chain',
    recordId: chainId,
    regionCode: chain.regionCode,
    after: { node: node.name, segment: node.segment },
  });
  return node;
}

/** Edits a node: its name, segment, description or position. */
export async function updateNode({
  ctx,
  tx,
  chainId,
  nodeId,
  input,
}: Ctx & { chainId: string; nodeId: string; input: ChainNodeUpdateBody }) {
  const chain = await loadChain(tx, ctx, chainId);
  await lockChain(tx, chainId);
  const before = await findNode(tx, chainId, nodeId);
  if (!before) throw notFound();
  if (input.name !== undefined) await refuseDuplicateNode(tx, chainId, input.name, nodeId);
  const node = await updateNodeRow(tx, nodeId, input);
  await touchChain(tx, chainId);
  const view = (n: typeof node) => ({ name: n.name, segment: n.segment, description: n.description, position: n.position });
  await recordAudit(tx, ctx, {
    action: 'chains.node_update',
    recordType: 'industry_chain',
    recordId: chainId,
    regionCode: chain.regionCode,
    ...changedFields(view(before), view(node)),
  });
  return node;
}

/** Removes a node and the placements on it. */
export async function removeNode({ ctx, tx, chainId, nodeId }: Ctx & { chainId: string; nodeId: string }) {
  const chain = await loadChain(tx, ctx, chainId);
  await lockChain(tx, chainId);
  const node = await findNode(tx, chainId, nodeId);
  if (!node) throw notFound();
  await deleteNodeRow(tx, nodeId);
  await touchChain(tx, chainId);
  await recordAudit(tx, ctx, {
    action: 'chains.node_remove',
    recordType: 'industry_chain',
    recordId: chainId,
    regionCode: chain.regionCode,
    before: { node: node.name, segment: node.segment },
  });
}

/**
 * Places an enterprise of the chain's district on a node: as local (only an enterprise of the register's local kind)
 * or as a target; its own kind when no role is given. Once per node (409 naming it).
 */
export async function placeEnterprise({
  ctx,
  tx,
  chainId,
  nodeId,
  input,
}: Ctx & { chainId: string; nodeId: string; input: PlacementBody }) {
  const chain = await loadChain(tx, ctx, chainId);
  await lockChain(tx, chainId);
  const node = await findNode(tx, chainId, nodeId);
  if (!node) throw notFound();
  const enterprise = await visibleEnterprise(tx, ctx.actor, input.enterpriseId);
  if (!enterprise || enterprise.regionCode !== chain.regionCode) throw invalidField('enterpriseId', 'chain.enterprise_other_district');
  const role = input.role ?? enterprise.kind;
  if (role === 'local' && enterprise.kind !== 'local')
    throw invalidField('role', 'chain.local_needs_local_enterprise', { name: enterprise.name });
  if (await placementOf(tx, nodeId, enterprise.id)) {
    const params = { name: enterprise.name };
    throw new AppError(409, 'chain_placement_duplicate', 'chain.placement_duplicate', params, [
      { path: 'enterpriseId', messageKey: 'chain.placement_duplicate', params },
    ]);
  }
  const placement = await insertPlacement(tx, { nodeId, enterpriseId: enterprise.id, role, note: input.note });
  await touchChain(tx, chainId);
  await recordAudit(tx, ctx, {
    action: 'chains.place',
    recordType: 'industry_chain',
    recordId: chainId,
    regionCode: chain.regionCode,
    after: { node: node.name, enterprise: enterprise.name, enterpriseId: enterprise.id, role },
  });
  return placement;
}

/** Takes an enterprise off a node. */
export async function removePlacement({ ctx, tx, chainId, placementId }: Ctx & { chainId: string; placementId: string }) {
  const chain = await loadChain(tx, ctx, chainId);
  await lockChain(tx, chainId);
  const found = await findPlacement(tx, chainId, placementId);
  if (!found) throw notFound();
  await deletePlacementRow(tx, placementId);
  await touchChain(tx, chainId);
  await recordAudit(tx, ctx, {
    action: 'chains.unplace',
    recordType: 'industry_chain',
    recordId: chainId,
    regionCode: chain.regionCode,
    before: {
      node: found.nodeName,
      enterprise: found.enterpriseName,
      enterpriseId: found.placement.enterpriseId,
      role: found.placement.role,
    },
  });
}
