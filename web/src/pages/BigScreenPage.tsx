import { Card, ConfigProvider, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useMe } from '../modules/auth/hooks/use-me';
import { AttentionList } from '../modules/dashboard/components/AttentionList';
import { DashboardCharts } from '../modules/dashboard/components/DashboardCharts';
import { KpiCards } from '../modules/dashboard/components/KpiCards';
import { useDashboard, useDashboardHighlights } from '../modules/dashboard/hooks/use-dashboard';
import { RegionMap } from '../modules/map/components/RegionMap';
import { useMapBase, useMapProjects } from '../modules/map/hooks/use-map';
import { FullPageSpin } from '../ui/FullPageSpin';

/** How often the wall display asks for fresh figures. */
const REFRESH_SECONDS = 60;
const NO_FILTERS = {};

/** The one map in the middle of the big screen: the region's boundary and every project coloured by warning. */
function MapSlot() {
  const navigate = useNavigate();
  const base = useMapBase();
  // The points refresh with the figures beside them (a project turning red shows on the wall at the same time).
  const { points, onViewChange } = useMapProjects(NO_FILTERS, true, REFRESH_SECONDS * 1000);
  return (
    <Card
      className="big-screen-card"
      style={{ height: '100%' }}
      styles={{ body: { height: '100%', padding: 8 } }}
      data-testid="big-screen-map"
    >
      {base.data ? (
        <RegionMap
          base={base.data}
          points={points.data}
          colourBy="warning"
          dark
          regionLabels
          onPointClick={(id) => navigate(`/projects/${id}`)}
          onViewChange={onViewChange}
          style={{ height: '100%', minHeight: 0 }}
        />
      ) : null}
    </Card>
  );
}

/** The clock in the heading, to the minute. */
function useClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 大屏: the dashboard for the wall display — 1920×1080, dark, large type, no scrolling, refreshed every minute; the
 * figures on the left, the map in the middle, warnings and matters on the right.
 */
export function BigScreenPage() {
  const { t } = useI18n();
  const me = useMe();
  const now = useClock();
  const dashboard = useDashboard({}, REFRESH_SECONDS * 1000);
  const highlights = useDashboardHighlights({}, REFRESH_SECONDS * 1000);
  const d = dashboard.data;
  return (
    <ConfigProvider
      theme={{ algorithm: theme.darkAlgorithm, token: { fontSize: 16, colorBgContainer: '#0f2540', colorBorderSecondary: '#1d3b5e' } }}
    >
      <div
        data-testid="big-screen"
        style={{
          height: '100vh',
          overflow: 'hidden',
          background: 'radial-gradient(ellipse at top, #12305a 0%, #0b1a2e 60%)',
          color: '#e6f4ff',
          padding: 16,
          display: 'grid',
          gridTemplateRows: '64px 1fr',
          gap: 12,
          boxSizing: 'border-box',
        }}
      >
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Text style={{ color: '#9fb3c8', fontSize: 20 }}>{me.region.name}</Typography.Text>
          <Typography.Title level={1} style={{ margin: 0, color: '#e6f4ff', letterSpacing: 4, fontSize: 40 }}>
            {t('dashboard.bigScreenTitle')}
          </Typography.Title>
          <Typography.Text style={{ color: '#9fb3c8', fontSize: 20 }} data-testid="big-screen-clock">
            {`${now.toLocaleString(me.locale === 'en-US' ? 'en-US' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' })} · ${t('dashboard.refreshEvery', { seconds: REFRESH_SECONDS })}`}
          </Typography.Text>
        </header>
        {!d ? (
          <FullPageSpin />
        ) : (
          <main style={{ display: 'grid', gridTemplateColumns: '1fr 1.15fr 1fr', gap: 12, minHeight: 0 }}>
            <section style={{ display: 'grid', gridTemplateRows: 'auto 1fr', gap: 12, minHeight: 0 }}>
              <KpiCards d={d} dark newStartsTarget={highlights.data?.newStartsTarget} />
              <DashboardCharts d={d} keys={['monthly']} dark lg={24} height="100%" />
            </section>
            <section style={{ display: 'grid', gridTemplateRows: '1.3fr 1fr', gap: 12, minHeight: 0 }}>
              <MapSlot />
              <div style={{ minHeight: 0, overflow: 'hidden' }}>
                <AttentionList d={d} dark limit={5} />
              </div>
            </section>
            <section style={{ display: 'grid', gridTemplateRows: '1fr 1fr 1fr', gap: 12, minHeight: 0 }}>
              <DashboardCharts d={d} keys={['byUnit']} dark lg={24} height="100%" />
              <DashboardCharts d={d} keys={['warningsByUnit']} dark lg={24} height="100%" />
              <DashboardCharts d={d} keys={['matters']} dark lg={24} height="100%" />
            </section>
          </main>
        )}
      </div>
    </ConfigProvider>
  );
}
