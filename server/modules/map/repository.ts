import { and, eq, sql } from 'drizzle-orm';
import type { BoundaryCollection } from '../../../common/domain/boundary';
import type { Executor } from '../../db/client';
import { regionBoundaries, regions } from '../../db/schema';

export type BoundaryRow = typeof regionBoundaries.$inferSelect & { regionName: string };

const selection = { boundary: regionBoundaries, regionName: regions.name };
const flatten = (r: { boundary: typeof regionBoundaries.$inferSelect; regionName: string }): BoundaryRow => ({
  ...r.boundary,
  regionName: r.regionName,
});

/** A region's stored boundary, or null. Boundaries are public geography: the caller decides who may ask. */
export async function findBoundary(db: Executor, regionCode: string): Promise<BoundaryRow | null> {
  const [row] = await db
    .select(selection)
    .from(regionBoundaries)
    .innerJoin(regions, eq(regions.code, regionBoundaries.regionCode))
    .where(eq(regionBoundaries.regionCode, regionCode));
  return row ? flatten(row) : null;
}

/** The stored boundaries of a region's direct children (a city's districts), by code. */
export async function findChildBoundaries(db: Executor, parentCode: string): Promise<BoundaryRow[]> {
  const rows = await db
    .select(selection)
    .from(regionBoundaries)
    .innerJoin(regions, eq(regions.code, regionBoundaries.regionCode))
    .where(and(eq(regions.parentCode, parentCode)))
    .orderBy(regions.code);
  return rows.map(flatten);
}

export type NewBoundary = {
  regionCode: string;
  geojson: BoundaryCollection;
  vertexCount: number;
  bbox: [number, number, number, number];
  source: string;
  updatedBy: string | null;
};

/** Stores a region's boundary, replacing the one it had (its version goes up). */
export async function saveBoundary(db: Executor, boundary: NewBoundary) {
  await db
    .insert(regionBoundaries)
    .values(boundary)
    .onConflictDoUpdate({
      target: regionBoundaries.regionCode,
      set: { ...boundary, updatedAt: sql`now()`, version: sql`${regionBoundaries.version} + 1` },
    });
}
