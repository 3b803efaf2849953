import type { TargetKind, TargetMeasure, TargetQualifier } from '../../../../../common/enums';
import type { Translate } from '../../../i18n';
import { formatDecimal } from '../../../lib/format';

/** A target as officials write it: 增长6.5%左右, 50个以上, 7000万美元 (English: +6.5% about, 50 items or more). */
export function formatTarget(
  t: Translate,
  locale: string,
  target: { targetValue: string; measure: TargetMeasure; qualifier?: TargetQualifier; kind?: TargetKind },
): string {
  const measure = t(`targetMeasure.${target.measure}`);
  // An exact target is written with no word after it (its label, （无）, is for pickers and sheets).
  const qualifier = target.qualifier && target.qualifier !== 'exact' ? t(`targetQualifier.${target.qualifier}`) : '';
  const zh = locale === 'zh-CN';
  const value = target.kind === 'growth' ? (zh ? `增长${target.targetValue}` : `+${target.targetValue}`) : target.targetValue;
  const amount = zh || target.measure === 'percent' ? `${value}${measure}` : `${value} ${measure}`;
  return zh ? `${amount}${qualifier}` : [amount, qualifier].filter(Boolean).join(' ');
}

/** An amount in an indicator's unit of measure, as the page writes it: 240亿元 (English: 240 100M yuan; 6.5%). */
export function formatAmount(t: Translate, locale: string, value: string, measure: TargetMeasure, places = 2): string {
  const label = t(`targetMeasure.${measure}`);
  return locale === 'zh-CN' || measure === 'percent'
    ? `${formatDecimal(value, places)}${label}`
    : `${formatDecimal(value, places)} ${label}`;
}
