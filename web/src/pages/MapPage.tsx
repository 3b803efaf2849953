import { Alert, Card, Flex, Grid, Segmented, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { BoundaryUploadButton } from '../modules/map/components/BoundaryUploadButton';
import { RegionMap } from '../modules/map/components/RegionMap';
import { useMapBase, useMapProjects } from '../modules/map/hooks/use-map';
import type { ColourBy } from '../modules/map/utils/map-option';
import type { ProjectFilters as Filters } from '../modules/projects/api/projects-api';
import { ProjectFilters } from '../modules/projects/components/ProjectFilters';
import { paramsFromSearch, searchFromParams } from '../modules/projects/utils/list-params';

/**
 * 一张图: the region's boundary with every project in scope as a point, coloured by warning or pool, filtered like the
 * project list (the same filters, kept in the address); a point opens its project.
 */
export function MapPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useAddressSearch();
  const { page: _page, pageSize, sort, ...filters } = paramsFromSearch(search);
  const colourBy: ColourBy = search.get('colour') === 'pool' ? 'pool' : 'warning';
  const base = useMapBase();
  const points = useMapProjects(filters);
  const phone = Grid.useBreakpoint().md === false;

  const update = (next: Filters, colour: ColourBy = colourBy) => {
    const params = searchFromParams({ ...next, page: 1, pageSize, sort });
    if (colour === 'pool') params.set('colour', 'pool');
    setSearch(params, { replace: true });
  };

  return (
    <Card
      title={base.data ? `${t('nav.map')} · ${base.data.regionName}` : t('nav.map')}
      extra={
        <Space size={phone ? 4 : 8}>
          <Segmented
            size={phone ? 'small' : 'middle'}
            value={colourBy}
            onChange={(value) => update(filters, value as ColourBy)}
            options={[
              { value: 'warning', label: t('map.colourBy.warning') },
              { value: 'pool', label: t('map.colourBy.pool') },
            ]}
            data-testid="map-colour-by"
          />
          {base.data?.abilities.upload && <BoundaryUploadButton regionCode={base.data.regionCode} iconOnly={phone} />}
        </Space>
      }
      styles={{ body: { padding: phone ? 8 : 16 } }}
    >
      <ProjectFilters phone={phone} value={filters} onChange={update} />
      <Flex gap={12} wrap style={{ marginBottom: 8 }} data-testid="map-summary">
        {points.data && (
          <>
            <Typography.Text>{t('map.placed', { count: points.data.ids.length })}</Typography.Text>
            {points.data.unplaced > 0 && (
              <Typography.Text type="warning" data-testid="map-unplaced">
                {t('map.unplaced', { count: points.data.unplaced })}
              </Typography.Text>
            )}
          </>
        )}
      </Flex>
      {base.isError && <Alert type="error" showIcon message={describeError(base.error, t)} />}
      {points.isError && <Alert type="error" showIcon message={describeError(points.error, t)} />}
      {base.data ? (
        <RegionMap
          base={base.data}
          points={points.data}
          colourBy={colourBy}
          regionLabels={!phone}
          onPointClick={(id) => navigate(`/projects/${id}`)}
          style={{ height: phone ? 480 : 'calc(100vh - 300px)', minHeight: 420 }}
          data-testid="region-map"
        />
      ) : (
        !base.isError && <Skeleton active />
      )}
    </Card>
  );
}
