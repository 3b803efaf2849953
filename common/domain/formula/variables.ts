/*
 * What a scoring formula can name. Variables are figures the host computes for one unit (or district) and one
 * month; ratios are fractions (1 = 100%, so `30%` in a formula is 0.3). Each variable may be written by its English
 * name or its Chinese name (投资完成率); `formulaEnvironment` fills both. Project fields are what the filters of
 * count_projects(…) and sum(…) compare: money in 元 (write 3亿 or 5000万 in a formula), tags such as 世界500强.
 */
export type FormulaVariable = {
  /** The name a formula uses (ASCII). */
  name: string;
  /** The Chinese name, accepted in formulas as well. */
  zh: string;
  en: string;
  /** What the host computes, for the project office. */
  meaningZh: string;
  meaningEn: string;
  kind: 'ratio' | 'count';
};

export const FORMULA_VARIABLES = [
  {
    name: 'investment_completion',
    zh: '投资完成率',
    en: 'Investment completion',
    meaningZh: '年内累计完成投资 ÷ 年度计划投资（重点项目）',
    meaningEn: 'Investment completed this year ÷ the year’s planned investment (key projects)',
    kind: 'ratio',
  },
  {
    name: 'new_starts_ratio',
    zh: '新开工完成率',
    en: 'New starts against target',
    meaningZh: '年内实际开工项目数 ÷ 年度新开工目标数',
    meaningEn: 'Projects actually started this year ÷ the year’s new-start target',
    kind: 'ratio',
  },
  {
    name: 'signed_value_ratio',
    zh: '签约额完成率',
    en: 'Signed value against target',
    meaningZh: '年内签约项目合同额 ÷ 年度签约目标',
    meaningEn: 'Contract value of projects signed this year ÷ the year’s signing target',
    kind: 'ratio',
  },
  {
    name: 'pledges_done_ratio',
    zh: '承诺事项完成率',
    en: 'Pledges done',
    meaningZh: '已完成的军令状、民生实事事项 ÷ 截至本月应完成的事项',
    meaningEn: 'Pledges and livelihood works done ÷ those due by this month',
    kind: 'ratio',
  },
  {
    name: 'reports_on_time_ratio',
    zh: '按时填报率',
    en: 'Reports on time',
    meaningZh: '按时提交的月度进度填报 ÷ 应填报数',
    meaningEn: 'Monthly progress reports submitted on time ÷ reports owed',
    kind: 'ratio',
  },
  {
    name: 'matters_closed_on_time_ratio',
    zh: '问题按时办结率',
    en: 'Matters closed on time',
    meaningZh: '按期销号的问题诉求 ÷ 到期的问题诉求',
    meaningEn: 'Matters closed by their deadline ÷ matters due',
    kind: 'ratio',
  },
  {
    name: 'red_months',
    zh: '红灯月数',
    en: 'Red months',
    meaningZh: '本年内项目亮红灯的项目·月数',
    meaningEn: 'Project-months shown red this year',
    kind: 'count',
  },
  {
    name: 'fortune500_projects',
    zh: '五百强项目数',
    en: '500强 projects',
    meaningZh: '由世界、中国或民营500强企业投资的在库项目数',
    meaningEn: 'Projects invested by a Fortune Global, China or private 500强 enterprise',
    kind: 'count',
  },
  {
    name: 'not_started_by_deadline',
    zh: '逾期未开工项目数',
    en: 'Projects not started by deadline',
    meaningZh: '计划开工日期已过仍未开工的项目数',
    meaningEn: 'Projects whose planned start date has passed without a start',
    kind: 'count',
  },
  {
    name: 'late_reports',
    zh: '迟报次数',
    en: 'Late reports',
    meaningZh: '本年内逾期提交或未提交的月度填报次数',
    meaningEn: 'Monthly reports submitted late or not at all this year',
    kind: 'count',
  },
] as const satisfies readonly FormulaVariable[];

export type FormulaVariableName = (typeof FORMULA_VARIABLES)[number]['name'];

/** Every name a formula may use for a catalogue variable: the English names and the Chinese ones. */
export const FORMULA_VARIABLE_NAMES: readonly string[] = FORMULA_VARIABLES.flatMap((v) => [v.name, v.zh]);

/** The catalogue entry a name (English or Chinese) stands for. */
export function formulaVariable(name: string): FormulaVariable | undefined {
  return FORMULA_VARIABLES.find((v) => v.name === name || v.zh === name);
}

/** The environment for one unit's month: each value under its English and its Chinese name. */
export function formulaEnvironment(values: Readonly<Record<FormulaVariableName, number>>): Map<string, number> {
  const environment = new Map<string, number>();
  for (const variable of FORMULA_VARIABLES) {
    const value = values[variable.name];
    environment.set(variable.name, value);
    environment.set(variable.zh, value);
  }
  return environment;
}

export type ProjectFieldType = 'number' | 'text' | 'tags' | 'boolean';
export type ProjectField = { name: string; zh: string; en: string; type: ProjectFieldType; meaningZh: string; meaningEn: string };

/** What a project filter compares. A `tags` field is = "x" when the project has tag x, != "x" when it has not. */
export const PROJECT_FILTER_FIELDS = [
  {
    name: 'investment',
    zh: '总投资',
    en: 'Total investment',
    type: 'number',
    meaningZh: '项目总投资（元，可写 3亿、5000万）',
    meaningEn: 'Total investment in 元 (write 3亿, 5000万)',
  },
  {
    name: 'year_plan',
    zh: '年度计划投资',
    en: 'Year’s planned investment',
    type: 'number',
    meaningZh: '本年度计划投资（元）',
    meaningEn: 'Investment planned for this year, in 元',
  },
  {
    name: 'year_completed',
    zh: '年度完成投资',
    en: 'Investment completed this year',
    type: 'number',
    meaningZh: '本年度累计完成投资（元）',
    meaningEn: 'Investment completed so far this year, in 元',
  },
  {
    name: 'tag',
    zh: '企业标签',
    en: 'Enterprise tag',
    type: 'tags',
    meaningZh: '投资企业的标签，如 世界500强、中国500强、民营500强、央企',
    meaningEn: 'Tags of the investing enterprise, e.g. 世界500强, 中国500强, 民营500强, 央企',
  },
  {
    name: 'pool',
    zh: '项目库',
    en: 'Pool',
    type: 'text',
    meaningZh: '所在项目库：planning（谋划）、advancing（推进）、completed（竣工）',
    meaningEn: 'The pool: planning, advancing, completed',
  },
  { name: 'category', zh: '项目类别', en: 'Category', type: 'text', meaningZh: '项目类别代码', meaningEn: 'The category code' },
  {
    name: 'started',
    zh: '已开工',
    en: 'Started',
    type: 'boolean',
    meaningZh: '是否已实际开工（true / false）',
    meaningEn: 'Whether the project has actually started (true / false)',
  },
  {
    name: 'start_overdue',
    zh: '逾期未开工',
    en: 'Start overdue',
    type: 'boolean',
    meaningZh: '计划开工日期已过仍未开工',
    meaningEn: 'The planned start date has passed without a start',
  },
] as const satisfies readonly ProjectField[];

/** The project field a name (English or Chinese) stands for. */
export function projectField(name: string): ProjectField | undefined {
  return PROJECT_FILTER_FIELDS.find((f) => f.name === name || f.zh === name);
}

/**
 * A demo scheme in the style of a published county assessment (县级重点项目考核办法): weighted ratios worth 100
 * points, a bonus for beating the plan, tiered points per project by size, +2 per 500强 project, −0.1 per project
 * not started by its deadline, −0.5 per late report and −0.2 per red project-month.
 */
export const DEMO_FORMULA = [
  '40 * min(investment_completion, 1.2)',
  '+ 20 * min(new_starts_ratio, 1)',
  '+ 15 * min(signed_value_ratio, 1)',
  '+ 10 * pledges_done_ratio',
  '+ 10 * reports_on_time_ratio',
  '+ 5 * matters_closed_on_time_ratio',
  '+ tier(investment_completion, [100%, 1], [110%, 2])',
  '+ count_projects(investment >= 3亿 and investment < 10亿)',
  '+ 2 * count_projects(investment >= 10亿 and investment < 20亿)',
  '+ 3 * count_projects(investment >= 20亿)',
  '+ 2 * fortune500_projects',
  '- 0.1 * not_started_by_deadline',
  '- 0.5 * late_reports',
  '- 0.2 * red_months',
].join('\n');
