import type { CustomSeriesOption, LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ParcelStatus, Pool } from '../../../../../common/enums';
import type { MessageKey, Translate } from '../../../i18n';
import type { Bbox } from '../../../../../common/domain/map-grid';
import type { MapBase, MapCarriers, MapCell, MapParcel, MapPark, MapProjects } from '../api/map-api';
import { bubbleSize, cellClasses, shareArcs, shownCount } from './cells';

export type MapOption = ComposeOption<
  GeoComponentOption | ScatterSeriesOption | LinesSeriesOption | CustomSeriesOption | LegendComponentOption | TooltipComponentOption
>;
export type ColourBy = 'warning' | 'pool';
export type LonLat = [number, number];
/** What a page draws over the projects: a point being placed and an outline being drawn (closed once finished). */
export type MapOverlay = { point?: LonLat | null; outline?: LonLat[]; closed?: boolean };

/** Warning levels as the API sends them (0 none, 1 green, 2 yellow, 3 red), red drawn last so it stays on top. */
const WARNING_GROUPS: { level: number; label: MessageKey; colour: string }[] = [
  { level: 0, label: 'map.noWarning', colour: '#8c8c8c' },
  { level: 1, label: 'warningColour.green', colour: '#52c41a' },
  { level: 2, label: 'warningColour.yellow', colour: '#faad14' },
  { level: 3, label: 'warningColour.red', colour: '#f5222d' },
];
export const POOL_COLOURS: Record<Pool, string> = {
  planning: '#722ed1',
  advancing: '#1677ff',
  implementing: '#fa8c16',
  completed: '#52c41a',
  withdrawn: '#8c8c8c',
};

/** The series of bubbles: the server's grid cells when the view holds many projects (see `cells.ts`). */
export const CELL_SERIES = 'cells';
/** The map's closest zoom when its base is a district or smaller; a wider base may zoom closer (`maxZoomFor`). */
const MAX_ZOOM = 40;
/** The narrowest view the map zooms to, in degrees (≈ 200 m): a street's projects one by one. */
const NARROWEST_VIEW = 0.002;

export type PointGroup = { key: string; label: string; colour: string; data: [number, number, number][] };

/** The points split into one series per colour: row i of the columns becomes [lon, lat, i]. */
export function groupPoints(points: MapProjects, colourBy: ColourBy, t: Translate): PointGroup[] {
  const groups =
    colourBy === 'warning'
      ? WARNING_GROUPS.map((g) => ({
          key: `warning-${g.level}`,
          label: t(g.label),
          colour: g.colour,
          data: [] as [number, number, number][],
        }))
      : points.pools.map((pool) => ({
          key: `pool-${pool}`,
          label: t(`pool.${pool}`),
          colour: POOL_COLOURS[pool],
          data: [] as [number, number, number][],
        }));
  const column = colourBy === 'warning' ? points.warning : points.pool;
  for (let i = 0; i < points.ids.length; i++) {
    groups[column[i] ?? 0]?.data.push([points.lon[i] ?? 0, points.lat[i] ?? 0, i]);
  }
  return groups;
}

type Feature = { properties?: { name?: unknown } | null };
const featureName = (feature: unknown) => {
  const name = (feature as Feature).properties?.name;
  return typeof name === 'string' ? name : '';
};
/** A feature under a name: its own, else the region's (ECharts names a region by `properties.name`). */
const named = (feature: unknown, fallback: string) => {
  const f = feature as Feature & Record<string, unknown>;
  return { ...f, properties: { ...(f.properties ?? {}), name: featureName(f) || fallback } };
};

/** The region's own features that its children (those with a boundary) do not draw themselves, by name. */
function ownOutline(base: MapBase) {
  if (base.children.length === 0 || !base.boundary) return [];
  const drawn = new Set(base.children.flatMap((c) => [c.regionName, ...c.geojson.features.map(featureName)]));
  return base.boundary.geojson.features.map((f) => named(f, base.regionName)).filter((f) => !drawn.has(f.properties.name));
}

/**
 * The names of the region's own outline drawn under its children — a district's whole outline under the streets
 * uploaded so far; a city whose boundary is the file of its districts: the districts without a boundary of their own.
 * The map draws them without a label and with a stronger border.
 */
export const ownOutlineNames = (base: MapBase): string[] => ownOutline(base).map((f) => f.properties.name);

/**
 * The GeoJSON the map registers for a base: its children (a city's districts, a district's streets) when any has a
 * boundary, over the parts of its own outline they do not draw (so a district's outline does not vanish when its
 * first street is uploaded); else its own boundary.
 */
export function baseGeoJson(base: MapBase): { type: 'FeatureCollection'; features: unknown[] } | null {
  if (base.children.length === 0) return base.boundary?.geojson ?? null;
  const children = base.children.flatMap((c) => c.geojson.features.map((f) => named(f, c.regionName)));
  return { type: 'FeatureCollection', features: [...ownOutline(base), ...children] };
}

/** The extent of what the base draws (its own boundary and its children's), or null without any. */
export function baseExtent(base: MapBase): Bbox | null {
  const boxes = [base.boundary, ...base.children].flatMap((b) => (b ? [b.bbox] : []));
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/**
 * The closest zoom of the map (ECharts' geo zoom, 1 = the base fits): close enough that a view is NARROWEST_VIEW wide,
 * so a province's dense streets come apart into points; 40 at least.
 */
export function maxZoomFor(base: MapBase): number {
  const extent = baseExtent(base);
  const span = extent ? Math.max(extent[2] - extent[0], extent[3] - extent[1]) : 0;
  return Math.max(MAX_ZOOM, Math.round(span / NARROWEST_VIEW));
}

/** The name the base is registered under: changes when a boundary is replaced, so the new one is drawn. */
export const baseMapName = (base: MapBase) =>
  `lantu-${base.regionCode}-${[base.boundary?.version ?? 0, ...base.children.map((c) => `${c.regionCode}.${c.version}`)].join('-')}`;

type OptionInput = {
  mapName: string;
  points?: MapProjects;
  colourBy: ColourBy;
  t: Translate;
  overlay?: MapOverlay;
  dark?: boolean;
  /** Names of the regions drawn on the base (off on a phone, where they crowd the points). */
  regionLabels?: boolean;
  /** Tiles are drawn under the base: its areas become see-through. */
  tiles?: boolean;
  /** Where the viewer has panned and zoomed to, kept when the option is rebuilt. */
  view?: MapView | null;
  /** The parks and parcels layers (those asked for), drawn under the points. */
  carriers?: MapCarriers;
  /** The map's closest zoom (`maxZoomFor` of its base). */
  maxZoom?: number;
  /** The legend's choice of colours shown (a colour's label → shown), kept when the option is rebuilt. */
  legendSelected?: Record<string, boolean>;
  /** The region's own outline under its children (`ownOutlineNames`): drawn unlabelled, with a stronger border. */
  outlines?: string[];
};
export type MapView = { center: number[]; zoom: number };

/** The map: the boundary as a roamable `geo`, a scatter series per colour (legend toggles them), and the overlay. */
export function buildMapOption({
  mapName,
  points,
  colourBy,
  t,
  overlay,
  dark = false,
  regionLabels = true,
  tiles = false,
  view,
  carriers,
  maxZoom = MAX_ZOOM,
  legendSelected,
  outlines = [],
}: OptionInput): MapOption {
  const groups = points ? groupPoints(points, colourBy, t) : [];
  const layers = carriers ? carrierSeries(carriers, t, dark) : { series: [], legend: [] };
  const hidden = new Set(Object.entries(legendSelected ?? {}).flatMap(([name, shown]) => (shown ? [] : [name])));
  const cells = points?.mode === 'cells' ? points.cells : [];
  // In the cells' answer the colours' series are empty: they keep the legend, which counts a colour in or out of the bubbles.
  const scatter: (ScatterSeriesOption | CustomSeriesOption)[] = groups.map((group) => ({
    type: 'scatter',
    id: group.key,
    name: group.label,
    coordinateSystem: 'geo',
    data: group.data,
    symbolSize: 10,
    itemStyle: { color: group.colour, opacity: 1, borderColor: '#fff', borderWidth: 1 },
    emphasis: { scale: 1.6 },
    cursor: 'pointer',
    z: 3,
  }));
  if (cells.length > 0)
    scatter.push(
      cellSeries(
        cells,
        colourBy,
        groups.map((g) => ({ colour: g.colour, shown: !hidden.has(g.label) })),
        t('map.clusterName'),
        dark,
      ),
    );
  const drawn: (ScatterSeriesOption | LinesSeriesOption)[] = [];
  const outline = overlay?.outline ?? [];
  if (outline.length > 0) {
    const coords = overlay?.closed && outline[0] ? [...outline, outline[0]] : outline;
    drawn.push({
      type: 'lines',
      id: 'outline',
      coordinateSystem: 'geo',
      polyline: true,
      silent: true,
      data: [{ coords }],
      lineStyle: { color: '#1677ff', width: 2, opacity: 1 },
    });
    drawn.push({
      type: 'scatter',
      id: 'outline-corners',
      coordinateSystem: 'geo',
      silent: true,
      data: outline,
      symbolSize: 6,
      itemStyle: { color: '#1677ff' },
    });
  }
  if (overlay?.point) {
    drawn.push({
      type: 'scatter',
      id: 'placed-point',
      coordinateSystem: 'geo',
      silent: true,
      data: [overlay.point],
      symbol: 'pin',
      symbolSize: 36,
      symbolOffset: [0, '-40%'],
      itemStyle: { color: '#f5222d' },
      z: 10,
    });
  }
  const text = dark ? '#d9d9d9' : '#595959';
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = params as { seriesId?: string; data?: [number, number, number]; value?: number[] };
        if (carriers && p.data && p.seriesId?.startsWith('carrier-')) return carrierTooltip(carriers, p.seriesId, p.data[2], t);
        if (p.seriesId === CELL_SERIES && p.data) return cellTooltip(cells[p.data[2]], colourBy, groups, t);
        if (!points || !p.data || !p.seriesId?.startsWith(colourBy)) return '';
        const i = p.data[2];
        return `${escapeHtml(points.names[i] ?? '')}<br/>${t('map.investment', { wan: (points.investmentWan[i] ?? 0).toLocaleString() })}`;
      },
    },
    // The points' colours along the bottom; the layers' (园区, 储备地块 …) along the top.
    legend: [
      ...(groups.length > 0
        ? [
            {
              id: 'points',
              bottom: 8,
              left: 'center',
              textStyle: { color: text },
              data: groups.map((g) => g.label),
              ...(legendSelected ? { selected: legendSelected } : {}),
            },
          ]
        : []),
      ...(layers.legend.length > 0
        ? [{ id: 'carriers', top: 4, left: 'center', textStyle: { color: text }, data: layers.legend, itemWidth: 18, itemHeight: 12 }]
        : []),
    ],
    geo: {
      map: mapName,
      roam: true,
      scaleLimit: { min: 0.8, max: maxZoom },
      label: { show: regionLabels, color: text, fontSize: 12 },
      itemStyle: {
        areaColor: tiles ? 'rgba(240, 245, 255, 0.25)' : dark ? '#112240' : '#f0f5ff',
        borderColor: dark ? '#4096ff' : '#597ef7',
        borderWidth: 1.2,
      },
      ...(view ? { center: view.center, zoom: view.zoom } : {}),
      ...(outlines.length > 0
        ? {
            regions: outlines.map((name) => ({
              name,
              label: { show: false },
              itemStyle: { borderColor: dark ? '#69b1ff' : '#2f54eb', borderWidth: 2.4 },
            })),
          }
        : {}),
      emphasis: { disabled: true },
      select: { disabled: true },
      top: layers.legend.length > 0 ? 40 : 24,
      bottom: groups.length > 0 ? 48 : 24,
    },
    series: [...layers.series, ...scatter, ...drawn],
  };
}

/**
 * The grid cells as bubbles (one custom series): each at the mean of its points, sized by the count of the colours
 * shown, its ring split in their shares (clockwise from the top, in the colours' order), the count inside. A cell of
 * hidden colours only is not drawn.
 */
function cellSeries(
  cells: MapCell[],
  colourBy: ColourBy,
  colours: { colour: string; shown: boolean }[],
  name: string,
  dark: boolean,
): CustomSeriesOption {
  const shown = colours.map((c) => c.shown);
  return {
    type: 'custom',
    id: CELL_SERIES,
    name,
    coordinateSystem: 'geo',
    data: cells.flatMap((cell, i) => (shownCount(cell, colourBy, shown) > 0 ? [[cell.lon, cell.lat, i]] : [])),
    cursor: 'zoom-in',
    z: 4,
    renderItem: (_params, api) => {
      const cell = cells[Number(api.value(2))];
      if (!cell) return null;
      const [x = 0, y = 0] = api.coord([cell.lon, cell.lat]);
      const count = shownCount(cell, colourBy, shown);
      const r = bubbleSize(count) / 2;
      const inner = r - Math.max(4, r * 0.28);
      return {
        type: 'group' as const,
        children: [
          ...shareArcs(cellClasses(cell, colourBy), shown).map((arc) => ({
            type: 'sector' as const,
            shape: { cx: x, cy: y, r, r0: inner, startAngle: arc.start, endAngle: arc.end, clockwise: true },
            style: { fill: colours[arc.k]?.colour ?? '#8c8c8c', stroke: dark ? '#0b1a2e' : '#fff', lineWidth: 1 },
          })),
          { type: 'circle' as const, shape: { cx: x, cy: y, r: inner }, style: { fill: dark ? '#1d39c4' : '#2f54eb' } },
          {
            type: 'text' as const,
            x,
            y,
            silent: true,
            style: {
              text: String(count),
              fill: '#fff',
              fontSize: 11,
              fontWeight: 'bold' as const,
              align: 'center' as const,
              verticalAlign: 'middle' as const,
            },
          },
        ],
      };
    },
  };
}

/** A bubble's tooltip: its projects' count, how many of each colour, their total investment. */
function cellTooltip(cell: MapCell | undefined, colourBy: ColourBy, groups: PointGroup[], t: Translate): string {
  if (!cell) return '';
  const counts = cellClasses(cell, colourBy);
  const parts = groups.flatMap((group, k) => ((counts[k] ?? 0) > 0 ? [`${escapeHtml(group.label)} ${counts[k]}`] : []));
  const wan = Math.round(cell.investmentYuan / 10_000).toLocaleString();
  return `${t('map.cluster', { count: cell.count })}<br/>${parts.join(' · ')}<br/>${t('map.investment', { wan })}`;
}

/** Parcels' colours by status: none of the points' colours, so a parcel is never taken for a project. */
export const PARCEL_COLOURS: Record<ParcelStatus, string> = {
  reserve: '#8d6e63',
  available: '#13c2c2',
  supplied: '#3f51b5',
};
const PARCEL_ORDER: ParcelStatus[] = ['reserve', 'available', 'supplied'];
export const PARK_COLOUR = '#389e0d';

type Ring = [number, number][];
type CustomApi = { value: (dimension: number) => unknown; coord: (point: number[]) => number[] };

/** The parks as translucent areas with their names, the parcels as areas by status: one series a legend entry. */
export function carrierSeries(carriers: MapCarriers, t: Translate, dark = false): { series: CustomSeriesOption[]; legend: string[] } {
  const series: CustomSeriesOption[] = [];
  const legend: string[] = [];
  const drawnParks = carriers.parks.flatMap((park, i) => (park.outline && park.centre ? [[...park.centre, i]] : []));
  if (drawnParks.length > 0) {
    const name = t('map.layer.parks');
    legend.push(name);
    series.push({
      type: 'custom',
      id: 'carrier-parks',
      name,
      coordinateSystem: 'geo',
      data: drawnParks,
      itemStyle: { color: PARK_COLOUR },
      z: 1,
      renderItem: (_params, api) => {
        const park = carriers.parks[Number(api.value(2))];
        return park ? parkShape(park, api as unknown as CustomApi, dark) : null;
      },
    });
  }
  for (const status of PARCEL_ORDER) {
    const data = carriers.parcels.flatMap((parcel, i) =>
      parcel.status === status && parcel.outline && parcel.centre ? [[...parcel.centre, i]] : [],
    );
    if (data.length === 0) continue;
    const name = t(`map.layer.parcel.${status}`);
    legend.push(name);
    series.push({
      type: 'custom',
      id: `carrier-parcels-${status}`,
      name,
      coordinateSystem: 'geo',
      data,
      itemStyle: { color: PARCEL_COLOURS[status] },
      cursor: 'pointer',
      z: 2,
      renderItem: (_params, api) => {
        const parcel = carriers.parcels[Number(api.value(2))];
        return parcel ? parcelShape(parcel, api as unknown as CustomApi) : null;
      },
    });
  }
  return { series, legend };
}

const polygonOf = (ring: Ring, api: CustomApi) => ring.map((point) => api.coord(point));

/** A park: its outline as a translucent area with a dashed border, its name just above it (clear of its parcels). */
function parkShape(park: MapPark, api: CustomApi, dark: boolean) {
  const north = Math.max(...(park.outline?.[0] ?? []).map(([, lat]) => lat));
  const centre = api.coord([park.centre?.[0] ?? 0, Number.isFinite(north) ? north : (park.centre?.[1] ?? 0)]);
  return {
    type: 'group' as const,
    children: [
      ...(park.outline ?? []).slice(0, 1).map((ring) => ({
        type: 'polygon' as const,
        shape: { points: polygonOf(ring, api) },
        style: { fill: 'rgba(56, 158, 13, 0.14)', stroke: PARK_COLOUR, lineWidth: 1.5, lineDash: [6, 4] },
      })),
      {
        type: 'text' as const,
        x: centre[0],
        y: (centre[1] ?? 0) - 3,
        silent: true,
        style: {
          text: park.name,
          fill: dark ? '#b7eb8f' : '#237804',
          fontSize: 12,
          fontWeight: 'bold' as const,
          align: 'center' as const,
          verticalAlign: 'bottom' as const,
          stroke: dark ? '#001529' : '#fff',
          lineWidth: 3,
        },
        z2: 10,
      },
    ],
  };
}

/** A parcel: its area in the status colour; at least a small square where the district's scale shrinks it to a dot. */
function parcelShape(parcel: MapParcel, api: CustomApi) {
  const ring = parcel.outline?.[0] ?? [];
  const points = polygonOf(ring, api);
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  const tiny = Math.max(...xs) - Math.min(...xs) < 8 && Math.max(...ys) - Math.min(...ys) < 8;
  const centre = api.coord(parcel.centre ?? [0, 0]);
  const colour = PARCEL_COLOURS[parcel.status];
  return tiny
    ? { type: 'rect' as const, shape: { x: (centre[0] ?? 0) - 4, y: (centre[1] ?? 0) - 4, width: 8, height: 8 }, style: { fill: colour } }
    : { type: 'polygon' as const, shape: { points }, style: { fill: colour, stroke: '#fff', lineWidth: 1 } };
}

function carrierTooltip(carriers: MapCarriers, seriesId: string, index: number, t: Translate): string {
  if (seriesId === 'carrier-parks') {
    const park = carriers.parks[index];
    return park ? escapeHtml(park.name) : '';
  }
  const parcel = carriers.parcels[index];
  if (!parcel) return '';
  return `${escapeHtml(parcel.code)} ${escapeHtml(parcel.name)}<br/>${t(`parcelStatus.${parcel.status}`)} · ${t('map.parcel.areaMu', { mu: parcel.areaMu })}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
