import type { Translate } from '../../../i18n';

/** A period's month in the reader's words: 2026年12月, or 12/2026. */
export const periodLabel = (t: Translate, period: string) =>
  t('period.monthLabel', { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) });
