import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { scoringRules } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RankingGroup } from '../../../common/domain/ranking-groups';
import type { District } from '../regions';
import { checkGroups, groupsOrNull } from './groups';
import type { ScoringRegion } from './region';
import { parseOrRefuse } from './scoring';

export type ScoringRuleRow = typeof scoringRules.$inferSelect;

/** The versions of a district's rule for a year, newest first (the first is the current rule). */
export function listRules(db: Executor, regionCode: string, year: number) {
  return db
    .select()
    .from(scoringRules)
    .where(and(eq(scoringRules.regionCode, regionCode), eq(scoringRules.year, year)))
    .orderBy(desc(scoringRules.version));
}

/** The district's current rule for a year: its highest version; null when none was saved. */
export async function currentRule(db: Executor, regionCode: string, year: number): Promise<ScoringRuleRow | null> {
  const [row] = await listRules(db, regionCode, year).limit(1);
  return row ?? null;
}

/**
 * Saves a formula and its ranking groups as the next version of the district's rule for the year. The formula must
 * parse and name only catalogue variables (FormulaRefused → 422 with its line and column) and the groups must hold
 * (checkGroups → 422 naming the field); nothing saved otherwise. No groups (or none given): one ranking of every unit. Two saves at once are
 * serialised per district and year, so each gets its own version. Audited.
 */
export async function saveRule({
  ctx,
  tx,
  district,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  /** The region whose rule it is: a district, or a city or province (whose rule ranks its districts, no groups). */
  district: District & { level?: ScoringRegion['level'] };
  input: { year: number; formula: string; groups?: Partial<RankingGroup>[] | null | undefined; note?: string | undefined };
}) {
  parseOrRefuse(input.formula);
  const groups = groupsOrNull(input.groups);
  await checkGroups(tx, district, groups);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`scoring-rule:${district.code}:${input.year}`}))`);
  const latest = await currentRule(tx, district.code, input.year);
  const [row] = await tx
    .insert(scoringRules)
    .values({
      regionCode: district.code,
      year: input.year,
      version: (latest?.version ?? 0) + 1,
      formula: input.formula,
      groups,
      note: input.note || null,
      authorId: ctx.actor.userId,
      authorName: ctx.actor.displayName || ctx.actor.username,
    })
    .returning();
  if (!row) throw new Error('scoring rule not written');
  await recordAudit(tx, ctx, {
    action: 'assessment.save_rule',
    recordType: 'scoring_rule',
    recordId: row.id,
    regionCode: district.code,
    before: latest ? { version: latest.version, formula: latest.formula, groups: latest.groups } : null,
    after: { year: row.year, version: row.version, formula: row.formula, groups: row.groups, note: row.note },
  });
  return row;
}

export const presentRule = (row: ScoringRuleRow) => ({
  id: row.id,
  year: row.year,
  version: row.version,
  formula: row.formula,
  groups: row.groups ?? null,
  note: row.note,
  authorName: row.authorName,
  createdAt: row.createdAt.toISOString(),
});
