import type { RegionBoundary } from '../../../common/schemas/map';
import type { BoundaryRow } from './repository';

export const presentBoundary = (row: BoundaryRow): RegionBoundary => ({
  regionCode: row.regionCode,
  regionName: row.regionName,
  geojson: row.geojson,
  bbox: row.bbox,
  vertexCount: row.vertexCount,
  source: row.source,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});
