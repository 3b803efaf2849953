// The scoring formula language (issue 15): a small safe expression language for a district's assessment rules.
// Docs for the project office: docs/formulas.md. The face:
//
//   parseFormula(text, { variables? })      → ParsedFormula (AST as JSON-able data) | throws FormulaError
//   evaluateFormula(text | parsed, env)     → { value, terms: ExplainedTerm[] } | throws FormulaError
//   formulaErrorMessage(error, locale)      the error's message in zh-CN / en-US (error.offset, .line, .column)
//   matchesProjectFilter(filter, field)     for a host counting projects in memory
//   FORMULA_VARIABLES, formulaEnvironment(values), PROJECT_FILTER_FIELDS, DEMO_FORMULA
export type { AggregateFunction, FormulaNode, ProjectFilter } from './ast';
export { FORMULA_ERROR_CODES, FormulaError, type FormulaErrorCode, formulaErrorMessage } from './errors';
export {
  type AggregateQuery,
  type ExplainedInput,
  type ExplainedTerm,
  evaluateFormula,
  type FormulaEnvironment,
  type FormulaResult,
  type FormulaValue,
  MAX_STEPS,
} from './evaluate';
export { matchesProjectFilter, type ProjectFieldValue } from './filter';
export { MAX_DEPTH, MAX_NODES, type ParsedFormula, type ParseOptions, parseFormula } from './parse';
export { MAX_FORMULA_LENGTH } from './tokenize';
export {
  DEMO_FORMULA,
  FORMULA_VARIABLE_NAMES,
  FORMULA_VARIABLES,
  type FormulaVariable,
  type FormulaVariableName,
  formulaEnvironment,
  formulaVariable,
  PROJECT_FILTER_FIELDS,
  type ProjectField,
  projectField,
} from './variables';
