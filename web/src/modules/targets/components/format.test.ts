import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../i18n';
import { formatAmount } from './format';

const labels: Record<string, Record<string, string>> = {
  'zh-CN': { 'targetMeasure.yi_yuan': '亿元', 'targetMeasure.percent': '%' },
  'en-US': { 'targetMeasure.yi_yuan': '100M yuan', 'targetMeasure.percent': '%' },
};
const translate = (locale: string) => ((key: string) => labels[locale]?.[key] ?? key) as Translate;

describe('formatAmount: an amount in its unit of measure, as a share or a sum is written', () => {
  it('writes Chinese without a space and at most two places', () => {
    expect(formatAmount(translate('zh-CN'), 'zh-CN', '215.5750', 'yi_yuan')).toBe('215.58亿元');
    expect(formatAmount(translate('zh-CN'), 'zh-CN', '240', 'yi_yuan')).toBe('240亿元');
  });

  it('writes English with a space, a percentage without one, and more places when asked', () => {
    expect(formatAmount(translate('en-US'), 'en-US', '240', 'yi_yuan')).toBe('240 100M yuan');
    expect(formatAmount(translate('en-US'), 'en-US', '6.5', 'percent')).toBe('6.5%');
    expect(formatAmount(translate('en-US'), 'en-US', '100.1234', 'yi_yuan', 4)).toBe('100.1234 100M yuan');
  });
});
