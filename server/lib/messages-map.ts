/** Messages of the one map (一张图) and the dashboard: boundary uploads, the tile server, drill-downs; merged into `messages.ts`. */
export const mapZh = {
  'boundary.not_geojson': '边界文件须为 GeoJSON 的 FeatureCollection（要素集合）或单个 Feature',
  'boundary.no_features': '边界文件中没有任何要素（features 为空）',
  'boundary.not_feature': '第 {feature} 个要素不是带几何图形的 GeoJSON Feature',
  'boundary.not_polygon': '第 {feature} 个要素的几何类型须为 Polygon 或 MultiPolygon（面）',
  'boundary.bad_coordinates': '第 {feature} 个要素第 {polygon} 个面的坐标格式不正确（每个点须为 [经度, 纬度] 数字）',
  'boundary.projected_crs': '边界文件须使用 WGS-84 经纬度坐标（EPSG:4326），不接受投影坐标系：请先转换后再上传',
  'boundary.projected_coordinates':
    '第 {feature} 个要素第 {polygon} 个面第 {ring} 圈的坐标超出经纬度范围（经度 −180～180、纬度 −90～90），像是投影坐标：请转换为 WGS-84 经纬度后再上传',
  'boundary.ring_too_short': '第 {feature} 个要素第 {polygon} 个面第 {ring} 圈至少要有 3 个拐点并首尾相接',
  'boundary.ring_open': '第 {feature} 个要素第 {polygon} 个面第 {ring} 圈没有闭合（最后一个点须与第一个点相同）',
  'boundary.ring_self_intersects': '第 {feature} 个要素第 {polygon} 个面第 {ring} 圈自相交（边线交叉）',
  'boundary.too_many_vertices': '边界文件的拐点超过 {max} 个：请简化后再上传',
  'error.payload_too_large_limit': '提交的内容过大：不能超过 {megabytes} MB',
  'format.tileUrl': '瓦片服务地址须以 http:// 或 https:// 开头，并含 {z}、{x}、{y} 占位符',
  'map.bbox_invalid': '视野范围须为“西,南,东,北”四个经纬度（十进制度数），西小于东、南小于北，经度在 −180～180、纬度在 −90～90 之间',
  'map.zoom_without_bbox': '指定网格级别（zoom）时须同时给出视野范围（bbox）',
  'map.zoom_too_fine': '网格级别（zoom）过细：视野每边最多 128 格，请减小 zoom 或缩小视野范围',
  'dashboard.unit_outside_scope': '所选单位不存在或不在您的数据范围内',
  'dashboard.no_new_starts_target': '本年未设新开工项目目标（或不在您的查看范围内）',
  'dashboard.new_starts_targets_apart': '各区县新开工目标不能合计（有的区县未设或未计算），请在目标指标页分区县查看',
} as const;

export const mapEn: Record<keyof typeof mapZh, string> = {
  'boundary.not_geojson': 'The boundary must be a GeoJSON FeatureCollection or a single Feature',
  'boundary.no_features': 'The boundary file has no features',
  'boundary.not_feature': 'Feature {feature} is not a GeoJSON Feature with a geometry',
  'boundary.not_polygon': 'Feature {feature} must be a Polygon or MultiPolygon',
  'boundary.bad_coordinates':
    'The coordinates of feature {feature}, polygon {polygon} are malformed (each point must be [longitude, latitude] numbers)',
  'boundary.projected_crs':
    'The boundary must use WGS-84 longitude/latitude (EPSG:4326), not a projected coordinate system: convert it first',
  'boundary.projected_coordinates':
    'Feature {feature}, polygon {polygon}, ring {ring} has coordinates outside longitude −180…180 / latitude −90…90, which look projected: convert them to WGS-84 first',
  'boundary.ring_too_short': 'Feature {feature}, polygon {polygon}, ring {ring} needs at least 3 corners and must be closed',
  'boundary.ring_open': 'Feature {feature}, polygon {polygon}, ring {ring} is not closed (its last point must equal its first)',
  'boundary.ring_self_intersects': 'Feature {feature}, polygon {polygon}, ring {ring} crosses itself',
  'boundary.too_many_vertices': 'The boundary has more than {max} corners: simplify it first',
  'error.payload_too_large_limit': 'The request is too large: at most {megabytes} MB',
  'format.tileUrl': 'The tile server address must start with http:// or https:// and contain {z}, {x} and {y}',
  'map.bbox_invalid':
    'The view must be four decimal degrees "west,south,east,north", west below east and south below north, longitudes within −180…180 and latitudes within −90…90',
  'map.zoom_without_bbox': 'A grid level (zoom) needs a view (bbox)',
  'map.zoom_too_fine':
    'The grid level (zoom) is too fine: at most 128 cells along each side of the view; lower the zoom or narrow the view',
  'dashboard.unit_outside_scope': 'The chosen unit does not exist or is outside your data scope',
  'dashboard.no_new_starts_target': 'No target for new starts is set for the year (or none you may see)',
  'dashboard.new_starts_targets_apart':
    "The districts' new-start targets do not add up (some district has none, or no figure yet): see them by district on the targets page",
};
