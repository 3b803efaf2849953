import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AggregateQuery, evaluateFormula, FormulaError, parseFormula } from '.';

/*
 * Properties of the formula language over random input: nothing but a FormulaError ever escapes, evaluation is
 * deterministic, and nothing reaches eval, Function or a global while formulas are read and evaluated.
 */
const variables = new Map<string, number | boolean>([
  ['x', 2],
  ['y', -3.5],
  ['zero', 0],
  ['flag', false],
  ['投资完成率', 0.9],
]);
const aggregate = (query: AggregateQuery) => (query.field ? 1.5e8 : query.text.length % 7);

const PIECES = [
  'x',
  'y',
  'zero',
  'flag',
  '投资完成率',
  'nobody',
  'constructor',
  '__proto__',
  'toString',
  'prototype',
  '1',
  '0',
  '2.5',
  '30%',
  '3亿',
  '5万',
  '1.2万亿',
  '.5',
  '1e3',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  '[',
  ']',
  ',',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  '!=',
  '==',
  '<>',
  '（',
  '）',
  '，',
  '×',
  '÷',
  '≥',
  '≠',
  '"',
  '“',
  '”',
  '"500强"',
  ' ',
  '\n',
  'and',
  'or',
  'not',
  'true',
  'false',
  'min',
  'max',
  'if',
  'round',
  'abs',
  'tier',
  'count_projects',
  'sum',
  'eval',
  'Function',
  'investment',
  'tag',
  'started',
  'year_completed',
  '总投资',
];
const formulaLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(formulaLike, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

/** Grammatical formulas, so evaluation (not just parsing) is exercised. */
const { expression } = fc.letrec<{ expression: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    fc.constantFrom('x', 'y', 'zero', '投资完成率', 'nobody', 'flag'),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.abs(n).toFixed(3)),
    fc.constantFrom('count_projects(investment >= 3亿 and tag = "世界500强")', 'sum(year_completed, started = true)', 'count_projects()'),
  ),
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc
      .tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/', '<', '>=', '=', 'and', 'or'), tie('expression'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expression').map((a) => `(${a})`),
    tie('expression').map((a) => `-${a}`),
    tie('expression').map((a) => `not ${a}`),
    fc.tuple(tie('expression'), tie('expression')).map(([a, b]) => `min(${a}, ${b})`),
    fc.tuple(tie('expression'), tie('expression'), tie('expression')).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    tie('expression').map((a) => `round(${a}, 2)`),
    tie('expression').map((a) => `tier(${a}, [1, 1], [10, 2])`),
  ),
})) as { expression: fc.Arbitrary<string> };

type Outcome = { value: number; terms: unknown } | { code: string; offset: number };

function outcome(text: string): Outcome {
  try {
    const result = evaluateFormula(text, { variables, aggregate });
    return { value: result.value, terms: result.terms };
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(text.length);
    return { code: error.code, offset: error.offset };
  }
}

describe('formula language properties', () => {
  it('throws nothing but a FormulaError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, expression), (text) => {
        outcome(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluates deterministically: the same text gives the same value, terms or error', () => {
    fc.assert(
      fc.property(fc.oneof(expression, formulaLike), (text) => {
        expect(outcome(text)).toEqual(outcome(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('parses grammatical formulas, and their explanation adds up to their value', () => {
    fc.assert(
      fc.property(expression, (text) => {
        const result = outcome(text);
        if ('value' in result) {
          const terms = result.terms as { value: number }[];
          const total = terms.reduce((sum, term) => sum + term.value, 0);
          expect(Math.abs(total - result.value)).toBeLessThanOrEqual(Math.abs(result.value) * 1e-9 + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never reaches eval, Function or globals while reading and evaluating', () => {
    const global = globalThis as Record<string, unknown>;
    const realEval = global.eval;
    const realFunction = global.Function;
    const calls: string[] = [];
    global.eval = () => calls.push('eval');
    global.Function = () => calls.push('Function');
    // A global and an inherited property by a name the formulas use: neither may be seen as a variable.
    global.leaked = 42;
    Object.defineProperty(Object.prototype, 'inherited', { configurable: true, get: () => calls.push('prototype') });
    try {
      fc.assert(
        fc.property(fc.oneof(anyText, expression), (text) => {
          outcome(text);
          for (const name of ['leaked', 'inherited', 'eval', 'Function', 'globalThis', 'constructor', '__proto__', 'toString']) {
            for (const environment of [{ variables }, { variables: { x: 1 } }]) {
              try {
                evaluateFormula(`${name} + 1`, environment);
                expect.unreachable(`${name} was found`);
              } catch (error) {
                expect(error).toBeInstanceOf(FormulaError);
                expect((error as FormulaError).code).toBe('unknown_variable');
              }
            }
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      global.eval = realEval;
      global.Function = realFunction;
      delete global.leaked;
      delete (Object.prototype as Record<string, unknown>).inherited;
    }
    expect(calls).toEqual([]);
  });

  it('parses to plain data that survives JSON', () => {
    fc.assert(
      fc.property(expression, (text) => {
        try {
          const parsed = parseFormula(text);
          expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
        } catch (error) {
          expect(error).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
