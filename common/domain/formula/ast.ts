/*
 * The shape of a parsed formula. Every node knows where it stands in the text (`start`, `end`: 0-based UTF-16
 * offsets), so errors and explanations can point at it. Plain data: it can be stored and sent as JSON.
 */
export type Span = { start: number; end: number };

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

/** The plain functions; `tier`, `count_projects` and `sum` have nodes of their own. */
export const PLAIN_FUNCTIONS = ['min', 'max', 'if', 'round', 'abs'] as const;
export type PlainFunction = (typeof PLAIN_FUNCTIONS)[number];
export const AGGREGATE_FUNCTIONS = ['count_projects', 'sum'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** A project filter, as the host's `aggregate` receives it: fields are the catalogue's English names. */
export type ProjectFilter =
  | { op: 'and' | 'or'; left: ProjectFilter; right: ProjectFilter }
  | { op: 'not'; operand: ProjectFilter }
  | { op: 'compare'; field: string; comparison: ComparisonOperator; value: number | string | boolean };

export type FormulaNode = Span &
  (
    | { type: 'number'; value: number }
    | { type: 'boolean'; value: boolean }
    | { type: 'variable'; name: string }
    | { type: 'unary'; operator: '-' | 'not'; operand: FormulaNode }
    | { type: 'binary'; operator: BinaryOperator; operatorStart: number; left: FormulaNode; right: FormulaNode }
    | { type: 'call'; name: PlainFunction; args: FormulaNode[] }
    | { type: 'tier'; value: FormulaNode; tiers: (Span & { bound: FormulaNode; points: FormulaNode })[] }
    | { type: 'aggregate'; name: AggregateFunction; field: string | null; filter: ProjectFilter | null }
  );
