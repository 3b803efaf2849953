import { Alert, Card, Checkbox, Flex, Grid, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { BoundaryUploadButton } from '../modules/map/components/BoundaryUploadButton';
import { useCan, useMe } from '../modules/auth/hooks/use-me';
import type { MapCarrierLayer, MapParcel } from '../modules/map/api/map-api';
import { ParcelCard } from '../modules/map/components/ParcelCard';
import { RegionMap } from '../modules/map/components/RegionMap';
import { useMapBase, useMapCarriers, useMapProjects } from '../modules/map/hooks/use-map';
import { MAP_LAYERS, type MapLayer, layersFromParam } from '../modules/map/utils/layers';
import { pickedRegion, projectDistricts, regionOptions, seesSeveralDistricts } from '../modules/map/utils/region-choice';
import type { ColourBy } from '../modules/map/utils/map-option';
import type { ProjectFilters as Filters } from '../modules/projects/api/projects-api';
import { ProjectFilters } from '../modules/projects/components/ProjectFilters';
import { paramsFromSearch, searchFromParams } from '../modules/projects/utils/list-params';
import { useRegionChildren } from '../modules/regions/hooks/use-regions';

/**
 * 一张图: the region's boundary with every project in scope as a point, coloured by warning or pool, filtered like the
 * project list (the same filters, kept in the address); a point opens its project. The parks and parcels are layers
 * switched on beside the projects (`layers=` in the address); a parcel clicked shows its number, area, status, park.
 * A city or province reader picks the region drawn (`region=`: one of his region's children, its projects only).
 */
export function MapPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useAddressSearch();
  const { page: _page, pageSize, sort, ...filters } = paramsFromSearch(search);
  const colourBy: ColourBy = search.get('colour') === 'pool' ? 'pool' : 'warning';
  const can = useCan();
  const carrierReader = can('carrier.read');
  const layers = layersFromParam(search.get('layers')).filter((layer) => layer === 'projects' || carrierReader);
  const carrierLayers = layers.filter((layer): layer is MapCarrierLayer => layer !== 'projects');
  // The region drawn: a city or province reader picks one of his region's children; everyone else sees his own.
  const me = useMe();
  const several = seesSeveralDistricts(me);
  const children = useRegionChildren(me.region.code, several);
  const region = several ? pickedRegion(search.get('region'), children.data) : undefined;
  const cityDistricts = useRegionChildren(region?.code ?? '', region?.level === 'city' || region?.level === 'province');
  const districts = projectDistricts(region, cityDistricts.data);
  const base = useMapBase(region?.code);
  const { points, onViewChange } = useMapProjects(
    districts ? { ...filters, regionCode: districts } : filters,
    layers.includes('projects') && districts !== undefined,
  );
  const carriers = useMapCarriers(region?.code, carrierLayers);
  const [parcel, setParcel] = useState<MapParcel | null>(null);
  const phone = Grid.useBreakpoint().md === false;

  const update = (next: Filters, colour: ColourBy = colourBy, shown: MapLayer[] = layers, picked = region?.code) => {
    const params = searchFromParams({ ...next, page: 1, pageSize, sort });
    if (colour === 'pool') params.set('colour', 'pool');
    // Only the projects: the default, left out of the address.
    if (shown.join(',') !== 'projects') params.set('layers', shown.join(','));
    if (picked) params.set('region', picked);
    setSearch(params, { replace: true });
  };
  const unplacedCarriers = carriers.data ? [...carriers.data.parks, ...carriers.data.parcels].filter((c) => !c.outline).length : 0;

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
          {base.data?.abilities.upload && (
            <BoundaryUploadButton regionCode={base.data.regionCode} regionName={base.data.regionName} iconOnly={phone} />
          )}
        </Space>
      }
      styles={{ body: { padding: phone ? 8 : 16 } }}
    >
      <ProjectFilters phone={phone} value={filters} onChange={update} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        {several && children.data && children.data.length > 0 && (
          <Select
            aria-label={t('map.region')}
            value={region?.code ?? ''}
            onChange={(code: string) => {
              setParcel(null);
              update(filters, colourBy, layers, code || undefined);
            }}
            options={regionOptions(me.region, children.data, (name) => t('map.region.whole', { name }))}
            style={{ width: phone ? '100%' : 200 }}
            showSearch
            optionFilterProp="label"
            data-testid="map-region"
          />
        )}
        <Space size={4} data-testid="map-layers">
          <Typography.Text type="secondary">{t('map.layers')}</Typography.Text>
          <Checkbox.Group
            value={layers}
            onChange={(value) => {
              setParcel(null);
              update(
                filters,
                colourBy,
                MAP_LAYERS.filter((layer) => value.includes(layer)),
              );
            }}
            options={MAP_LAYERS.filter((layer) => layer === 'projects' || carrierReader).map((layer) => ({
              value: layer,
              label: t(`map.layer.${layer}`),
            }))}
          />
        </Space>
        {carriers.data && carrierLayers.length > 0 && (
          <Typography.Text data-testid="map-carriers-summary">
            {t('map.carriersSummary', { parks: carriers.data.parks.length, parcels: carriers.data.parcels.length })}
          </Typography.Text>
        )}
        {carriers.data && carrierLayers.length > 0 && unplacedCarriers > 0 && (
          <Typography.Text type="warning">{t('map.carriersUnplaced', { count: unplacedCarriers })}</Typography.Text>
        )}
        {(carriers.data?.truncated.parks || carriers.data?.truncated.parcels) && (
          <Typography.Text type="warning">{t('map.carriersTruncated', { limit: 5000 })}</Typography.Text>
        )}
      </Flex>
      <Flex gap={12} wrap style={{ marginBottom: 8 }} data-testid="map-summary">
        {points.data && layers.includes('projects') && (
          <>
            <Typography.Text>{t('map.placed', { count: points.data.placed })}</Typography.Text>
            {points.data.unplaced > 0 && (
              <Typography.Text type="warning" data-testid="map-unplaced">
                {t('map.unplaced', { count: points.data.unplaced })}
              </Typography.Text>
            )}
            {points.data.mode === 'cells' && (
              <Typography.Text type="secondary" data-testid="map-cells-hint">
                {t('map.cellsHint')}
              </Typography.Text>
            )}
          </>
        )}
      </Flex>
      {base.isError && <Alert type="error" showIcon message={describeError(base.error, t)} />}
      {points.isError && <Alert type="error" showIcon message={describeError(points.error, t)} />}
      {carriers.isError && <Alert type="error" showIcon message={describeError(carriers.error, t)} />}
      {base.data ? (
        <div style={{ position: 'relative' }}>
          <RegionMap
            base={base.data}
            points={layers.includes('projects') ? points.data : undefined}
            colourBy={colourBy}
            carriers={carrierLayers.length > 0 ? carriers.data : undefined}
            onParcelClick={setParcel}
            // A district's own name would sit on its parks; a city's districts keep theirs.
            regionLabels={!phone && (carrierLayers.length === 0 || base.data.children.length > 0)}
            onPointClick={(id) => navigate(`/projects/${id}`)}
            onViewChange={onViewChange}
            style={{ height: phone ? 480 : 'calc(100vh - 340px)', minHeight: 420 }}
            data-testid="region-map"
          />
          {parcel && <ParcelCard parcel={parcel} onClose={() => setParcel(null)} phone={phone} />}
        </div>
      ) : (
        !base.isError && <Skeleton active />
      )}
    </Card>
  );
}
