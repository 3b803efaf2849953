import { formulaVariable } from '../../../../../common/domain/formula';
import type { Locale } from '../../../../../common/locale';

/** A score as shown (two decimals); ranks compare scores at this precision too. */
export const formatScore = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** A term's signed points: +4.00, −0.50; a subtracted term that gave nothing reads −0.00 (its sign is the term's). */
export const formatPoints = (value: number, sign: number) =>
  `${value < 0 || (value === 0 && sign < 0) ? '−' : '+'}${Math.abs(value).toFixed(2)}`;

/** A formula input's label: a catalogue variable by its name in the reader's language; an aggregate as written. */
export function inputLabel(input: { kind: string; name: string }, locale: Locale) {
  if (input.kind !== 'variable') return input.name;
  const variable = formulaVariable(input.name);
  return variable ? (locale === 'zh-CN' ? variable.zh : variable.en) : input.name;
}

/** A formula input's value: a ratio as a percentage, a count or sum as a number, a condition as yes/no. */
export function inputValue(input: { kind: string; name: string; value: number | boolean | string }, yesNo: [string, string]) {
  const { value } = input;
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (typeof value === 'string') return value;
  if (input.kind === 'variable' && formulaVariable(input.name)?.kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toFixed(2);
}
