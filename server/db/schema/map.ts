import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BoundaryCollection } from '../../../common/domain/boundary';
import { versioned } from './columns';
import { regions, users } from './organisation';

/**
 * A region's boundary for the one map (一张图): a checked GeoJSON FeatureCollection of Polygons in WGS-84 degrees
 * (common/domain/boundary.ts), one row per region. The demo loads 济南市 and its districts; an administrator
 * uploads others. `bbox` is [west, south, east, north].
 */
export const regionBoundaries = pgTable('region_boundaries', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  geojson: jsonb('geojson').$type<BoundaryCollection>().notNull(),
  vertexCount: integer('vertex_count').notNull(),
  bbox: jsonb('bbox').$type<[number, number, number, number]>().notNull(),
  /** Where it came from: the file's name or `demo`. */
  source: text('source').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  ...versioned,
});
