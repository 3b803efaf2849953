import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import type { Dashboard } from '../api/dashboard-api';
import { countOption, industryOption, monthlyOption, progressOption, shownReversed, warningsOption } from '../utils/chart-options';
import { ChartCard } from './ChartCard';
import type { ChartKey } from './chart-keys';
import { useChartWords } from './use-chart-words';

/**
 * Some of the dashboard's charts, each item drilling into its list: `keys` in this order, `lg` columns of 24 each on a
 * wide screen (one a row on a phone), `height` each (the big screen fills its boxes: a CSS height).
 */
export function DashboardCharts({
  d,
  keys,
  dark,
  lg = 12,
  height = 280,
}: {
  d: Dashboard;
  keys: readonly ChartKey[];
  dark?: boolean;
  lg?: number;
  height?: number | string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const words = useChartWords();
  const charts = useMemo(() => {
    const look = (name: string) => ({ dark, fileName: `${name}-${d.year}` });
    return {
      monthly: {
        title: t('dashboard.chart.monthly'),
        option: monthlyOption(d, words, look(t('dashboard.chart.monthly'))),
        onClick: () => navigate(d.kpis.annual.drill),
      },
      byUnit: {
        title: t('dashboard.chart.byUnit'),
        option: progressOption(d.byUnit, words, look(t('dashboard.chart.byUnit'))),
        onClick: (i: number) => navigate(shownReversed(d.byUnit)[i]?.drill ?? d.kpis.projects.drill),
      },
      byCategory: {
        title: t('dashboard.chart.byCategory'),
        option: progressOption(d.byCategory, words, look(t('dashboard.chart.byCategory'))),
        onClick: (i: number) => navigate(shownReversed(d.byCategory)[i]?.drill ?? d.kpis.projects.drill),
      },
      industries: {
        title: t('dashboard.chart.industries'),
        option: industryOption(d, words, look(t('dashboard.chart.industries'))),
        onClick: (i: number) => navigate(d.industries[i]?.drill ?? d.kpis.projects.drill),
      },
      pools: {
        title: t('dashboard.chart.pools'),
        option: countOption(
          d.pools.map((p) => ({ name: t(`pool.${p.pool}`), count: p.count })),
          words,
          look(t('dashboard.chart.pools')),
        ),
        onClick: (i: number) => navigate(d.pools[i]?.drill ?? d.kpis.projects.drill),
      },
      warningsByUnit: {
        title: t('dashboard.chart.warningsByUnit'),
        option: warningsOption(d, words, look(t('dashboard.chart.warningsByUnit'))),
        onClick: (i: number) => navigate(shownReversed(d.warningsByUnit)[i]?.drill ?? d.kpis.projects.drill),
      },
      matters: {
        title: t('dashboard.chart.matters'),
        option: countOption(
          d.mattersByState.map((s) => ({ name: t(`matterStatus.${s.status}`), count: s.count })),
          words,
          look(t('dashboard.chart.matters')),
        ),
        onClick: (i: number) => navigate(d.mattersByState[i]?.drill ?? '/matters'),
      },
    };
  }, [d, dark, words, t, navigate]);
  return (
    <Row gutter={[12, 12]} style={typeof height === 'string' ? { height: '100%' } : undefined}>
      {keys.map((key) => (
        <Col key={key} xs={24} lg={lg} style={typeof height === 'string' ? { height } : undefined}>
          <ChartCard
            title={charts[key].title}
            option={charts[key].option}
            onClick={(item) => charts[key].onClick(item.dataIndex)}
            dark={dark}
            height={height}
            testId={`chart-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
}
