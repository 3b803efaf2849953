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
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(sql`exists (select 1 from regions r where r.code = ${units.regionCode} and r.path like ${`${districtPath}%`})`)
    .orderBy(asc(units.name), asc(units.id));
}

export type UnitScore = {
  unitId: string;
  unitName: string;
  /** The value and its terms, or null when the formula failed for the unit (`error` says why). */
  result: FormulaResult | null;
  error: FormulaError | null;
  /** The catalogue variables and, beside them, the figures behind the ratios (FIGURE_NAMES), as stored. */
  variables: Record<string, number>;
};

/** Evaluates a parsed formula for every unit of a district on a month's variables; a unit's formula error is its own. */
export async function scoreDistrictUnits(db: Executor, districtPath: string, parsed: ParsedFormula, year: number, month: number) {
  const unitRows = await districtUnits(db, districtPath);
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
    try {
      const result = evaluateFormula(parsed, { variables: formulaEnvironment(input.variables), aggregate: aggregateOver(input.projects) });
      return { unitId: unit.id, unitName: unit.name, result, error: null, variables };
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      return { unitId: unit.id, unitName: unit.name, result: null, error, variables };
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
