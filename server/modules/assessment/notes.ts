import { type FormulaVariableName, formulaVariable } from '../../../common/domain/formula';
import type { Locale } from '../../../common/locale';
import { translate } from '../../lib/messages';
import type { RankedLines } from './region';
import { PROJECT_FIELDS_WITHOUT_SOURCE, VARIABLES_SOURCED_LATE, VARIABLES_WITHOUT_SOURCE } from './variables';

/**
 * The notes under a preview and a ranking: which variables the formula uses read 0 for want of data, and for how many
 * units — a variable with no source at all, a snapshot taken before a variable had one (its lines lack the figures),
 * units with no annual plan, no new-start target or no signing target (docs/formulas.md "变量的数据来源").
 * `used` are the catalogue names the formula names; `lines` the units' stored variables with their figures.
 */
export function scoreNotes(
  used: readonly string[],
  lines: readonly Record<string, number>[],
  locale: Locale,
  /** Whose lines they are: a district's units, a city's districts or a province's cities (the notes count 区县 or 市 then). */
  over: RankedLines = 'units',
): string[] {
  const key = <K extends 'no_year_plan' | 'no_new_starts_target' | 'no_signing_target' | 'some_without_signing_target'>(name: K) =>
    over === 'units' ? (`assessment.${name}` as const) : (`assessment.${name}_${over}` as const);
  const names = new Set(used.map((name) => formulaVariable(name)?.name ?? name));
  const uses = (name: FormulaVariableName) => names.has(name);
  const label = (name: FormulaVariableName) => {
    const v = formulaVariable(name);
    return v ? (locale === 'zh-CN' ? v.zh : v.en) : name;
  };
  const list = (items: FormulaVariableName[]) => items.map(label).join(locale === 'zh-CN' ? '、' : ', ');
  const notes: string[] = [];
  const missing = VARIABLES_WITHOUT_SOURCE.filter(uses);
  if (missing.length) notes.push(translate(locale, 'assessment.no_source', { names: list(missing) }));
  if (lines.length && lines.every((line) => !('year_plan_yuan' in line))) {
    const late = VARIABLES_SOURCED_LATE.filter(uses);
    if (late.length) notes.push(translate(locale, 'assessment.no_source_then', { names: list(late) }));
    return notes;
  }
  const without = (figure: string) => lines.filter((line) => !((line[figure] ?? 0) > 0)).length;
  if (uses('investment_completion')) {
    const count = without('year_plan_yuan');
    if (count) notes.push(translate(locale, key('no_year_plan'), { count }));
  }
  if (uses('new_starts_ratio')) {
    const brokenDown = lines.some((line) => line.new_starts_target_broken_down === 1);
    if (!brokenDown && lines.length) notes.push(translate(locale, 'assessment.new_starts_from_plan'));
    const count = without('new_starts_target');
    if (count) notes.push(translate(locale, key('no_new_starts_target'), { count }));
  }
  if (uses('signed_value_ratio')) {
    const count = without('signed_target_yuan');
    if (lines.length && count === lines.length) notes.push(translate(locale, key('no_signing_target')));
    else if (count) notes.push(translate(locale, key('some_without_signing_target'), { count }));
  }
  return notes;
}

/** The note on project fields without a source, when the formula counts or sums projects (none since all got one). */
export function projectFieldNotes(formula: string, locale: Locale): string[] {
  if (!PROJECT_FIELDS_WITHOUT_SOURCE.length || !/count_projects|sum\s*\(/.test(formula)) return [];
  return [translate(locale, 'assessment.project_fields_no_source', { fields: PROJECT_FIELDS_WITHOUT_SOURCE.join(', ') })];
}
