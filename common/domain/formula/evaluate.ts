import type { AggregateFunction, FormulaNode, ProjectFilter } from './ast';
import { FormulaError } from './errors';
import { type ParsedFormula, parseFormula } from './parse';

/*
 * Evaluates a parsed formula over an environment. Variables are looked up in a Map or in an object's own keys only,
 * so `constructor`, `__proto__` and `toString` are unknown variables like any other name; nothing reaches a host
 * object, `eval`, `Function` or a global. Values are numbers or booleans (comparisons, and/or/not), never mixed:
 * adding a condition is a `not_a_number` error at the condition's column. Steps are counted and bounded.
 *
 * The result is explained: a formula that is a sum of terms (a + b − c …, read left to right) lists each term with
 * its text, its sign, its inputs (the variables and project counts it used, with their values) and its signed value;
 * the terms add up to the value exactly as the formula computes it. Any other formula is one term.
 */
export const MAX_STEPS = 10_000;

export type FormulaValue = number | boolean;

/** What the host is asked by count_projects(…) and sum(…): the function, the field summed and the filter. */
export type AggregateQuery = { name: AggregateFunction; field: string | null; filter: ProjectFilter | null; text: string };

export type FormulaEnvironment = {
  variables: ReadonlyMap<string, FormulaValue> | Readonly<Record<string, FormulaValue>>;
  /** Counts or sums the unit's projects; without it count_projects and sum are refused. Errors it throws pass through. */
  aggregate?: (query: AggregateQuery) => number;
};

export type ExplainedInput = { kind: 'variable'; name: string; value: FormulaValue } | { kind: 'aggregate'; text: string; value: number };

export type ExplainedTerm = {
  /** The term as written (without its leading + or −). */
  text: string;
  start: number;
  end: number;
  sign: 1 | -1;
  inputs: ExplainedInput[];
  /** The term's contribution, sign included. */
  value: number;
};

export type FormulaResult = { value: number; terms: ExplainedTerm[] };

class Evaluator {
  private steps = 0;
  private inputs: ExplainedInput[] = [];

  constructor(
    private readonly source: string,
    private readonly environment: FormulaEnvironment,
  ) {}

  private step(node: FormulaNode): void {
    this.steps += 1;
    if (this.steps > MAX_STEPS) throw new FormulaError('too_many_steps', this.source, node.start, { max: MAX_STEPS });
  }

  private finite(value: number, node: FormulaNode): number {
    if (!Number.isFinite(value)) throw new FormulaError('out_of_range', this.source, node.start);
    return value;
  }

  number(node: FormulaNode): number {
    const value = this.value(node);
    if (typeof value !== 'number') throw new FormulaError('not_a_number', this.source, node.start);
    return value;
  }

  private boolean(node: FormulaNode): boolean {
    const value = this.value(node);
    if (typeof value !== 'boolean') throw new FormulaError('not_a_boolean', this.source, node.start);
    return value;
  }

  private variable(name: string, node: FormulaNode): FormulaValue {
    const variables = this.environment.variables;
    let value: unknown;
    if (variables instanceof Map) value = variables.get(name);
    else if (Object.hasOwn(variables, name)) value = (variables as Readonly<Record<string, FormulaValue>>)[name];
    if (value === undefined) throw new FormulaError('unknown_variable', this.source, node.start, { name });
    if (typeof value === 'number') this.finite(value, node);
    else if (typeof value !== 'boolean') throw new FormulaError('not_a_number', this.source, node.start);
    if (!this.inputs.some((input) => input.kind === 'variable' && input.name === name)) this.inputs.push({ kind: 'variable', name, value });
    return value;
  }

  value(node: FormulaNode): FormulaValue {
    this.step(node);
    switch (node.type) {
      case 'number':
      case 'boolean':
        return node.value;
      case 'variable':
        return this.variable(node.name, node);
      case 'unary':
        return node.operator === '-' ? -this.number(node.operand) : !this.boolean(node.operand);
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
      case 'tier':
        return this.tier(node);
      case 'aggregate':
        return this.aggregate(node);
    }
  }

  private binary(node: Extract<FormulaNode, { type: 'binary' }>): FormulaValue {
    const { operator, left, right } = node;
    if (operator === 'and') return this.boolean(left) && this.boolean(right);
    if (operator === 'or') return this.boolean(left) || this.boolean(right);
    if (operator === '=' || operator === '!=') {
      const a = this.value(left);
      const b = this.value(right);
      if (typeof a !== typeof b) throw new FormulaError(typeof a === 'number' ? 'not_a_number' : 'not_a_boolean', this.source, right.start);
      return operator === '=' ? a === b : a !== b;
    }
    const a = this.number(left);
    const b = this.number(right);
    switch (operator) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
      case '+':
        return this.finite(a + b, node);
      case '-':
        return this.finite(a - b, node);
      case '*':
        return this.finite(a * b, node);
      case '/':
        if (b === 0) throw new FormulaError('division_by_zero', this.source, node.operatorStart);
        return this.finite(a / b, node);
    }
  }

  private call(node: Extract<FormulaNode, { type: 'call' }>): FormulaValue {
    const [first, second, third] = node.args as [FormulaNode, FormulaNode?, FormulaNode?];
    switch (node.name) {
      case 'if':
        return this.boolean(first) ? this.value(second as FormulaNode) : this.value(third as FormulaNode);
      case 'min':
        return Math.min(...node.args.map((arg) => this.number(arg)));
      case 'max':
        return Math.max(...node.args.map((arg) => this.number(arg)));
      case 'abs':
        return Math.abs(this.number(first));
      case 'round': {
        const x = this.number(first);
        const places = second ? this.number(second) : 0;
        if (!Number.isInteger(places) || places < 0 || places > 10)
          throw new FormulaError('out_of_range', this.source, (second as FormulaNode).start);
        return this.finite(roundHalfAwayFromZero(x, places), node);
      }
    }
  }

  private tier(node: Extract<FormulaNode, { type: 'tier' }>): number {
    const x = this.number(node.value);
    let points = 0;
    let previous = Number.NEGATIVE_INFINITY;
    for (const tier of node.tiers) {
      const bound = this.number(tier.bound);
      if (bound <= previous) throw new FormulaError('bad_tiers', this.source, tier.start);
      previous = bound;
      const tierPoints = this.number(tier.points);
      if (x >= bound) points = tierPoints;
    }
    return points;
  }

  private aggregate(node: Extract<FormulaNode, { type: 'aggregate' }>): number {
    const text = this.source.slice(node.start, node.end);
    if (!this.environment.aggregate) throw new FormulaError('aggregate_unavailable', this.source, node.start, { name: node.name });
    const value = this.environment.aggregate({ name: node.name, field: node.field, filter: node.filter, text });
    if (typeof value !== 'number') throw new FormulaError('not_a_number', this.source, node.start);
    this.finite(value, node);
    this.inputs.push({ kind: 'aggregate', text, value });
    return value;
  }

  /** The terms of a sum read left to right: a + b − c is a, +b, −c; a bracketed sum stays one term. */
  terms(node: FormulaNode): { node: FormulaNode; sign: 1 | -1 }[] {
    const terms: { node: FormulaNode; sign: 1 | -1 }[] = [];
    let current = node;
    while (current.type === 'binary' && (current.operator === '+' || current.operator === '-')) {
      terms.unshift({ node: current.right, sign: current.operator === '+' ? 1 : -1 });
      current = current.left;
    }
    terms.unshift({ node: current, sign: 1 });
    return terms;
  }

  explain(ast: FormulaNode): FormulaResult {
    let total = 0;
    const explained: ExplainedTerm[] = [];
    this.terms(ast).forEach(({ node, sign }, index) => {
      this.inputs = [];
      const value = this.number(node);
      const signed = sign === 1 ? value : -value;
      // The first term is the start of the sum; the others are added or taken away as the formula does.
      total = index === 0 ? value : sign === 1 ? total + value : total - value;
      this.finite(total, ast);
      explained.push({
        text: this.source.slice(node.start, node.end),
        start: node.start,
        end: node.end,
        sign,
        inputs: this.inputs,
        value: signed === 0 ? 0 : signed,
      });
    });
    return { value: total, terms: explained };
  }
}

function roundHalfAwayFromZero(x: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Math.abs(x) * factor;
  // Nudge by the float error of the scaling, so 1.005 at 2 places rounds to 1.01 as people expect.
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return x < 0 ? -rounded : rounded;
}

/**
 * Evaluates a formula (text or parsed) to a number with its term-by-term explanation. Throws FormulaError only,
 * unless the host's `aggregate` throws.
 */
export function evaluateFormula(formula: string | ParsedFormula, environment: FormulaEnvironment): FormulaResult {
  const parsed = typeof formula === 'string' ? parseFormula(formula) : formula;
  return new Evaluator(parsed.text, environment).explain(parsed.ast);
}
