import { asc, sql } from 'drizzle-orm';
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
import { units } from '../../db/schema';
import { type RegionWithUnit, regionsBelow } from '../regions';
import type { ScoringRegion } from './region';
import { type UnitMonthInputs, type UnitProject, groupMonthInputs, sumMonthInputs, unitMonthInputs, unitProjectField } from './variables';

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

/** The stored variables of a summed line: the figures, the duty counts and how many units were summed beside them. */
const summedVariables = (input: UnitMonthInputs, units: number) => ({ ...input.variables, ...input.figures, ...input.counts, units });

/**
 * A city's ranking lines: each district of it scored on its month inputs — the sums over every unit of the district
 * (groupMonthInputs) —, under the district's unit and name. A province's: each city of it scored on the sums over its
 * districts' sums (sumMonthInputs again: a city's ratio is a ratio of its districts' summed figures), under the city's
 * unit and name. The stored variables carry the duty counts and how many units were summed beside the figures, so a
 * line's ratio can be read back to its sums.
 */
async function scoreRegionParts(db: Executor, region: ScoringRegion, parsed: ParsedFormula, year: number, month: number) {
  const districts = await regionsBelow(db, region.path, 'district');
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
  const inputOf = (code: string) => {
    const input = inputs.get(code);
    if (!input) throw new Error(`no inputs for district ${code}`);
    return input;
  };
  const line = (part: RegionWithUnit, input: UnitMonthInputs, units: number): UnitScore => ({
    unitId: part.unitId,
    unitName: part.name,
    group: null,
    groupName: null,
    ...evaluateOn(parsed, input),
    variables: summedVariables(input, units),
  });
  if (region.level === 'city')
    return districts.map((district) => line(district, inputOf(district.code), unitsOf.get(district.code)?.length ?? 0));
  // A province ranks its cities: a city with no district of units has nothing to score and is left out.
  const cities = await regionsBelow(db, region.path, 'city');
  return cities.flatMap((city) => {
    const own = districts.filter((d) => d.path.startsWith(city.path));
    if (!own.length) return [];
    const summed = sumMonthInputs(own.map((d) => inputOf(d.code)));
    return [
      line(
        city,
        summed,
        own.reduce((n, d) => n + (unitsOf.get(d.code)?.length ?? 0), 0),
      ),
    ];
  });
}

/** The lines a region's rule scores: a district's units (in its groups), a city's districts, or a province's cities. */
export function scoreRegion(
  db: Executor,
  region: ScoringRegion,
  parsed: ParsedFormula,
  year: number,
  month: number,
  groups: readonly RankingGroup[] | null = null,
) {
  if (region.level === 'district') return scoreDistrictUnits(db, region.path, parsed, year, month, groups);
  return scoreRegionParts(db, region, parsed, year, month);
}

/** A term as stored and answered: its text, sign, signed points and inputs (a variable's name, an aggregate's text). */
export const termsOf = (result: FormulaResult | null) =>
  (result?.terms ?? []).map((term) => ({
    text: term.text,
    sign: term.sign,
    value: term.value,
    inputs: term.inputs.map((i) => ({ kind: i.kind, name: i.kind === 'variable' ? i.name : i.text, value: i.value })),
  }));
