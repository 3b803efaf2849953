import { Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatDecimal } from '../../../lib/format';
import type { Indicator } from '../api/targets-api';

/**
 * A city's indicator broken down to its districts (分解到区县): each share the reader may see with the district's
 * actual and its standing against time, then — for the city's readers, who see every share — the shares' sum against
 * the target. A district's reader sees his own share only.
 */
export function DistrictShares({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const shares = indicator.districtShares;
  if (!shares) return null;
  const measure = t(`targetMeasure.${indicator.measure}`);
  if (!shares.items.length)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('target.shares.none')}
      </Typography.Text>
    );
  return (
    <div data-testid={`district-shares-${indicator.name}`} style={{ fontSize: 12, lineHeight: 1.6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('target.shares.title')}
      </Typography.Text>
      {shares.items.map((share) => (
        <div key={share.regionCode} data-testid={`district-share-${share.regionName}`}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {share.regionName}
          </Typography.Text>{' '}
          {t('target.shares.line', {
            share: `${formatDecimal(share.targetValue)}${measure}`,
            actual: share.actual === null ? '—' : `${formatDecimal(share.actual)}${measure}`,
          })}
          <Typography.Text type={share.progress?.status === 'behind' ? 'danger' : 'secondary'} style={{ fontSize: 12, marginLeft: 4 }}>
            {share.noCounterpart ? t('target.shares.noCounterpart') : share.standing}
          </Typography.Text>
        </div>
      ))}
      {shares.sum !== null && (
        <Typography.Text
          type={shares.sumMatches ? 'success' : 'danger'}
          style={{ fontSize: 12 }}
          data-testid={`district-shares-sum-${indicator.name}`}
        >
          {shares.sumMatches
            ? t('target.shares.sumOk', { sum: `${formatDecimal(shares.sum)}${measure}` })
            : t('target.shares.sumOff', {
                sum: `${formatDecimal(shares.sum)}${measure}`,
                target: `${formatDecimal(indicator.targetValue)}${measure}`,
              })}
        </Typography.Text>
      )}
    </div>
  );
}
