import { type SQL, and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { enterprises, policies, policyDeliveries } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, pageWindow } from '../../lib/list';
import { districtRecordInReach } from '../../lib/scope';

// Who sees a policy and its deliveries (lib/scope.ts): a policy is the district's, like its enterprise register —
// everyone of the district in reach (its streets, the city or province above) who holds policy.read.

export type PolicyRecord = typeof policies.$inferSelect;
export type PolicyRow = PolicyRecord & { told: number; applied: number; granted: number };
export type DeliveryRecord = typeof policyDeliveries.$inferSelect;
export type DeliveryRow = DeliveryRecord & { policyTitle: string; enterpriseName: string; regionCode: string };

export const policyScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, policies.regionCode);

// The policy's own id, written out: inside the subqueries an unqualified id would be the delivery's.
const policyId = sql.raw('"policies"."id"');

const counted = (db: Executor) =>
  db
    .select({
      ...policyColumns,
      told: sql<number>`(select count(*)::integer from ${policyDeliveries} d where d.policy_id = ${policyId})`,
      applied: sql<number>`(select count(*)::integer from ${policyDeliveries} d where d.policy_id = ${policyId} and d.state in ('applied', 'granted'))`,
      granted: sql<number>`(select count(*)::integer from ${policyDeliveries} d where d.policy_id = ${policyId} and d.state = 'granted')`,
    })
    .from(policies);

const policyColumns = {
  id: policies.id,
  regionCode: policies.regionCode,
  title: policies.title,
  body: policies.body,
  issuer: policies.issuer,
  validFrom: policies.validFrom,
  validTo: policies.validTo,
  conditions: policies.conditions,
  createdBy: policies.createdBy,
  version: policies.version,
  createdAt: policies.createdAt,
  updatedAt: policies.updatedAt,
};

/** One policy the actor may see, with its delivery counts, or null. */
export async function findPolicy(db: Executor, actor: Actor, id: string): Promise<PolicyRow | null> {
  const [row] = await counted(db).where(and(eq(policies.id, id), policyScopeCondition(actor)));
  return row ?? null;
}

/** A page of the policies the actor sees, latest in force first; `inForce` on `today`. */
export async function listPolicies(
  db: Executor,
  actor: Actor,
  query: { q?: string; inForce?: boolean; page: number; pageSize: number },
  today: string,
) {
  const q = query.q?.trim();
  const inForce = sql`(${policies.validFrom} <= ${today}::date and (${policies.validTo} is null or ${policies.validTo} >= ${today}::date))`;
  const where = and(
    policyScopeCondition(actor),
    q ? or(ilike(policies.title, containsPattern(q)), ilike(policies.issuer, containsPattern(q))) : undefined,
    query.inForce === undefined ? undefined : query.inForce ? inForce : sql`not ${inForce}`,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    counted(db).where(where).orderBy(desc(policies.validFrom), asc(policies.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(policies).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function insertPolicy(tx: Executor, values: typeof policies.$inferInsert): Promise<PolicyRecord> {
  const [row] = await tx.insert(policies).values(values).returning();
  if (!row) throw new Error('policy not written');
  return row;
}

export async function lockPolicy(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${policies} where ${policies.id} = ${id} for update`);
}

/** The delivery state of a policy to each enterprise it has reached. */
export async function deliveryStates(db: Executor, policyId: string): Promise<Map<string, DeliveryRecord['state']>> {
  const rows = await db
    .select({ enterpriseId: policyDeliveries.enterpriseId, state: policyDeliveries.state })
    .from(policyDeliveries)
    .where(eq(policyDeliveries.policyId, policyId));
  return new Map(rows.map((row) => [row.enterpriseId, row.state]));
}

/** Tells enterprises of a policy: one delivery each, those already told left as they are; the ids newly told. */
export async function insertDeliveries(tx: Executor, policyId: string, enterpriseIds: string[], toldBy: string): Promise<string[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await tx
    .insert(policyDeliveries)
    .values(enterpriseIds.map((enterpriseId) => ({ policyId, enterpriseId, toldBy })))
    .onConflictDoNothing()
    .returning({ enterpriseId: policyDeliveries.enterpriseId });
  return rows.map((row) => row.enterpriseId);
}

const deliveries = (db: Executor) =>
  db
    .select({
      ...getDeliveryColumns(),
      policyTitle: policies.title,
      enterpriseName: enterprises.name,
      regionCode: policies.regionCode,
    })
    .from(policyDeliveries)
    .innerJoin(policies, eq(policies.id, policyDeliveries.policyId))
    .innerJoin(enterprises, eq(enterprises.id, policyDeliveries.enterpriseId));

function getDeliveryColumns() {
  return {
    id: policyDeliveries.id,
    policyId: policyDeliveries.policyId,
    enterpriseId: policyDeliveries.enterpriseId,
    state: policyDeliveries.state,
    toldAt: policyDeliveries.toldAt,
    appliedAt: policyDeliveries.appliedAt,
    grantedAt: policyDeliveries.grantedAt,
    toldBy: policyDeliveries.toldBy,
    note: policyDeliveries.note,
    version: policyDeliveries.version,
    createdAt: policyDeliveries.createdAt,
    updatedAt: policyDeliveries.updatedAt,
  };
}

/** The deliveries of a policy, or those an enterprise received, that the actor sees; latest told first. */
export async function listDeliveries(
  db: Executor,
  actor: Actor,
  query: { policyId?: string; enterpriseId?: string; page: number; pageSize: number },
) {
  const where = and(
    policyScopeCondition(actor),
    query.policyId ? eq(policyDeliveries.policyId, query.policyId) : undefined,
    query.enterpriseId ? eq(policyDeliveries.enterpriseId, query.enterpriseId) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    deliveries(db).where(where).orderBy(desc(policyDeliveries.toldAt), asc(policyDeliveries.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(policyDeliveries).innerJoin(policies, eq(policies.id, policyDeliveries.policyId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findDelivery(db: Executor, actor: Actor, id: string): Promise<DeliveryRow | null> {
  const [row] = await deliveries(db).where(and(eq(policyDeliveries.id, id), policyScopeCondition(actor)));
  return row ?? null;
}

export async function lockDelivery(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from ${policyDeliveries} where ${policyDeliveries.id} = ${id} for update`);
}
