import type { Chain, ChainNode, ChainSummary } from '../../../common/schemas/chains';
import type { Actor } from '../../lib/actor';
import { chainAbilities } from './policy';
import type { ChainSummaryRow, NodeRecord, PlacementRow } from './repository';

/** A chain as the list answers it: with its counts of nodes, gaps, local and target enterprises. */
export function presentChainSummary(actor: Actor, row: ChainSummaryRow): ChainSummary {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    code: row.code,
    codeName: row.codeName,
    name: row.name,
    description: row.description,
    counts: { nodes: row.nodeCount, gaps: row.gapCount, local: row.localCount, target: row.targetCount },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: chainAbilities(actor),
  };
}

/** One node with the enterprises on it; a node without a local enterprise is a gap (补链). */
export function presentNode(node: NodeRecord, placements: PlacementRow[]): ChainNode {
  const own = placements.filter((p) => p.nodeId === node.id);
  const localCount = own.filter((p) => p.role === 'local').length;
  return {
    id: node.id,
    segment: node.segment,
    name: node.name,
    description: node.description,
    position: node.position,
    gap: localCount === 0,
    localCount,
    targetCount: own.length - localCount,
    placements: own.map((p) => ({
      id: p.id,
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      enterpriseKind: p.enterpriseKind,
      tags: p.tags,
      role: p.role,
      note: p.note,
    })),
  };
}

/** The whole chain in one answer: nodes in order with their enterprises and gap flags, and the counts. */
export function presentChain(actor: Actor, row: ChainSummaryRow, nodes: NodeRecord[], placements: PlacementRow[]): Chain {
  return { ...presentChainSummary(actor, row), nodes: nodes.map((node) => presentNode(node, placements)) };
}
