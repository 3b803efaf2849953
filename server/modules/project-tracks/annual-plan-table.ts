import type { Locale } from '../../../common/locale';
import type { AnnualPlanGroup, AnnualPlanTable, AnnualPlanTableRow } from '../../../common/schemas/annual-plan-table';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { actorHomeRegion, districtOf } from '../regions';
import { type AnnualPlanFilter, annualPlanRows, projectsWithoutPlan } from './annual-plan-table-repository';

const zeroMonths = () => Array.from({ length: 12 }, () => 0);

/** Sums of a group's rows, column by column: every figure of a group is the sum of the rows it holds. */
export function sumPlans(key: string | null, name: string | null, rows: readonly AnnualPlanTableRow[]): AnnualPlanGroup {
  const group: AnnualPlanGroup = {
    key,
    name,
    count: 0,
    baselineYuan: 0,
    currentYuan: 0,
    changeYuan: 0,
    draftCount: 0,
    draftYuan: 0,
    monthlyYuan: zeroMonths(),
  };
  for (const row of rows) {
    group.count += 1;
    group.currentYuan += row.currentYuan;
    if (row.baselineYuan === null) {
      group.draftCount += 1;
      group.draftYuan += row.currentYuan;
    } else {
      group.baselineYuan += row.baselineYuan;
      group.changeYuan += row.changeYuan ?? 0;
    }
    row.monthlyYuan.forEach((yuan, i) => {
      group.monthlyYuan[i] = (group.monthlyYuan[i] ?? 0) + yuan;
    });
  }
  return group;
}

/** Groups rows by a key, in the order the groups first appear, each summed. */
function groupBy(rows: readonly AnnualPlanTableRow[], keyOf: (row: AnnualPlanTableRow) => [string | null, string | null]) {
  const groups = new Map<string | null, { name: string | null; rows: AnnualPlanTableRow[] }>();
  for (const row of rows) {
    const [key, name] = keyOf(row);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { name, rows: [row] });
  }
  return [...groups].map(([key, group]) => sumPlans(key, group.name, group.rows));
}

/** Largest current plan first; ties by name. */
const byCurrent = (a: AnnualPlanGroup, b: AnnualPlanGroup) =>
  b.currentYuan - a.currentYuan || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN');

/**
 * The district's annual plan of a year as the page and the sheet show it: every project with a plan (its current
 * version beside the frozen baseline), sums by lead unit, category and month and in all, and who has not entered
 * theirs. Every figure is read through the project list's scoped condition with the year, as the ledger's rows are,
 * so the total is the ledger's annual-plan total for the same reader.
 */
export async function annualPlanTable(db: Executor, actor: Actor, filter: AnnualPlanFilter, locale: Locale): Promise<AnnualPlanTable> {
  const [records, owing, region] = await Promise.all([
    annualPlanRows(db, actor, filter, locale),
    projectsWithoutPlan(db, actor, filter),
    filter.regionCode ? districtOf(db, filter.regionCode) : null,
  ]);
  const categoryOrder = new Map<string | null, number>();
  const items: AnnualPlanTableRow[] = records.map((r) => {
    categoryOrder.set(r.categoryCode, r.categoryOrder ?? Number.MAX_SAFE_INTEGER);
    return {
      projectId: r.projectId,
      name: r.name,
      pool: r.pool,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitName,
      categoryCode: r.categoryCode,
      categoryName: r.categoryName,
      versionNo: r.versionNo,
      frozen: r.frozenAt !== null,
      baselineYuan: r.baselineYuan,
      currentYuan: r.currentYuan,
      changeYuan: r.baselineYuan === null ? null : r.currentYuan - r.baselineYuan,
      reason: r.reason,
      monthlyYuan: Array.from({ length: 12 }, (_, i) => Number(r.monthlyYuan[i] ?? 0)),
    };
  });
  const total = sumPlans(null, null, items);
  let cumulative = 0;
  const byMonth = total.monthlyYuan.map((plannedYuan, i) => {
    cumulative += plannedYuan;
    return { month: i + 1, plannedYuan, cumulativeYuan: cumulative };
  });
  const missing = new Map<string, AnnualPlanTable['missing'][number]>();
  for (const p of owing) {
    const unit = missing.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, projects: [] };
    unit.projects.push({ id: p.id, name: p.name, pool: p.pool, plannedStart: p.plannedStart });
    missing.set(p.unitId, unit);
  }
  const rank = (g: AnnualPlanGroup) => categoryOrder.get(g.key) ?? Number.MAX_SAFE_INTEGER;
  return {
    year: filter.year,
    regionName: (region ?? (await actorHomeRegion(db, actor))).name,
    items,
    total: { ...total, adjustedCount: items.filter((row) => row.versionNo > 1).length },
    byUnit: groupBy(items, (row) => [row.leadUnitId, row.leadUnitName]).sort(byCurrent),
    // Categories in the dictionary's order, those without one last.
    byCategory: groupBy(items, (row) => [row.categoryCode, row.categoryName]).sort((a, b) => rank(a) - rank(b) || byCurrent(a, b)),
    byMonth,
    missing: [...missing.values()].sort((a, b) => b.projects.length - a.projects.length || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    missingCount: owing.length,
  };
}
