import { and, asc, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/domain/dates';
import { FormulaError, type FormulaErrorCode, formulaErrorMessage } from '../../../common/domain/formula';
import { rankByGroup } from '../../../common/domain/ranking-groups';
import type { Locale } from '../../../common/locale';
import type { Executor, Tx } from '../../db/client';
import { regions, scoreSnapshotItems, scoreSnapshots, scoringRules } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { type SystemContext, recordAudit } from '../../lib/audit';
import { AppError, invalidField } from '../../lib/errors';
import type { District } from '../regions';
import { scoreNotes } from './notes';
import { currentRule } from './rules';
import { type RankedLines, type ScoringRegion, ranksDistricts } from './region';
import { parseOrRefuse, scoreRegion, termsOf } from './scoring';

type Month = { year: number; month: number };

/** The China month of a day ('2026-12-06' → 2026-12). */
export const monthOf = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
const ordinal = ({ year, month }: Month) => year * 12 + month;

/** Whether the month is the current month (China time) of `today`, or one to come. */
export const isCurrentMonth = (m: Month, today = todayInChina()) => ordinal(m) === ordinal(monthOf(today));
export const isFutureMonth = (m: Month, today = todayInChina()) => ordinal(m) > ordinal(monthOf(today));

/** The district's snapshot of a month, or null. */
export async function findSnapshot(db: Executor, regionCode: string, { year, month }: Month) {
  const [row] = await db
    .select({
      id: scoreSnapshots.id,
      ruleVersion: scoreSnapshots.ruleVersion,
      formula: scoringRules.formula,
      computedAt: scoreSnapshots.computedAt,
      computedByName: scoreSnapshots.computedByName,
    })
    .from(scoreSnapshots)
    .innerJoin(scoringRules, eq(scoringRules.id, scoreSnapshots.ruleId))
    .where(and(eq(scoreSnapshots.regionCode, regionCode), eq(scoreSnapshots.year, year), eq(scoreSnapshots.month, month)));
  return row ?? null;
}

/**
 * Takes the month's scores of the units the year's current rule assesses (every unit of the district, or the members
 * of its groups), ranks them within their groups and stores the snapshot with each unit's group, terms and variables;
 * for a city or province (`district.level`), its districts each scored on the sums over their units, one ranking, each
 * line kept under the district's top unit and named after the district. A month to come is refused (400); a past month that has a snapshot
 * is refused (409: it never changes); the current month's is replaced. One transaction, serialised per district
 * and month; audited.
 */
export async function computeMonthScores({
  ctx,
  tx,
  district,
  month: m,
  today = todayInChina(),
}: {
  ctx: RequestContext | SystemContext;
  tx: Tx;
  /** The region whose rule it is: a district (level absent or 'district'), a city or a province. */
  district: District & { level?: ScoringRegion['level'] };
  month: Month;
  today?: string;
}) {
  if (isFutureMonth(m, today)) throw invalidField('month', 'assessment.future_month', m);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`score-snapshot:${district.code}:${m.year}-${m.month}`}))`);
  const existing = await findSnapshot(tx, district.code, m);
  if (existing && !isCurrentMonth(m, today))
    throw new AppError(409, 'score_snapshot_exists', 'assessment.snapshot_exists', {
      ...m,
      at: todayInChina(existing.computedAt),
    });
  const rule = await currentRule(tx, district.code, m.year);
  if (!rule) throw new AppError(422, 'scoring_rule_missing', 'assessment.no_rule', { year: m.year });
  const parsed = parseOrRefuse(rule.formula);
  const scores = await scoreRegion(tx, { ...district, level: district.level ?? 'district' }, parsed, m.year, m.month, rule.groups ?? null);
  const ranked = rankByGroup(scores.map((s) => ({ ...s, id: s.unitId, name: s.unitName, score: s.result?.value ?? null })));
  if (existing) await tx.delete(scoreSnapshots).where(eq(scoreSnapshots.id, existing.id));
  const actor = 'actor' in ctx ? ctx.actor : null;
  const [snapshot] = await tx
    .insert(scoreSnapshots)
    .values({
      regionCode: district.code,
      year: m.year,
      month: m.month,
      ruleId: rule.id,
      ruleVersion: rule.version,
      computedById: actor?.userId ?? null,
      computedByName: actor ? actor.displayName || actor.username : null,
    })
    .returning();
  if (!snapshot) throw new Error('score snapshot not written');
  if (ranked.length)
    await tx.insert(scoreSnapshotItems).values(
      ranked.map((line) => ({
        snapshotId: snapshot.id,
        unitId: line.unitId,
        unitName: line.unitName,
        score: line.score,
        rank: line.rank,
        groupName: line.groupName,
        position: line.position,
        error: line.error ? { code: line.error.code, offset: line.error.offset, params: line.error.params } : null,
        terms: termsOf(line.result),
        variables: line.variables,
      })),
    );
  await recordAudit(tx, ctx, {
    action: 'assessment.compute_scores',
    recordType: 'score_snapshot',
    recordId: snapshot.id,
    regionCode: district.code,
    before: existing ? { ruleVersion: existing.ruleVersion, computedAt: existing.computedAt.toISOString() } : null,
    after: { year: m.year, month: m.month, ruleVersion: rule.version, units: ranked.length, replaced: Boolean(existing) },
  });
  return snapshot;
}

/**
 * A month's ranking of the district as snapshotted (lines in ranking order — group by group in the rule's order,
 * ranks within the group —, errors worded), or no snapshot.
 */
export async function readMonthScores(
  db: Executor,
  regionCode: string,
  m: Month,
  locale: Locale,
  /** Whose lines: a district's units, a city's districts or a province's cities (the notes count 区县 or 市 then). */
  over: RankedLines = 'units',
) {
  const snapshot = await findSnapshot(db, regionCode, m);
  if (!snapshot) return { snapshot: null, groups: [], items: [], notes: [] };
  const rows = await db
    .select()
    .from(scoreSnapshotItems)
    .where(eq(scoreSnapshotItems.snapshotId, snapshot.id))
    .orderBy(asc(scoreSnapshotItems.position));
  let used: string[] = [];
  try {
    used = parseOrRefuse(snapshot.formula).variables;
  } catch {
    // A stored rule always parsed when saved; should the catalogue change, its notes are left out rather than failing.
  }
  const groups = [...new Set(rows.map((row) => row.groupName).filter((name) => name !== null))];
  return {
    groups,
    notes: scoreNotes(
      used,
      rows.map((row) => row.variables),
      locale,
      over,
    ),
    snapshot: {
      id: snapshot.id,
      ruleVersion: snapshot.ruleVersion,
      formula: snapshot.formula,
      computedAt: snapshot.computedAt.toISOString(),
      computedByName: snapshot.computedByName,
    },
    items: rows.map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      group: row.groupName,
      score: row.score,
      rank: row.rank,
      error: row.error
        ? formulaErrorMessage(
            new FormulaError(row.error.code as FormulaErrorCode, snapshot.formula, row.error.offset, row.error.params),
            locale,
          )
        : null,
      terms: row.terms,
      variables: row.variables,
    })),
  };
}

/**
 * The regions that have a rule for the month's year and no snapshot of the month yet (for the monthly job): districts,
 * and cities or provinces that rank their districts — after the districts, by code.
 */
export async function districtsOwingSnapshot(db: Executor, { year, month }: Month): Promise<ScoringRegion[]> {
  const rows = await db
    .selectDistinct({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
    .from(scoringRules)
    .innerJoin(regions, eq(regions.code, scoringRules.regionCode))
    .where(
      and(
        eq(scoringRules.year, year),
        sql`not exists (select 1 from ${scoreSnapshots} s where s.region_code = ${scoringRules.regionCode} and s.year = ${year} and s.month = ${month})`,
      ),
    )
    .orderBy(asc(regions.code));
  const owing = rows.flatMap((r) => (r.level === 'street' ? [] : [{ ...r, level: r.level }]));
  return [...owing.filter((r) => !ranksDistricts(r)), ...owing.filter(ranksDistricts)];
}
