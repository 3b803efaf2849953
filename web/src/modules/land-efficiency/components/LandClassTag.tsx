import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n';
import type { LandClass } from '../api/land-efficiency-api';

/** The colour of each class: A green (优先发展) … D red (倒逼转型). */
export const LAND_CLASS_COLOURS: Record<LandClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** A year's class as a coloured tag with what it means; 未定档 when the district has no thresholds for the year. */
export function LandClassTag({ grade, year }: { grade: LandClass | null; year: number }) {
  const { t } = useI18n();
  if (!grade)
    return (
      <Tooltip title={t('land.noClassHint', { year })}>
        <Tag data-testid="land-class">{t('land.noClass')}</Tag>
      </Tooltip>
    );
  return (
    <Tag color={LAND_CLASS_COLOURS[grade]} data-testid="land-class">
      {t('land.classN', { grade })} · {t(`land.classHint.${grade}`)}
    </Tag>
  );
}
