import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { RegionMap } from '../../map/components/RegionMap';
import { useMapBase, useMapProjects } from '../../map/hooks/use-map';
import { paramsFromSearch } from '../../projects/utils/list-params';

const HEIGHT = 360;

/**
 * The one map in small on the dashboard: the projects of its key-projects card (the same list filter: the year, the
 * district opened, the leader's own) placed on the region, coloured by warning; a point opens its project, the card's
 * link opens 一张图 with the same filters. Loaded after the figures, with its own chunk (ECharts' map).
 */
export function DashboardMapCard({ projectsDrill, regionCode }: { projectsDrill: string; regionCode?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const search = projectsDrill.split('?')[1] ?? '';
  const filters = useMemo(() => {
    const { page: _page, pageSize: _size, sort: _sort, ...rest } = paramsFromSearch(new URLSearchParams(search));
    return rest;
  }, [search]);
  const base = useMapBase(regionCode);
  const { points, onViewChange } = useMapProjects(filters);
  const mapLink = `/map?${new URLSearchParams([...new URLSearchParams(search), ...(regionCode ? [['region', regionCode]] : [])]).toString()}`;
  return (
    <Card
      size="small"
      title={t('dashboard.map.title')}
      extra={
        <Button type="link" size="small" onClick={() => navigate(mapLink)} data-testid="dashboard-map-open">
          {t('dashboard.map.open')} <RightOutlined />
        </Button>
      }
      style={{ height: '100%' }}
      styles={{ body: { padding: 8 } }}
      data-testid="dashboard-map"
    >
      {points.data && (
        <Flex gap={12} wrap style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary" data-testid="dashboard-map-placed">
            {t('map.placed', { count: points.data.placed })}
          </Typography.Text>
          {points.data.unplaced > 0 && (
            <Typography.Text type="warning">{t('map.unplaced', { count: points.data.unplaced })}</Typography.Text>
          )}
        </Flex>
      )}
      {base.data ? (
        <RegionMap
          base={base.data}
          points={points.data}
          colourBy="warning"
          regionLabels={!phone}
          onPointClick={(id) => navigate(`/projects/${id}`)}
          onViewChange={onViewChange}
          style={{ height: HEIGHT }}
          data-testid="dashboard-map-chart"
        />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </Card>
  );
}
