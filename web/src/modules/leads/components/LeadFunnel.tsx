import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { Money } from '../../projects/components/ProjectTags';
import type { LeadStats } from '../api/leads-api';

type Line = LeadStats['total'];

/** The steps after signing, in order: each is counted over the leads that reached the one before. */
export const CONVERSION_STEPS = ['registered', 'started', 'fundsIn', 'inProduction'] as const;
export type ConversionStep = (typeof CONVERSION_STEPS)[number];

/** A rate as a percentage with one decimal ("80%", "66.7%"), or null. */
export const percentOf = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);

/**
 * The funnel of the total: signed, then each later stage with how many reached it, its rate over the stage before
 * and the median days that step took; below it the contract value and the out-of-city part of the investment.
 */
export function LeadFunnel({ total }: { total: Line }) {
  const { t } = useI18n();
  const rows = [
    { key: 'signed' as const, count: total.signed, rate: null, days: null },
    ...CONVERSION_STEPS.map((step) => ({ key: step, count: total[step], rate: total.rates[step], days: total.medianDays[step] })),
  ];
  const widest = Math.max(total.signed, 1);
  return (
    <Flex vertical gap={8} data-testid="lead-funnel">
      {rows.map((row, i) => (
        <Flex key={row.key} wrap align="center" gap={8} data-testid={`lead-funnel-${row.key}`}>
          <Typography.Text style={{ width: 92, flex: 'none' }}>{t(`leadStats.step.${row.key}`)}</Typography.Text>
          <div style={{ flex: '1 1 160px', minWidth: 120, background: '#f0f2f5', borderRadius: 4 }}>
            <div
              style={{
                width: `${Math.max((row.count / widest) * 100, row.count ? 4 : 0)}%`,
                minWidth: 36,
                background: ['#1677ff', '#3c8dff', '#5fa2ff', '#85b8ff', '#a9ceff'][i],
                color: i < 3 ? '#fff' : '#0b3d91',
                borderRadius: 4,
                padding: '3px 8px',
                fontWeight: 600,
              }}
              data-testid={`lead-funnel-${row.key}-count`}
            >
              {row.count}
            </div>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 220px' }}>
            {i === 0
              ? t('leadStats.signedNote')
              : row.rate === null
                ? t('leadStats.noneBefore')
                : t('leadStats.stepNote', {
                    rate: percentOf(row.rate) ?? '',
                    days: row.days === null ? '—' : String(row.days),
                  })}
          </Typography.Text>
        </Flex>
      ))}
      <Flex wrap gap={24} style={{ marginTop: 4 }}>
        <Figure label={t('leadStats.contractValue')} testId="lead-funnel-contract">
          <Money yuan={total.contractValueYuan} strong />
        </Figure>
        <Figure label={t('leadStats.investment')}>
          <Money yuan={total.investmentYuan} />
        </Figure>
        <Figure label={t('leadStats.outOfCity')} testId="lead-funnel-out-of-city">
          <Money yuan={total.outOfCityYuan} />
          {total.outOfCityShare !== null && (
            <Typography.Text type="secondary">
              {' '}
              · {t('leadStats.shareOf', { share: percentOf(total.outOfCityShare) ?? '' })}
            </Typography.Text>
          )}
        </Figure>
      </Flex>
    </Flex>
  );
}

function Figure({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <Flex vertical data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span>{children}</span>
    </Flex>
  );
}
