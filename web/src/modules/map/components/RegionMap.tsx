import { Empty } from 'antd';
import { CustomChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { registerMap, use } from 'echarts/core';
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { EChart, type EChartHandle } from '../../../ui/EChart';
import type { Bbox } from '../../../../../common/domain/map-grid';
import type { MapBase, MapCarriers, MapParcel, MapProjects } from '../api/map-api';
import { type MapViewRequest, viewRequestFor, zoomIntoCell } from '../utils/cells';
import {
  baseGeoJson,
  ownOutlineNames,
  baseMapName,
  buildMapOption,
  type ColourBy,
  CELL_SERIES,
  type LonLat,
  type MapOverlay,
  type MapView,
  maxZoomFor,
} from '../utils/map-option';
import { useTileLayer } from './use-tile-layer';

use([GeoComponent, ScatterChart, LinesChart, CustomChart]);

export type RegionMapProps = {
  base: MapBase;
  points?: MapProjects;
  colourBy?: ColourBy;
  /** A project's point was clicked. */
  onPointClick?: (projectId: string) => void;
  /**
   * What the map shows changed (first drawn, panned, zoomed, a bubble clicked): the view and grid level to ask the
   * projects for (`useMapProjects`). Told at once when first drawn or a bubble is clicked, else once the viewer has
   * stopped moving the map for VIEW_DEBOUNCE_MS.
   */
  onViewChange?: (view: MapViewRequest) => void;
  /** The parks and parcels layers to draw (those the page asked for). */
  carriers?: MapCarriers;
  /** A parcel was clicked. */
  onParcelClick?: (parcel: MapParcel) => void;
  /** The map was clicked (placing a point, adding an outline corner): the place in longitude/latitude. */
  onMapClick?: (at: LonLat) => void;
  onMapDoubleClick?: (at: LonLat) => void;
  overlay?: MapOverlay;
  dark?: boolean;
  regionLabels?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
};

/**
 * The one map (一张图) as a reusable piece: the region's boundary (a city as its districts), the intranet tiles under
 * it when a tile server is set, the projects as points coloured by warning or pool, and an overlay being edited. The
 * dashboard's big screen embeds it with `dark`.
 */
export function RegionMap({
  base,
  points,
  colourBy = 'warning',
  onPointClick,
  onViewChange,
  carriers,
  onParcelClick,
  onMapClick,
  onMapDoubleClick,
  overlay,
  dark,
  regionLabels,
  style,
  'data-testid': testId,
}: RegionMapProps) {
  const { t, locale } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const geojson = useMemo(() => baseGeoJson(base), [base]);
  const outlines = useMemo(() => ownOutlineNames(base), [base]);
  const mapName = useMemo(() => {
    const name = baseMapName(base);
    // biome-ignore lint/suspicious/noExplicitAny: ECharts types registerMap's GeoJSON loosely.
    if (geojson) registerMap(name, geojson as any);
    return name;
  }, [base, geojson]);
  // Where the viewer panned and zoomed to: a new option (a point placed, a filter changed) keeps the view.
  const view = useRef<MapView | null>(null);
  const maxZoom = useMemo(() => maxZoomFor(base), [base]);
  // The colours the legend shows, kept across rebuilt options; the bubbles count only the colours shown.
  const [legendSelected, setLegendSelected] = useState<Record<string, boolean> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another colouring has other legend entries.
  useEffect(() => setLegendSelected(undefined), [colourBy]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new base starts from its whole extent.
  useEffect(() => {
    view.current = null;
  }, [mapName]);
  const option = useMemo(
    () =>
      buildMapOption({
        mapName,
        points,
        colourBy,
        t,
        overlay,
        dark,
        regionLabels,
        tiles: !!base.tileUrl,
        view: view.current,
        carriers,
        maxZoom,
        legendSelected,
        outlines,
      }),
    [mapName, points, colourBy, t, overlay, dark, regionLabels, base.tileUrl, carriers, maxZoom, legendSelected, outlines],
  );
  useTileLayer(chart, base.tileUrl, option);

  // The latest handlers, so the listeners attached once per chart call what the page passes now.
  const handlers = useRef({ onPointClick, onViewChange, onParcelClick, onMapClick, onMapDoubleClick, points, carriers, maxZoom });
  handlers.current = { onPointClick, onViewChange, onParcelClick, onMapClick, onMapDoubleClick, points, carriers, maxZoom };
  // Without a boundary nothing is drawn: the projects are asked for the whole extent of their points.
  useEffect(() => {
    if (!geojson) handlers.current.onViewChange?.({});
  }, [geojson]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is re-created when the language changes.
  useEffect(() => {
    const instance = chart.current?.instance();
    if (!instance) return;
    const toLonLat = (x: number, y: number): LonLat | null => {
      const at = instance.convertFromPixel({ geoIndex: 0 }, [x, y]) as number[] | undefined;
      return at && Number.isFinite(at[0]) && Number.isFinite(at[1]) ? [round6(at[0] ?? 0), round6(at[1] ?? 0)] : null;
    };
    // The view in degrees as drawn now, and the question for it.
    const shownView = (): Bbox | null => {
      const nw = instance.convertFromPixel({ geoIndex: 0 }, [0, 0]) as number[] | undefined;
      const se = instance.convertFromPixel({ geoIndex: 0 }, [instance.getWidth(), instance.getHeight()]) as number[] | undefined;
      if (!nw || !se || ![nw[0], nw[1], se[0], se[1]].every(Number.isFinite)) return null;
      return [nw[0] ?? 0, se[1] ?? 0, se[0] ?? 0, nw[1] ?? 0];
    };
    const report = () => {
      const shown = shownView();
      if (shown && shown[0] < shown[2] && shown[1] < shown[3]) handlers.current.onViewChange?.(viewRequestFor(shown, instance.getWidth()));
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reportSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(report, VIEW_DEBOUNCE_MS);
    };
    report();
    instance.on('georoam', () => {
      const geo = (instance.getOption() as { geo?: MapView[] }).geo?.[0];
      if (geo?.center && geo.zoom) view.current = { center: [...geo.center], zoom: geo.zoom };
      reportSoon();
    });
    instance.on('click', (params) => {
      const data = params.data as [number, number, number] | undefined;
      // A bubble: zoom in around its points, where they spread into smaller bubbles or into points.
      if (params.seriesId === CELL_SERIES && Array.isArray(data)) {
        const cell = handlers.current.points?.cells[data[2]];
        const shown = shownView();
        if (!cell || !shown) return;
        const next = zoomIntoCell(cell, shown, view.current?.zoom ?? 1, handlers.current.maxZoom);
        view.current = next;
        instance.setOption({ geo: { center: next.center, zoom: next.zoom } });
        clearTimeout(timer);
        report();
        return;
      }
      if (params.seriesType === 'custom' && String(params.seriesId).startsWith('carrier-parcels') && Array.isArray(data)) {
        const parcel = handlers.current.carriers?.parcels[data[2]];
        if (parcel) handlers.current.onParcelClick?.(parcel);
        return;
      }
      const id = Array.isArray(data) ? handlers.current.points?.ids[data[2]] : undefined;
      if (id && params.seriesType === 'scatter' && !String(params.seriesId).startsWith('placed')) handlers.current.onPointClick?.(id);
    });
    instance.on('legendselectchanged', (params) => setLegendSelected({ ...(params as { selected: Record<string, boolean> }).selected }));
    const zr = instance.getZr();
    const click = (event: { offsetX: number; offsetY: number }) => {
      const at = toLonLat(event.offsetX, event.offsetY);
      if (at) handlers.current.onMapClick?.(at);
    };
    const dblclick = (event: { offsetX: number; offsetY: number }) => {
      const at = toLonLat(event.offsetX, event.offsetY);
      if (at) handlers.current.onMapDoubleClick?.(at);
    };
    zr.on('click', click);
    zr.on('dblclick', dblclick);
    return () => {
      clearTimeout(timer);
      instance.off('click');
      instance.off('georoam');
      instance.off('legendselectchanged');
      zr.off('click', click);
      zr.off('dblclick', dblclick);
    };
  }, [locale, mapName]);

  if (!geojson) return <Empty description={t('map.noBoundary')} data-testid="map-no-boundary" />;
  return <EChart ref={chart} option={option} style={{ height: 560, ...style }} data-testid={testId} />;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
/** How long the map must rest after a pan or zoom before the projects of the new view are asked for. */
const VIEW_DEBOUNCE_MS = 300;
