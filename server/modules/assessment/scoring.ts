import { and, asc, eq, like, sql } from 'drizzle-orm';
import {
  type AggregateQuery,
  FORMULA_VARIABLE_NAMES,
  FormulaError,
  type FormulaResult,
  type ParsedFormula,
  evaluateFormula,
  formulaEnvironment,
  matchesProjectFilter,
  parseFormula,
} from '../../../common/domain/formula';
import { type RankingGroup, resolveRankingGroups } from '../../../common/domain/ranking-groups';
import type { Executor } from '../../db/client';
import { regions, units } from '../../db/schema';
import type { ScoringRegion } from './region';
import { type UnitMonthInputs, type UnitProject, groupMonthInputs, unitMonthInputs, unitProjectField } from './variables';

/** A formula refused when parsed (syntax, unknown variable, bounds): answered 422 with its line and column. */
export class FormulaRefused extends Error {
  constructor(readonly formulaError: FormulaError) {
    super('formula refused');
  }
}

/** Parses a formula against the catalogue of variables, or throws FormulaRefused. */
export function parseOrRefuse(formula: string): ParsedFormula {
  try {
    return parseFormula(formula, { variables: FORMULA_VARIABLE_NAMES });
  } catch (error) {
    if (error instanceof FormulaError) throw new FormulaRefused(error);
    throw error;
  }
}

/** count_projects(filter) counts the unit's projects the filter keeps; sum(field, filter) adds their field. */
function aggregateOver(projects: UnitProject[]) {
  return (query: AggregateQuery): number => {
    let total = 0;
    for (const project of projects) {
      if (!matchesProjectFilter(query.filter, (name) => unitProjectField(project, name))) continue;
      total += query.name === 'count_projects' ? 1 : Number(unitProjectField(project, query.field ?? '')) || 0;
    }
    return total;
  };
}

/** The units of a district (its own and its streets'), by name. */
export async function districtUnits(db: Executor, districtPath: string) {
  return db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(sql`exists (select 1 from regions r where r.code = ${units.regionCode} and r.path like ${`${districtPath}%`})`)
    .orderBy(asc(units.name), asc(units.id));
}

export type UnitScore = {
  unitId: string;
  unitName: string;
  /** The unit's ranking group (index into the rule's groups, and its name); null when the rule has no groups. */
  group: number | null;
  groupName: string | null;
  /** The value and its terms, or null when the formula failed for the unit (`error` says why). */
  result: FormulaResult | null;
  error: FormulaError | null;
  /** The catalogue variables and, beside them, the figures behind the ratios (FIGURE_NAMES), as stored. */
  variables: Record<string, number>;
};

/**
 * Evaluates a parsed formula for the units a rule assesses on a month's variables: every unit of the district when the
 * rule has no groups, else the members of its groups (each tagged with its group; units in no group are left out).
 * A unit's formula error is its own.
 */
export async function scoreDistrictUnits(
  db: Executor,
  districtPath: string,
  parsed: ParsedFormula,
  year: number,
  month: number,
  groups: readonly RankingGroup[] | null = null,
) {
  const allUnits = await districtUnits(db, districtPath);
  const groupOf = groups ? resolveRankingGroups(groups, allUnits).groupOf : null;
  const unitRows = groupOf ? allUnits.filter((u) => groupOf.has(u.id)) : allUnits;
  const inputs = await unitMonthInputs(
    db,
    unitRows.map((u) => u.id),
    year,
    month,
  );
  return unitRows.map((unit): UnitScore => {
    const input = inputs.get(unit.id);
    if (!input) throw new Error(`no inputs for unit ${unit.id}`);
    const group = groupOf?.get(unit.id) ?? null;
    const tag = { unitId: unit.id, unitName: unit.name, group, groupName: group === null ? null : (groups?.[group]?.name ?? null) };
    return { ...tag, ...evaluateOn(parsed, input), variables: { ...input.variables, ...input.figures } };
  });
}

/** The formula on one line's inputs: its value and terms, or the formula error that is the line's own. */
function evaluateOn(parsed: ParsedFormula, input: UnitMonthInputs): Pick<UnitScore, 'result' | 'error'> {
  try {
    const result = evaluateFormula(parsed, { variables: formulaEnvironment(input.variables), aggregate: aggregateOver(input.projects) });
    return { result, error: null };
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return { result: null, error };
  }
}

/**
 * The districts under a city or province, each with the unit its ranking line is kept under: the district's own
 * top unit (its 人民政府 in the demo — the body a city assesses), else its first unit by level, order and name. A
 * district with no unit at all has nothing to score and is left out. By code.
 */
async function regionDistricts(db: Executor, regionPath: string) {
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      // The outer row is named in full: drizzle leaves its own columns unqualified, ambiguous inside the subquery.
      unitId: sql<string | null>`(select u.id from units u join regions ur on ur.code = u.region_code
        where ur.path like regions.path || '%'
        order by (u.region_code = regions.code) desc, (u.parent_id is null) desc, u.sort_order, u.name, u.id
        limit 1)`,
    })
    .from(regions)
    .where(and(eq(regions.level, 'district'), like(regions.path, `${regionPath}%`)))
    .orderBy(asc(regions.code));
  return rows.flatMap((r) => (r.unitId ? [{ code: r.code, name: r.name, path: r.path, unitId: r.unitId }] : []));
}

/**
 * A city's or province's ranking lines: each district of it scored on its month inputs — the sums over every unit
 * of the district (groupMonthInputs) —, under the district's unit and name. The stored variables carry the duty
 * counts and how many units were summed beside the figures, so a district's ratio can be read back to its sums.
 */
async function scoreRegionDistricts(db: Executor, regionPath: string, parsed: ParsedFormula, year: number, month: number) {
  const districts = await regionDistricts(db, regionPath);
  const unitsOf = new Map<string, string[]>();
  for (const district of districts)
    unitsOf.set(
      district.code,
      (await districtUnits(db, district.path)).map((u) => u.id),
    );
  const inputs = await groupMonthInputs(
    db,
    districts.map((d) => ({ key: d.code, unitIds: unitsOf.get(d.code) ?? [] })),
    year,
    month,
  );
  return districts.map((district): UnitScore => {
    const input = inputs.get(district.code);
    if (!input) throw new Error(`no inputs for district ${district.code}`);
    const variables = { ...input.variables, ...input.figures, ...input.counts, units: unitsOf.get(district.code)?.length ?? 0 };
    return { unitId: district.unitId, unitName: district.name, group: null, groupName: null, ...evaluateOn(parsed, input), variables };
  });
}

/** The lines a region's rule scores: a district's units (in its groups), or a city's or province's districts. */
export function scoreRegion(
  db: Executor,
  region: ScoringRegion,
  parsed: ParsedFormula,
  year: number,
  month: number,
  groups: readonly RankingGroup[] | null = null,
) {
  if (region.level === 'district') return scoreDistrictUnits(db, region.path, parsed, year, month, groups);
  return scoreRegionDistricts(db, region.path, parsed, year, month);
}

/** A term as stored and answered: its text, sign, signed points and inputs (a variable's name, an aggregate's text). */
export const termsOf = (result: FormulaResult | null) =>
  (result?.terms ?? []).map((term) => ({
    text: term.text,
    sign: term.sign,
    value: term.value,
    inputs: term.inputs.map((i) => ({ kind: i.kind, name: i.kind === 'variable' ? i.name : i.text, value: i.value })),
  }));
