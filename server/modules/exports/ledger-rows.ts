import { type SQL, eq, sql } from 'drizzle-orm';
import type { Pool } from '../../../common/schemas/projects';
import type { Db } from '../../db/client';
import { progressReports, projects, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { completedSinceStart } from '../reports';
import { currentAnnualPlan, leadersJson, listCondition, streetRegion } from '../projects';
import type { ProjectExportQuery } from '../../../common/schemas/exports';
import { type KeysetRow, type OrderKey, keysetBatches } from './keyset';
import { projectExportKeys } from './project-order';

/** The pools in the order the ledger groups them: what is being built first, then what comes next. */
export const LEDGER_POOL_ORDER: readonly Pool[] = ['implementing', 'advancing', 'planning', 'completed', 'withdrawn'];

const poolRank: OrderKey = {
  expression: sql`array_position(array[${sql.join(
    LEDGER_POOL_ORDER.map((pool) => sql`${pool}`),
    sql`, `,
  )}]::text[], ${projects.pool}::text)`,
  sqlType: 'integer',
  descending: false,
};

/** A project as the ledger shows it: its identity, responsibility, money and the year's annual plan. */
export type LedgerRow = {
  id: string;
  name: string;
  code: string | null;
  ownerName: string | null;
  constructionContent: string | null;
  leadUnitName: string;
  leaders: { id: string; name: string }[];
  streetName: string | null;
  pool: Pool;
  nature: 'new_start' | 'continuing' | 'completing' | 'reserve';
  isProvincialKey: boolean;
  isCityKey: boolean;
  isDistrictKey: boolean;
  totalInvestmentYuan: number | null;
  plannedStart: string | null;
  plannedCompletion: string | null;
  annualPlanYuan: number | null;
  planToDateYuan: number | null;
  /** Investment completed 1–N月: the sum of the year's approved reports through the month (0 with none). */
  completedToDateYuan: number;
  /** Investment completed since start through the month: the opening amount and the approved reports after it. */
  completedSinceStartYuan: number;
  /** The warning colour as a rank (projects.warning_level), null before it is first computed. */
  warningLevel: number | null;
  customValues: unknown;
} & KeysetRow;

/**
 * The ledger's projects for a year in batches: the list's filters and scope with the year applied, grouped by
 * pool, in the list's sort within each pool. `throughMonth` is the last month of "1–N月".
 */
export function ledgerBatches(
  db: Db,
  actor: Actor,
  query: ProjectExportQuery,
  { year, throughMonth }: { year: number; throughMonth: number },
): AsyncGenerator<LedgerRow[]> {
  const where = listCondition(db, actor, { ...query, year });
  // The current (highest) version of the year's annual plan (the project tracks' one definition): its total, and the
  // monthly plan due through the month.
  const planToDate = (plan: SQL) => sql`(select coalesce(sum(m), 0) from unnest(${plan}.monthly_yuan[1:${throughMonth}]) m)`;
  return keysetBatches(projectExportKeys(query.sort, [poolRank]), ({ after, orderBy, keyset, limit }) =>
    db
      .select({
        id: projects.id,
        name: projects.name,
        code: projects.code,
        ownerName: projects.ownerName,
        constructionContent: projects.constructionContent,
        leadUnitName: units.name,
        leaders: leadersJson,
        streetName: streetRegion.name,
        pool: projects.pool,
        nature: projects.nature,
        isProvincialKey: projects.isProvincialKey,
        isCityKey: projects.isCityKey,
        isDistrictKey: projects.isDistrictKey,
        totalInvestmentYuan: projects.totalInvestmentYuan,
        plannedStart: projects.plannedStart,
        plannedCompletion: projects.plannedCompletion,
        customValues: projects.customValues,
        annualPlanYuan: sql<number | null>`${currentAnnualPlan(year, (plan) => sql`${plan}.planned_yuan`)}`.mapWith(Number),
        planToDateYuan: sql<number | null>`${currentAnnualPlan(year, planToDate)}`.mapWith(Number),
        // The same sum as the reports module's approvedInvestment (year to date through the month), read for the whole
        // batch through the reports' (project, year, month) index instead of one query per project.
        completedToDateYuan: sql<number>`(select coalesce(sum(cr.investment_yuan), 0) from ${progressReports} cr
          where cr.project_id = ${projects.id} and cr.status = 'approved' and cr.year = ${year} and cr.month <= ${throughMonth})`.mapWith(
          Number,
        ),
        completedSinceStartYuan: completedSinceStart({ year, month: throughMonth }),
        warningLevel: projects.warningLevel,
        keyset,
      })
      .from(projects)
      .innerJoin(units, eq(units.id, projects.leadUnitId))
      .leftJoin(streetRegion, eq(streetRegion.code, projects.streetCode))
      .where(after ? sql`${where} and ${after}` : where)
      .orderBy(...orderBy)
      .limit(limit),
  );
}
