import { describe, expect, it } from 'vitest';
import {
  type AggregateQuery,
  DEMO_FORMULA,
  evaluateFormula,
  FORMULA_ERROR_CODES,
  FORMULA_VARIABLE_NAMES,
  FORMULA_VARIABLES,
  FormulaError,
  type FormulaErrorCode,
  formulaEnvironment,
  formulaErrorMessage,
  MAX_DEPTH,
  MAX_FORMULA_LENGTH,
  MAX_NODES,
  matchesProjectFilter,
  parseFormula,
  type ProjectFieldValue,
} from '.';

const vars = new Map<string, number | boolean>([
  ['x', 2],
  ['y', 3],
  ['ratio', 0.85],
  ['zero', 0],
  ['flag', true],
  ['投资完成率', 0.9],
  ['big', 1e200],
]);
const value = (text: string, variables: Map<string, number | boolean> = vars) => evaluateFormula(text, { variables }).value;

/** The error a formula raises, as code and 1-based column (on its line). */
function failure(text: string, evaluate = true): { code: FormulaErrorCode; column: number; line: number } {
  try {
    if (evaluate) evaluateFormula(text, { variables: vars });
    else parseFormula(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaError);
    const { code, column, line } = error as FormulaError;
    return { code, column, line };
  }
  throw new Error(`no error for ${text}`);
}

describe('formula language: values and operators', () => {
  it('reads numbers, decimals, percentages and Chinese magnitudes', () => {
    expect(value('42')).toBe(42);
    expect(value('0.25')).toBe(0.25);
    expect(value('.5')).toBe(0.5);
    expect(value('30%')).toBe(0.3);
    expect(value('3亿')).toBe(300_000_000);
    expect(value('5000万')).toBe(50_000_000);
    expect(value('1.2万亿')).toBe(1_200_000_000_000);
  });

  it('gives * and / precedence over + and -, left to right, with unary minus and parentheses', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('12 / 3 / 2')).toBe(2);
    expect(value('-x * 3')).toBe(-6);
    expect(value('- -x')).toBe(2);
    expect(value('2 - -x')).toBe(4);
    expect(value('+x')).toBe(2);
  });

  it('compares numbers and combines conditions with and / or / not', () => {
    expect(value('if(x < y, 1, 0)')).toBe(1);
    expect(value('if(x <= 2 and y >= 3, 1, 0)')).toBe(1);
    expect(value('if(x > 5 or y = 3, 1, 0)')).toBe(1);
    expect(value('if(not x != 2, 1, 0)')).toBe(1);
    expect(value('if(x == 2, 1, 0)')).toBe(1);
    expect(value('if(x <> 2, 1, 0)')).toBe(0);
    expect(value('if(flag, 1, 0)')).toBe(1);
    expect(value('if(flag = true, 1, 0)')).toBe(1);
    expect(value('if(not (x > 1 and y > 5), 1, 0)')).toBe(1);
  });

  it('reads the signs and brackets a Chinese input method types', () => {
    expect(value('min（x，y）× 2')).toBe(4);
    expect(value('if(x ≥ 2, 1, 0)')).toBe(1);
    expect(value('if(x ≠ 3, 6 ÷ x, 0)')).toBe(3);
    expect(value('if(y ≤ 3, 1, 0)')).toBe(1);
  });

  it('names variables in English or Chinese', () => {
    expect(value('投资完成率 * 100')).toBe(90);
    expect(value('ratio * 100')).toBeCloseTo(85);
  });
});

describe('formula language: functions', () => {
  it('min, max, abs and round (half away from zero)', () => {
    expect(value('min(x, y, 1)')).toBe(1);
    expect(value('max(x, y)')).toBe(3);
    expect(value('min(ratio)')).toBe(0.85);
    expect(value('abs(-x)')).toBe(2);
    expect(value('round(2.5)')).toBe(3);
    expect(value('round(-2.5)')).toBe(-3);
    expect(value('round(1.005, 2)')).toBe(1.01);
    expect(value('round(ratio * 100 / 3, 1)')).toBe(28.3);
  });

  it('if evaluates only the branch it takes', () => {
    expect(value('if(zero = 0, 0, 1 / zero)')).toBe(0);
    expect(value('if(x > 1, y, unknown_thing)')).toBe(3);
  });

  it('tier gives the points of the highest bound reached, 0 below the first', () => {
    const tiers = 'tier(v, [3亿, 1], [10亿, 2], [20亿, 3])';
    const at = (v: number) => value(tiers, new Map([['v', v]]));
    expect(at(2.99e8)).toBe(0);
    expect(at(3e8)).toBe(1);
    expect(at(9.99e8)).toBe(1);
    expect(at(1e9)).toBe(2);
    expect(at(2e9)).toBe(3);
    expect(at(5e10)).toBe(3);
  });

  it('count_projects and sum ask the host, with the filter as data', () => {
    const queries: AggregateQuery[] = [];
    const projects: Record<string, ProjectFieldValue>[] = [
      { investment: 12e8, tag: ['世界500强'], started: true, year_completed: 3e8 },
      { investment: 5e8, tag: [], started: false, year_completed: 1e8 },
      { investment: 25e8, tag: ['中国500强'], started: true, year_completed: 0 },
    ];
    const aggregate = (query: AggregateQuery) => {
      queries.push(query);
      const kept = projects.filter((p) => matchesProjectFilter(query.filter, (f) => p[f] ?? null));
      return query.field ? kept.reduce((s, p) => s + (p[query.field as string] as number), 0) : kept.length;
    };
    const run = (text: string) => evaluateFormula(text, { variables: vars, aggregate }).value;
    expect(run('count_projects()')).toBe(3);
    expect(run('count_projects(investment >= 10亿 and tag = "世界500强")')).toBe(1);
    expect(queries.at(-1)).toEqual({
      name: 'count_projects',
      field: null,
      text: 'count_projects(investment >= 10亿 and tag = "世界500强")',
      filter: {
        op: 'and',
        left: { op: 'compare', field: 'investment', comparison: '>=', value: 1e9 },
        right: { op: 'compare', field: 'tag', comparison: '=', value: '世界500强' },
      },
    });
    expect(run('count_projects(总投资 >= 3亿 and (tag = "世界500强" or tag = "中国500强"))')).toBe(2);
    expect(run('count_projects(not started = true)')).toBe(1);
    expect(run('count_projects(tag != “世界500强”)')).toBe(2);
    expect(run('sum(year_completed)')).toBe(4e8);
    expect(run('sum(年度完成投资, started = true) / 1亿')).toBe(3);
    expect(run('count_projects(investment > -1)')).toBe(3);
  });

  it('refuses count_projects without a host to ask', () => {
    expect(failure('1 + count_projects()')).toEqual({ code: 'aggregate_unavailable', column: 5, line: 1 });
  });
});

describe('formula language: explanations', () => {
  it('lists each term of a sum with its inputs and signed value, adding up to the score', () => {
    const text = '40 * min(ratio, 1.2) + 2 * count_projects(tag = "世界500强") - 0.1 * x';
    const result = evaluateFormula(text, {
      variables: vars,
      aggregate: () => 3,
    });
    expect(result.value).toBeCloseTo(39.8);
    expect(result.terms).toEqual([
      { text: '40 * min(ratio, 1.2)', start: 0, end: 20, sign: 1, inputs: [{ kind: 'variable', name: 'ratio', value: 0.85 }], value: 34 },
      {
        text: '2 * count_projects(tag = "世界500强")',
        start: 23,
        end: text.indexOf(' - 0.1'),
        sign: 1,
        inputs: [{ kind: 'aggregate', text: 'count_projects(tag = "世界500强")', value: 3 }],
        value: 6,
      },
      {
        text: '0.1 * x',
        start: text.length - 7,
        end: text.length,
        sign: -1,
        inputs: [{ kind: 'variable', name: 'x', value: 2 }],
        value: -0.2,
      },
    ]);
    expect(result.terms.reduce((sum, term) => sum + term.value, 0)).toBe(result.value);
  });

  it('keeps a bracketed sum as one term and explains a formula that is not a sum as one term', () => {
    expect(evaluateFormula('x - (y + 1)', { variables: vars }).terms.map((t) => [t.text, t.value])).toEqual([
      ['x', 2],
      ['(y + 1)', -4],
    ]);
    expect(evaluateFormula('min(x, y) * 10', { variables: vars }).terms).toHaveLength(1);
  });

  it('scores the demo scheme from the catalogue, in English or Chinese names', () => {
    const environment = formulaEnvironment({
      investment_completion: 1.05,
      new_starts_ratio: 0.8,
      signed_value_ratio: 1.3,
      pledges_done_ratio: 0.5,
      reports_on_time_ratio: 1,
      matters_closed_on_time_ratio: 0.9,
      red_months: 2,
      fortune500_projects: 1,
      not_started_by_deadline: 3,
      late_reports: 1,
    });
    const counts = [2, 1, 0];
    let asked = 0;
    const result = evaluateFormula(parseFormula(DEMO_FORMULA, { variables: FORMULA_VARIABLE_NAMES }), {
      variables: environment,
      aggregate: () => counts[asked++] ?? 0,
    });
    // 42 + 16 + 15 + 5 + 10 + 4.5 + 1 (tier) + 2 + 2 + 0 + 2 − 0.3 − 0.5 − 0.4
    expect(result.value).toBeCloseTo(98.3, 10);
    expect(result.terms).toHaveLength(14);
    expect(result.terms[12]).toMatchObject({ text: '0.5 * late_reports', sign: -1, value: -0.5 });
    expect(evaluateFormula('40 * min(投资完成率, 1.2) - 0.1 * 逾期未开工项目数', { variables: environment }).value).toBeCloseTo(41.7);
    expect(new Set(FORMULA_VARIABLES.map((v) => v.name)).size).toBe(10);
  });
});

describe('formula language: errors name their column', () => {
  const cases: [string, FormulaErrorCode, number][] = [
    ['', 'empty', 1],
    ['   ', 'empty', 1],
    ['x + # 2', 'unexpected_character', 5],
    ['3abc', 'unexpected_character', 2],
    ['1.', 'unexpected_character', 3],
    ['count_projects(tag = "世界500强)', 'unterminated_string', 22],
    ['x + * 2', 'unexpected_token', 5],
    ['x y', 'unexpected_token', 3],
    ['(x + 1', 'unexpected_end', 7],
    ['x +', 'unexpected_end', 4],
    ['1 < x < 3', 'unexpected_token', 7],
    ['x + and', 'unexpected_token', 5],
    ['x + nobody', 'unknown_variable', 5],
    ['constructor', 'unknown_variable', 1],
    ['__proto__ + 1', 'unknown_variable', 1],
    ['toString', 'unknown_variable', 1],
    ['hasOwnProperty', 'unknown_variable', 1],
    ['1 + pow(x, 2)', 'unknown_function', 5],
    ['constructor(1)', 'unknown_function', 1],
    ['1 + if(x, y)', 'wrong_argument_count', 5],
    ['round(1, 2, 3)', 'wrong_argument_count', 1],
    ['min()', 'wrong_argument_count', 1],
    ['tier(x)', 'wrong_argument_count', 1],
    ['count_projects(tag = "a", 2)', 'wrong_argument_count', 1],
    ['x + [1, 2]', 'misplaced_list', 5],
    ['x + "text"', 'misplaced_text', 5],
    ['tier(x, 1, 2)', 'bad_tiers', 9],
    ['tier(x, [2, 1], [1, 2])', 'bad_tiers', 17],
    ['count_projects(investment)', 'bad_filter', 26],
    ['count_projects(investment >= "a")', 'bad_filter', 27],
    ['count_projects(tag > "a")', 'bad_filter', 20],
    ['count_projects(1 = 1)', 'bad_filter', 16],
    ['count_projects(height > 3)', 'unknown_field', 16],
    ['sum(tag)', 'not_a_number', 5],
    ['sum(nothing)', 'unknown_field', 5],
    ['x / zero', 'division_by_zero', 3],
    ['1 + x / (y - 3)', 'division_by_zero', 7],
    ['x + (y > 1)', 'not_a_number', 5],
    ['flag * 2', 'not_a_number', 1],
    ['if(x, 1, 2)', 'not_a_boolean', 4],
    ['not x', 'not_a_boolean', 5],
    ['x > 1', 'not_a_number', 1],
    ['if(x = flag, 1, 0)', 'not_a_number', 8],
    ['round(x, 1.5)', 'out_of_range', 10],
    ['1e308', 'unexpected_character', 2],
    [`1 + ${'9'.repeat(400)}`, 'out_of_range', 5],
    ['big * big', 'out_of_range', 1],
    ['x + big * big * 2', 'out_of_range', 5],
  ];
  it.each(cases)('%s → %s at column %i', (text, code, column) => {
    expect(failure(text)).toMatchObject({ code, column });
  });

  it('counts lines and columns on a formula written over several lines', () => {
    expect(failure('40 * x\n+ 20 * nobody')).toEqual({ code: 'unknown_variable', line: 2, column: 8 });
    const error = (() => {
      try {
        parseFormula('40 * x\n+ 20 * nobody', { variables: ['x'] });
      } catch (e) {
        return e as FormulaError;
      }
    })();
    expect(error?.offset).toBe(14);
  });

  it('refuses a formula too long, too deep or too large', () => {
    expect(failure(`${'1+'.repeat(MAX_FORMULA_LENGTH)}1`, false)).toMatchObject({ code: 'too_long', column: MAX_FORMULA_LENGTH + 1 });
    expect(failure(`${'('.repeat(MAX_DEPTH + 5)}1${')'.repeat(MAX_DEPTH + 5)}`, false).code).toBe('too_deep');
    expect(failure(`${'-'.repeat(200)}1`, false).code).toBe('too_deep');
    expect(failure(`${'not '.repeat(100)}true`, false).code).toBe('too_deep');
    expect(failure(`count_projects(${'not '.repeat(100)}started = true)`, false).code).toBe('too_deep');
    expect(failure(Array.from({ length: MAX_NODES }, () => '1').join('+'), false).code).toBe('too_many_nodes');
  });

  it('writes each message in Chinese and in English with its parameters', () => {
    const error = new FormulaError('wrong_argument_count', 'if(x)', 0, { name: 'if', expected: '3', found: 1 });
    expect(formulaErrorMessage(error, 'zh-CN')).toBe('函数 if 需要 3 个参数，实际为 1 个');
    expect(formulaErrorMessage(error, 'en-US')).toBe('Function if takes 3 arguments, got 1');
    const end = new FormulaError('unexpected_end', '(1', 2, { expected: 'close_paren' });
    expect(formulaErrorMessage(end, 'zh-CN')).toBe('公式不完整，结尾处应为右括号“)”');
    expect(formulaErrorMessage(end, 'en-US')).toBe('The formula ends too early; expected ")"');
  });

  it('has a message for every code in both languages', () => {
    for (const code of FORMULA_ERROR_CODES) {
      const error = new FormulaError(code, 'x', 0, { name: 'n', expected: 'value', found: 'f', max: 9 });
      expect(formulaErrorMessage(error, 'zh-CN')).toMatch(/\p{Script=Han}/u);
      expect(formulaErrorMessage(error, 'en-US')).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('refuses unknown variables at parse time when the catalogue is given', () => {
    expect(() => parseFormula('40 * investment_completion + 投资完成率', { variables: FORMULA_VARIABLE_NAMES })).not.toThrow();
    try {
      parseFormula('40 * investment_complete', { variables: FORMULA_VARIABLE_NAMES });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'unknown_variable', column: 6, params: { name: 'investment_complete' } });
    }
  });

  it('looks variables up in an object’s own keys only', () => {
    const variables = { x: 1 };
    expect(evaluateFormula('x + 1', { variables }).value).toBe(2);
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf']) {
      expect(() => evaluateFormula(name, { variables })).toThrow(FormulaError);
    }
  });
});
