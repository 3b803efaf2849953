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
import { type UnitProject, unitMonthInputs, unitProjectField } from './variables';

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
    const variables = { ...input.variables, ...input.figures };
    const group = groupOf?.get(unit.id) ?? null;
    const tag = { unitId: unit.id, unitName: unit.name, group, groupName: group === null ? null : (groups?.[group]?.name ?? null) };
    try {
      const result = evaluateFormula(parsed, { variables: formulaEnvironment(input.variables), aggregate: aggregateOver(input.projects) });
      return { ...tag, result, error: null, variables };
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      return { ...tag, result: null, error, variables };
    }
  });
}

/** A term as stored and answered: its text, sign, signed points and inputs (a variable's name, an aggregate's text). */
export const termsOf = (result: FormulaResult | null) =>
  (result?.terms ?? []).map((term) => ({
    text: term.text,
    sign: term.sign,
    value: term.value,
    inputs: term.inputs.map((i) => ({ kind: i.kind, name: i.kind === 'variable' ? i.name : i.text, value: i.value })),
  }));
