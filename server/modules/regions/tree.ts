import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Rows whose region code lies in the region's tree: the region itself and every region under it (a district's own
 * rows; for a city, its districts' and their streets'). The one way a figure of a region above district level adds up
 * its districts' rows — the computed indicators (projects, leads, parcels) all read through it, so a city's figure is
 * the sum of its districts'. It is not a data scope: the caller decides whose region it asks about.
 */
export const inRegionTree = (regionColumn: AnyPgColumn, regionCode: string): SQL =>
  sql`${regionColumn} in (select rt.code from regions rt where rt.path like (select rc.path from regions rc where rc.code = ${regionCode}) || '%')`;
