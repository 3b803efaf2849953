import type { IndicatorProposal, PledgeProposal, TargetDirection as TextDirection } from '../../../common/domain/target-text';
import type { TargetDirection, TargetMeasure, TargetQualifier } from '../../../common/enums';

/*
 * Rows proposed from pasted text, in the terms of the create routes: the text's unit as one of TARGET_MEASURES
 * (scaled where the text writes a magnitude the measure does not carry: 1.2万亿元 → 12000 亿元, 12万亩 → 120000 亩),
 * its direction and qualifier (以上 → at least, 以上; 左右 → about; 以内 → at most, 以内), the value as a decimal
 * string. A unit with no measure (个百分点, 吨, 公顷…) gives measure null: the person picks one before creating.
 */
const MEASURES: Record<string, [TargetMeasure, number]> = {
  '%': ['percent', 1],
  亿元: ['yi_yuan', 1],
  万亿元: ['yi_yuan', 10_000],
  万元: ['wan_yuan', 1],
  千万元: ['wan_yuan', 1_000],
  万美元: ['wan_usd', 1],
  亿美元: ['wan_usd', 10_000],
  个: ['item', 1],
  项: ['item', 1],
  宗: ['case', 1],
  亩: ['mu', 1],
  万亩: ['mu', 10_000],
  万平方米: ['wan_m2', 1],
  平方米: ['wan_m2', 0.0001],
  套: ['dwelling', 1],
  万套: ['dwelling', 10_000],
  人次: ['person_time', 1],
  万人次: ['person_time', 10_000],
  家: ['company', 1],
  户: ['household', 1],
  万户: ['household', 10_000],
  公里: ['km', 1],
  处: ['place', 1],
  人: ['person', 1],
  名: ['person', 1],
  万人: ['person', 10_000],
  条: ['line', 1],
};

const DIRECTIONS: Record<TextDirection, [TargetDirection, TargetQualifier]> = {
  exactly: ['at_least', 'exact'],
  at_least: ['at_least', 'above'],
  more_than: ['at_least', 'above'],
  about: ['at_least', 'about'],
  at_most: ['at_most', 'within'],
};

/** A number as the create routes' decimal string (at most 4 decimals, no exponent). */
export function decimalString(value: number): string {
  const fixed = value.toFixed(4);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function proposedFields(unit: string, value: number, direction: TextDirection, qualifiers: string[], sentence: string) {
  const [measure, scale] = MEASURES[unit] ?? [null, 1];
  const [createDirection, qualifier] = DIRECTIONS[direction];
  return { unit, measure, targetValue: decimalString(value * scale), direction: createDirection, qualifier, qualifiers, sentence };
}

export function indicatorRowOf(p: IndicatorProposal) {
  return {
    name: p.name,
    kind: p.growth ? ('growth' as const) : ('level' as const),
    ...proposedFields(p.unit, p.target, p.direction, p.qualifiers, p.sentence),
  };
}

export function pledgeRowOf(p: PledgeProposal) {
  return { title: p.text, ...proposedFields(p.unit, p.quantity, p.direction, p.qualifiers, p.sentence) };
}
