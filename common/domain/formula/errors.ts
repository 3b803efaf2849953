import type { Locale } from '../../locale';

/*
 * The one error a formula raises. Parsing, checking and evaluating throw nothing else for any input text (the
 * property tests hold them to it). `offset` is where the problem is in the formula text (0-based, UTF-16), `line`
 * and `column` the same place 1-based for the editor; `params` fill the message, which `formulaErrorMessage`
 * writes in either language (the server puts it in its error `details`, the formula editor under the caret).
 */
export const FORMULA_ERROR_CODES = [
  'empty',
  'too_long',
  'too_deep',
  'too_many_nodes',
  'too_many_steps',
  'unexpected_character',
  'unterminated_string',
  'unexpected_token',
  'unexpected_end',
  'unknown_variable',
  'unknown_function',
  'wrong_argument_count',
  'misplaced_list',
  'misplaced_text',
  'bad_tiers',
  'bad_filter',
  'unknown_field',
  'aggregate_unavailable',
  'division_by_zero',
  'not_a_number',
  'not_a_boolean',
  'out_of_range',
] as const;
export type FormulaErrorCode = (typeof FORMULA_ERROR_CODES)[number];
export type FormulaErrorParams = Record<string, string | number>;

export class FormulaError extends Error {
  readonly code: FormulaErrorCode;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly params: FormulaErrorParams;

  constructor(code: FormulaErrorCode, text: string, offset: number, params: FormulaErrorParams = {}) {
    const at = Math.max(0, Math.min(offset, text.length));
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    super(`${code} at ${line}:${column}`);
    this.name = 'FormulaError';
    this.code = code;
    this.offset = at;
    this.line = line;
    this.column = column;
    this.params = params;
  }
}

type Messages = Record<FormulaErrorCode, string>;

const ZH: Messages = {
  empty: '公式为空',
  too_long: '公式过长（最多 {max} 个字符）',
  too_deep: '公式嵌套过深（最多 {max} 层）',
  too_many_nodes: '公式过于复杂（最多 {max} 个元素）',
  too_many_steps: '公式计算步骤过多（最多 {max} 步）',
  unexpected_character: '无法识别的字符“{found}”',
  unterminated_string: '引号未闭合',
  unexpected_token: '此处不应出现“{found}”，应为{expected}',
  unexpected_end: '公式不完整，结尾处应为{expected}',
  unknown_variable: '未知变量“{name}”',
  unknown_function: '未知函数“{name}”',
  wrong_argument_count: '函数 {name} 需要 {expected} 个参数，实际为 {found} 个',
  misplaced_list: '方括号 [界限, 分值] 只能用于 tier 函数',
  misplaced_text: '文字（引号内容）只能用于项目筛选条件',
  bad_tiers: 'tier 的档位须为 [界限, 分值]，界限从小到大排列',
  bad_filter: '项目筛选条件应为“字段 比较符 值”，用 and / or / not 组合',
  unknown_field: '未知项目字段“{name}”',
  aggregate_unavailable: '此处无法统计项目（{name}）',
  division_by_zero: '除数为零',
  not_a_number: '此处应为数值',
  not_a_boolean: '此处应为条件（比较或 and / or / not）',
  out_of_range: '数值超出范围',
};

const EN: Messages = {
  empty: 'The formula is empty',
  too_long: 'The formula is too long (at most {max} characters)',
  too_deep: 'The formula is nested too deeply (at most {max} levels)',
  too_many_nodes: 'The formula is too complex (at most {max} elements)',
  too_many_steps: 'The formula takes too many steps to evaluate (at most {max})',
  unexpected_character: 'Unrecognised character "{found}"',
  unterminated_string: 'A quoted text is not closed',
  unexpected_token: '"{found}" is not expected here; expected {expected}',
  unexpected_end: 'The formula ends too early; expected {expected}',
  unknown_variable: 'Unknown variable "{name}"',
  unknown_function: 'Unknown function "{name}"',
  wrong_argument_count: 'Function {name} takes {expected} arguments, got {found}',
  misplaced_list: 'Brackets [bound, points] are only allowed in tier',
  misplaced_text: 'Quoted text is only allowed in a project filter',
  bad_tiers: 'The tiers of tier must be [bound, points] with bounds in increasing order',
  bad_filter: 'A project filter is "field comparison value", combined with and / or / not',
  unknown_field: 'Unknown project field "{name}"',
  aggregate_unavailable: 'Projects cannot be counted here ({name})',
  division_by_zero: 'Division by zero',
  not_a_number: 'A number is expected here',
  not_a_boolean: 'A condition (a comparison or and / or / not) is expected here',
  out_of_range: 'The number is out of range',
};

/** Words for the {expected} parameter, which the parser fills with one of these keys. */
const EXPECTED: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    value: '数值、变量或括号',
    close_paren: '右括号“)”',
    close_bracket: '右方括号“]”',
    comma: '逗号“,”',
    end: '公式结尾',
    operator: '运算符',
  },
  'en-US': {
    value: 'a number, variable or parenthesis',
    close_paren: '")"',
    close_bracket: '"]"',
    comma: '","',
    end: 'the end of the formula',
    operator: 'an operator',
  },
};

/** The error's message in the user's language, its parameters filled in. */
export function formulaErrorMessage(error: FormulaError, locale: Locale): string {
  const template = (locale === 'en-US' ? EN : ZH)[error.code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = Object.hasOwn(error.params, key) ? error.params[key] : undefined;
    if (value === undefined) return '';
    if (key === 'expected') return EXPECTED[locale][String(value)] ?? String(value);
    if (key === 'found' && value === '') return locale === 'en-US' ? 'end' : '结尾';
    return String(value);
  });
}
