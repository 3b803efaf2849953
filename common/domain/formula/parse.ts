import {
  AGGREGATE_FUNCTIONS,
  type AggregateFunction,
  type BinaryOperator,
  type ComparisonOperator,
  type FormulaNode,
  PLAIN_FUNCTIONS,
  type PlainFunction,
  type ProjectFilter,
  type Span,
} from './ast';
import { FormulaError } from './errors';
import { type Token, tokenize } from './tokenize';
import { projectField } from './variables';

/*
 * Tokens → AST by precedence climbing (a Pratt parser). Loosest to tightest: or, and, not, comparisons (not
 * chained), + -, * /, unary minus. Function calls are checked here — name and number of arguments — and the
 * filters of count_projects / sum are read into ProjectFilter data. Depth and node count are bounded, so a
 * hostile formula is refused before anything is evaluated.
 */
export const MAX_DEPTH = 64;
export const MAX_NODES = 1000;

export type ParseOptions = {
  /** The variables a formula may name; when given, any other name is refused at parse time, with its column. */
  variables?: Iterable<string>;
};

export type ParsedFormula = {
  text: string;
  ast: FormulaNode;
  nodeCount: number;
  /** The variables the formula names, in order of first use. */
  variables: string[];
};

const COMPARISONS = new Set<string>(['<', '<=', '>', '>=', '=', '!=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const ARITY: Record<PlainFunction, { min: number; max: number; expected: string }> = {
  min: { min: 1, max: 50, expected: '≥1' },
  max: { min: 1, max: 50, expected: '≥1' },
  if: { min: 3, max: 3, expected: '3' },
  round: { min: 1, max: 2, expected: '1–2' },
  abs: { min: 1, max: 1, expected: '1' },
};
const isPlainFunction = (name: string): name is PlainFunction => (PLAIN_FUNCTIONS as readonly string[]).includes(name);
const isAggregateFunction = (name: string): name is AggregateFunction => (AGGREGATE_FUNCTIONS as readonly string[]).includes(name);

type Infix = { power: number; operator: BinaryOperator };

function infixOf(token: Token): Infix | null {
  if (token.kind === 'identifier' && token.value === 'or') return { power: 1, operator: 'or' };
  if (token.kind === 'identifier' && token.value === 'and') return { power: 2, operator: 'and' };
  if (token.kind !== 'operator') return null;
  const op = String(token.value);
  if (COMPARISONS.has(op)) return { power: 4, operator: op as ComparisonOperator };
  if (op === '+' || op === '-') return { power: 5, operator: op };
  if (op === '*' || op === '/') return { power: 6, operator: op };
  return null;
}

class Parser {
  private at = 0;
  private depth = 0;
  nodeCount = 0;
  readonly variables: string[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly known: ReadonlySet<string> | null,
  ) {}

  private get token(): Token {
    return this.tokens[this.at] as Token;
  }

  private fail(expected: string, token: Token = this.token): never {
    if (token.kind === 'end') throw new FormulaError('unexpected_end', this.source, token.start, { expected });
    throw new FormulaError('unexpected_token', this.source, token.start, { found: token.text, expected });
  }

  private atEnd(): boolean {
    return this.token.kind === 'end';
  }

  private isOperator(value: string): boolean {
    return this.token.kind === 'operator' && this.token.value === value;
  }

  private isWord(value: string): boolean {
    return this.token.kind === 'identifier' && this.token.value === value;
  }

  private expectOperator(value: string, expected: string): Token {
    if (!this.isOperator(value)) this.fail(expected);
    return this.tokens[this.at++] as Token;
  }

  private node(node: FormulaNode): FormulaNode {
    this.nodeCount += 1;
    if (this.nodeCount > MAX_NODES) throw new FormulaError('too_many_nodes', this.source, node.start, { max: MAX_NODES });
    return node;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new FormulaError('too_deep', this.source, this.token.start, { max: MAX_DEPTH });
  }

  parseFormula(): FormulaNode {
    if (this.atEnd()) throw new FormulaError('empty', this.source, 0);
    const ast = this.expression(0);
    if (!this.atEnd()) this.fail(infixOf(this.token) ? 'value' : 'operator');
    return ast;
  }

  private expression(minPower: number): FormulaNode {
    this.enter();
    let left = this.prefix();
    for (;;) {
      const infix = infixOf(this.token);
      if (!infix || infix.power <= minPower) break;
      const operator = this.tokens[this.at++] as Token;
      const right = this.expression(infix.power);
      left = this.node({
        type: 'binary',
        operator: infix.operator,
        operatorStart: operator.start,
        left,
        right,
        start: left.start,
        end: right.end,
      });
      // Comparisons do not chain: 1 < x < 3 is refused at its second sign.
      if (infix.power === 4 && infixOf(this.token)?.power === 4) this.fail('operator');
    }
    this.depth -= 1;
    return left;
  }

  private prefix(): FormulaNode {
    const token = this.token;
    if (token.kind === 'number') {
      this.at += 1;
      return this.node({ type: 'number', value: token.value as number, start: token.start, end: token.end });
    }
    if (token.kind === 'text') throw new FormulaError('misplaced_text', this.source, token.start);
    if (token.kind === 'operator') {
      if (token.value === '-') {
        this.at += 1;
        this.enter();
        const operand = this.expression(6);
        this.depth -= 1;
        return this.node({ type: 'unary', operator: '-', operand, start: token.start, end: operand.end });
      }
      if (token.value === '+') {
        this.at += 1;
        return this.expression(6);
      }
      if (token.value === '(') {
        this.at += 1;
        const inner = this.expression(0);
        const close = this.expectOperator(')', 'close_paren');
        return { ...inner, start: token.start, end: close.end };
      }
      if (token.value === '[') throw new FormulaError('misplaced_list', this.source, token.start);
      this.fail('value');
    }
    if (token.kind === 'identifier') {
      const name = String(token.value);
      this.at += 1;
      if (name === 'true' || name === 'false')
        return this.node({ type: 'boolean', value: name === 'true', start: token.start, end: token.end });
      if (name === 'not') {
        const operand = this.expression(3);
        return this.node({ type: 'unary', operator: 'not', operand, start: token.start, end: operand.end });
      }
      if (KEYWORDS.has(name)) this.fail('value', token);
      if (this.isOperator('(')) return this.call(token);
      if (this.known && !this.known.has(name)) throw new FormulaError('unknown_variable', this.source, token.start, { name });
      if (!this.variables.includes(name)) this.variables.push(name);
      return this.node({ type: 'variable', name, start: token.start, end: token.end });
    }
    return this.fail('value');
  }

  private call(nameToken: Token): FormulaNode {
    const name = String(nameToken.value);
    if (name === 'tier') return this.tier(nameToken);
    if (isAggregateFunction(name)) return this.aggregate(nameToken, name);
    if (!isPlainFunction(name)) throw new FormulaError('unknown_function', this.source, nameToken.start, { name });
    this.at += 1; // (
    const args: FormulaNode[] = [];
    if (!this.isOperator(')')) {
      for (;;) {
        args.push(this.expression(0));
        if (!this.isOperator(',')) break;
        this.at += 1;
      }
    }
    const close = this.expectOperator(')', args.length ? 'close_paren' : 'value');
    const arity = ARITY[name];
    if (args.length < arity.min || args.length > arity.max) {
      throw new FormulaError('wrong_argument_count', this.source, nameToken.start, { name, expected: arity.expected, found: args.length });
    }
    return this.node({ type: 'call', name, args, start: nameToken.start, end: close.end });
  }

  /** tier(x, [bound, points], …): the points of the highest bound x reaches, 0 below the first. */
  private tier(nameToken: Token): FormulaNode {
    this.at += 1; // (
    const value = this.expression(0);
    const tiers: (Span & { bound: FormulaNode; points: FormulaNode })[] = [];
    while (this.isOperator(',')) {
      this.at += 1;
      if (!this.isOperator('[')) throw new FormulaError('bad_tiers', this.source, this.token.start);
      const open = this.tokens[this.at++] as Token;
      const bound = this.expression(0);
      this.expectOperator(',', 'comma');
      const points = this.expression(0);
      const close = this.expectOperator(']', 'close_bracket');
      tiers.push({ bound, points, start: open.start, end: close.end });
    }
    const close = this.expectOperator(')', 'close_paren');
    if (tiers.length === 0)
      throw new FormulaError('wrong_argument_count', this.source, nameToken.start, { name: 'tier', expected: '≥2', found: 1 });
    return this.node({ type: 'tier', value, tiers, start: nameToken.start, end: close.end });
  }

  /** count_projects(filter?) and sum(field, filter?): the host counts or adds up the projects the filter keeps. */
  private aggregate(nameToken: Token, name: AggregateFunction): FormulaNode {
    this.at += 1; // (
    let field: string | null = null;
    if (name === 'sum') {
      const fieldToken = this.token;
      if (fieldToken.kind !== 'identifier') throw new FormulaError('bad_filter', this.source, fieldToken.start);
      const known = projectField(String(fieldToken.value));
      if (!known) throw new FormulaError('unknown_field', this.source, fieldToken.start, { name: String(fieldToken.value) });
      if (known.type !== 'number') throw new FormulaError('not_a_number', this.source, fieldToken.start);
      field = known.name;
      this.at += 1;
      if (this.isOperator(',')) this.at += 1;
      else if (!this.isOperator(')')) this.fail('comma');
    }
    const filter = this.isOperator(')') ? null : this.filter(0);
    if (filter === null && name === 'sum' && this.tokens[this.at - 1]?.value === ',') this.fail('value');
    if (!this.isOperator(')')) {
      if (this.isOperator(',')) {
        const found = (name === 'sum' ? 2 : 1) + 1;
        throw new FormulaError('wrong_argument_count', this.source, nameToken.start, {
          name,
          expected: name === 'sum' ? '1–2' : '0–1',
          found,
        });
      }
      this.fail('close_paren');
    }
    const close = this.tokens[this.at++] as Token;
    return this.node({ type: 'aggregate', name, field, filter, start: nameToken.start, end: close.end });
  }

  /** filter := or of ands of [not] (comparison | ( filter )); comparison := field op literal. */
  private filter(minPower: number): ProjectFilter {
    this.enter();
    let left = this.filterOperand();
    for (;;) {
      const word = this.isWord('or') ? 'or' : this.isWord('and') ? 'and' : null;
      const power = word === 'or' ? 1 : word === 'and' ? 2 : 0;
      if (!word || power <= minPower) break;
      this.at += 1;
      const right = this.filter(power);
      left = { op: word, left, right };
    }
    this.depth -= 1;
    return left;
  }

  private filterOperand(): ProjectFilter {
    this.nodeCount += 1;
    if (this.nodeCount > MAX_NODES) throw new FormulaError('too_many_nodes', this.source, this.token.start, { max: MAX_NODES });
    if (this.isWord('not')) {
      this.at += 1;
      this.enter();
      const operand = this.filterOperand();
      this.depth -= 1;
      return { op: 'not', operand };
    }
    if (this.isOperator('(')) {
      this.at += 1;
      const inner = this.filter(0);
      this.expectOperator(')', 'close_paren');
      return inner;
    }
    const fieldToken = this.token;
    if (fieldToken.kind !== 'identifier' || KEYWORDS.has(String(fieldToken.value)))
      throw new FormulaError('bad_filter', this.source, fieldToken.start);
    const field = projectField(String(fieldToken.value));
    if (!field) throw new FormulaError('unknown_field', this.source, fieldToken.start, { name: String(fieldToken.value) });
    this.at += 1;
    const operatorToken = this.token;
    if (operatorToken.kind !== 'operator' || !COMPARISONS.has(String(operatorToken.value)))
      throw new FormulaError('bad_filter', this.source, operatorToken.start);
    this.at += 1;
    const comparison = operatorToken.value as ComparisonOperator;
    const value = this.filterLiteral();
    const wanted = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
    const ordered = comparison !== '=' && comparison !== '!=';
    if (typeof value !== wanted || (ordered && wanted !== 'number')) throw new FormulaError('bad_filter', this.source, operatorToken.start);
    return { op: 'compare', field: field.name, comparison, value };
  }

  private filterLiteral(): number | string | boolean {
    const token = this.token;
    const negative = this.isOperator('-');
    const literal = negative ? (this.tokens[this.at + 1] as Token) : token;
    if (literal.kind === 'number') {
      this.at += negative ? 2 : 1;
      return negative ? -(literal.value as number) : (literal.value as number);
    }
    if (negative) throw new FormulaError('bad_filter', this.source, literal.start);
    if (token.kind === 'text') {
      this.at += 1;
      return String(token.value);
    }
    if (this.isWord('true') || this.isWord('false')) {
      this.at += 1;
      return token.value === 'true';
    }
    if (token.kind === 'end') this.fail('value');
    throw new FormulaError('bad_filter', this.source, token.start);
  }
}

/** Reads a formula; throws FormulaError (with its column) for anything it cannot read. */
export function parseFormula(text: string, options: ParseOptions = {}): ParsedFormula {
  if (typeof text !== 'string') throw new FormulaError('empty', '', 0);
  const tokens = tokenize(text);
  const parser = new Parser(text, tokens, options.variables ? new Set(options.variables) : null);
  const ast = parser.parseFormula();
  return { text, ast, nodeCount: parser.nodeCount, variables: parser.variables };
}
