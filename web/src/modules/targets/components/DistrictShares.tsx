import { Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { Indicator } from '../api/targets-api';
import { formatAmount } from './format';

/**
 * A city's indicator broken down to its districts (分解到区县): each share the reader may see with the district's
 * actual and its standing against time, then — for the city's readers, who see every share — the shares' sum against
 * the target. A district's reader sees his own share only. A province's indicator reads the same of its cities (分解到
 * 各市; a city's reader sees “山东省下达本市任务”).
 */
export function DistrictShares({ indicator }: { indicator: Indicator }) {
  const { t, locale } = useI18n();
  const shares = indicator.districtShares;
  if (!shares) return null;
  const amount = (value: string) => formatAmount(t, locale, value, indicator.measure);
  const cities = indicator.regionLevel === 'province';
  if (!shares.items.length)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`district-shares-${indicator.name}`}>
        {t(cities ? 'target.shares.noneCities' : 'target.shares.none')}
      </Typography.Text>
    );
  // A district's reader sees his own share only (no sum): it is the task the city gave his district.
  const ownShareOnly = shares.sum === null;
  return (
    <div data-testid={`district-shares-${indicator.name}`} style={{ fontSize: 12, lineHeight: 1.6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ownShareOnly
          ? t(cities ? 'target.shares.ownTitleCity' : 'target.shares.ownTitle', { region: indicator.regionName })
          : t(cities ? 'target.shares.titleCities' : 'target.shares.title')}
      </Typography.Text>
      {shares.items.map((share) => (
        <div key={share.regionCode} data-testid={`district-share-${share.regionName}`}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {share.regionName}
          </Typography.Text>{' '}
          {t('target.shares.line', {
            share: amount(share.targetValue),
            actual: share.actual === null ? '—' : amount(share.actual),
          })}
          <Typography.Text
            type={share.progress?.status === 'behind' ? 'danger' : 'secondary'}
            style={{ fontSize: 12, display: 'block', paddingInlineStart: 12 }}
          >
            {share.noCounterpart ? t(cities ? 'target.shares.noCounterpartCity' : 'target.shares.noCounterpart') : share.standing}
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
            ? t(cities ? 'target.shares.sumOkCities' : 'target.shares.sumOk', { sum: amount(shares.sum) })
            : t(cities ? 'target.shares.sumOffCities' : 'target.shares.sumOff', {
                sum: amount(shares.sum),
                target: amount(indicator.targetValue),
              })}
        </Typography.Text>
      )}
    </div>
  );
}
