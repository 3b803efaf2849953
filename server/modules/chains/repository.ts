import { type SQL, and, asc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import { chainNodes, chainPlacements, dictionaryItems, enterprises, industryChains, regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { districtRecordInReach } from '../../lib/scope';
import { enterpriseScopeCondition } from '../enterprises';

// Who sees a chain (lib/scope.ts): like the enterprise register, a chain map is the district's, shared by all its
// people whatever their unit — the district's reach alone. Its nodes and placements follow their chain.

export type ChainRecord = typeof industryChains.$inferSelect;
export type ChainSummaryRow = ChainRecord & {
  regionName: string;
  codeName: string | null;
  nodeCount: number;
  gapCount: number;
  localCount: number;
  targetCount: number;
};
export type NodeRecord = typeof chainNodes.$inferSelect;
export type PlacementRow = typeof chainPlacements.$inferSelect & {
  enterpriseName: string;
  enterpriseKind: 'local' | 'target';
  tags: string[];
};

/** SQL: the chain is visible to the actor. */
export const chainScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, industryChains.regionCode);

const chainRegion = alias(regions, 'chain_region');
const chainDictionary = alias(dictionaryItems, 'chain_dictionary');

// Counts per chain, read with the chain: nodes, nodes with no local enterprise (gaps), local and target placements.
const nodeCount = sql<number>`(select count(*)::int from chain_nodes n where n.chain_id = ${industryChains.id})`;
const gapCount = sql<number>`(select count(*)::int from chain_nodes n where n.chain_id = ${industryChains.id}
  and not exists (select 1 from chain_placements p where p.node_id = n.id and p.role = 'local'))`;
const roleCount = (role: 'local' | 'target') =>
  sql<number>`(select count(*)::int from chain_placements p join chain_nodes n on n.id = p.node_id
    where n.chain_id = ${industryChains.id} and p.role = ${role})`;

const scopedChains = (db: Executor, locale: Locale) =>
  db
    .select({
      id: industryChains.id,
      regionCode: industryChains.regionCode,
      code: industryChains.code,
      name: industryChains.name,
      description: industryChains.description,
      createdBy: industryChains.createdBy,
      version: industryChains.version,
      createdAt: industryChains.createdAt,
      updatedAt: industryChains.updatedAt,
      regionName: chainRegion.name,
      codeName: locale === 'zh-CN' ? chainDictionary.name : chainDictionary.nameEn,
      nodeCount,
      gapCount,
      localCount: roleCount('local'),
      targetCount: roleCount('target'),
    })
    .from(industryChains)
    .innerJoin(chainRegion, eq(chainRegion.code, industryChains.regionCode))
    .leftJoin(chainDictionary, and(eq(chainDictionary.type, 'industry_chain'), eq(chainDictionary.code, industryChains.code)));

/** The chains the actor sees, by name. */
export async function listChains(db: Executor, actor: Actor): Promise<ChainSummaryRow[]> {
  return scopedChains(db, actor.locale).where(chainScopeCondition(actor)).orderBy(asc(industryChains.name), asc(industryChains.id));
}

/** One chain the actor may see, or null. */
export async function findChain(db: Executor, actor: Actor, id: string): Promise<ChainSummaryRow | null> {
  const [row] = await scopedChains(db, actor.locale).where(and(eq(industryChains.id, id), chainScopeCondition(actor)));
  return row ?? null;
}

/** A chain's nodes, by segment order (上游, 中游, 下游) then position and name. */
export async function chainNodesOf(db: Executor, chainId: string): Promise<NodeRecord[]> {
  return db
    .select()
    .from(chainNodes)
    .where(eq(chainNodes.chainId, chainId))
    .orderBy(
      sql`case ${chainNodes.segment} when 'upstream' then 0 when 'midstream' then 1 else 2 end`,
      asc(chainNodes.position),
      asc(chainNodes.name),
    );
}

/** The enterprises on a chain's nodes, local first, then by name. */
export async function chainPlacementsOf(db: Executor, chainId: string): Promise<PlacementRow[]> {
  return db
    .select({
      id: chainPlacements.id,
      nodeId: chainPlacements.nodeId,
      enterpriseId: chainPlacements.enterpriseId,
      role: chainPlacements.role,
      note: chainPlacements.note,
      createdAt: chainPlacements.createdAt,
      updatedAt: chainPlacements.updatedAt,
      enterpriseName: enterprises.name,
      enterpriseKind: enterprises.kind,
      tags: enterprises.tags,
    })
    .from(chainPlacements)
    .innerJoin(chainNodes, eq(chainNodes.id, chainPlacements.nodeId))
    .innerJoin(enterprises, eq(enterprises.id, chainPlacements.enterpriseId))
    .where(eq(chainNodes.chainId, chainId))
    .orderBy(sql`case ${chainPlacements.role} when 'local' then 0 else 1 end`, asc(enterprises.namePinyin), asc(chainPlacements.id));
}

/** The chain of the district with this name (another than `exceptId`), or null. */
export async function chainNamed(db: Executor, regionCode: string, name: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: industryChains.id })
    .from(industryChains)
    .where(
      and(eq(industryChains.regionCode, regionCode), eq(industryChains.name, name), exceptId ? ne(industryChains.id, exceptId) : undefined),
    );
  return row ?? null;
}

/** The node of the chain with this name (another than `exceptId`), or null. */
export async function nodeNamed(db: Executor, chainId: string, name: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .where(and(eq(chainNodes.chainId, chainId), eq(chainNodes.name, name), exceptId ? ne(chainNodes.id, exceptId) : undefined));
  return row ?? null;
}

/** A node of one of the district's chains (a lead's 产业链环节), with its chain's dictionary code, or null. */
export async function districtChainNode(db: Executor, regionCode: string, nodeId: string) {
  const [row] = await db
    .select({ id: chainNodes.id, name: chainNodes.name, chainCode: industryChains.code })
    .from(chainNodes)
    .innerJoin(industryChains, eq(industryChains.id, chainNodes.chainId))
    .where(and(eq(chainNodes.id, nodeId), eq(industryChains.regionCode, regionCode)));
  return row ?? null;
}

export async function findNode(db: Executor, chainId: string, nodeId: string): Promise<NodeRecord | null> {
  const [row] = await db
    .select()
    .from(chainNodes)
    .where(and(eq(chainNodes.chainId, chainId), eq(chainNodes.id, nodeId)));
  return row ?? null;
}

/** A placement of the chain with its node's name, or null. */
export async function findPlacement(db: Executor, chainId: string, placementId: string) {
  const [row] = await db
    .select({ placement: chainPlacements, nodeName: chainNodes.name, enterpriseName: enterprises.name })
    .from(chainPlacements)
    .innerJoin(chainNodes, eq(chainNodes.id, chainPlacements.nodeId))
    .innerJoin(enterprises, eq(enterprises.id, chainPlacements.enterpriseId))
    .where(and(eq(chainNodes.chainId, chainId), eq(chainPlacements.id, placementId)));
  return row ?? null;
}

export async function placementOf(db: Executor, nodeId: string, enterpriseId: string) {
  const [row] = await db
    .select({ id: chainPlacements.id })
    .from(chainPlacements)
    .where(and(eq(chainPlacements.nodeId, nodeId), eq(chainPlacements.enterpriseId, enterpriseId)));
  return row ?? null;
}

/** Holds a chain for the rest of the transaction (names and placements are checked, then written). */
export async function lockChain(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${industryChains} where ${industryChains.id} = ${id} for update`);
}

/** Holds a district's chain names for the rest of the transaction, so two chains of one name are answered 409. */
export async function lockChainNames(tx: Executor, regionCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`industry-chain:${regionCode}`}))`);
}

export async function insertChain(tx: Executor, values: typeof industryChains.$inferInsert): Promise<ChainRecord> {
  const [row] = await tx.insert(industryChains).values(values).returning();
  if (!row) throw new Error('chain not written');
  return row;
}

export async function deleteChainRow(tx: Executor, id: string) {
  await tx.delete(industryChains).where(eq(industryChains.id, id));
}

export async function insertNode(tx: Executor, values: typeof chainNodes.$inferInsert): Promise<NodeRecord> {
  const [row] = await tx.insert(chainNodes).values(values).returning();
  if (!row) throw new Error('node not written');
  return row;
}

export async function updateNodeRow(tx: Executor, id: string, values: Partial<typeof chainNodes.$inferInsert>): Promise<NodeRecord> {
  const [row] = await tx
    .update(chainNodes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(chainNodes.id, id))
    .returning();
  if (!row) throw new Error('node not written');
  return row;
}

export async function deleteNodeRow(tx: Executor, id: string) {
  await tx.delete(chainNodes).where(eq(chainNodes.id, id));
}

export async function insertPlacement(tx: Executor, values: typeof chainPlacements.$inferInsert) {
  const [row] = await tx.insert(chainPlacements).values(values).returning();
  if (!row) throw new Error('placement not written');
  return row;
}

export async function deletePlacementRow(tx: Executor, id: string) {
  await tx.delete(chainPlacements).where(eq(chainPlacements.id, id));
}

/** Marks the chain changed (its version and time), so a reader holding an older map sees it moved. */
export async function touchChain(tx: Executor, id: string) {
  await tx
    .update(industryChains)
    .set({ version: sql`${industryChains.version} + 1`, updatedAt: sql`now()` })
    .where(eq(industryChains.id, id));
}

/** An enterprise of the register the actor sees (through the enterprises module's scope), or null. */
export async function visibleEnterprise(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, kind: enterprises.kind, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScopeCondition(actor)));
  return row ?? null;
}
