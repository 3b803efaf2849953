import { and, between, eq, sql } from 'drizzle-orm';
import { minDate } from '../../../common/domain/dates';
import { normaliseDecimal } from '../../../common/domain/decimal';
import type { Executor } from '../../db/client';
import { landParcels } from '../../db/schema';
import { inRegionTree } from '../regions';

// The land a region supplied in a year (供地面积, the targets module's `land_supplied`): the 亩 of the parcels of its
// tree (a district's own; a city's, its districts' — `inRegionTree`) supplied to a project (status 已供) whose supply
// day falls in the year, on or before the day asked (a past year stands at its 31 December). A parcel is supplied once — a second supply is refused (409 parcel_already_supplied)
// and supplied is the last status — so each parcel counts once, in the year of its supply day.

/** The 亩 supplied in the region's (a city: its districts') year as of the day, as an exact decimal ("126.5"). */
export async function landSuppliedMu(db: Executor, input: { regionCode: string; year: number; asOf: string }): Promise<string> {
  const from = `${input.year}-01-01`;
  const to = minDate(input.asOf, `${input.year}-12-31`);
  if (to < from) return '0';
  const [row] = await db
    .select({ mu: sql<string | null>`sum(${landParcels.areaMu})::text` })
    .from(landParcels)
    .where(
      and(
        inRegionTree(landParcels.regionCode, input.regionCode),
        eq(landParcels.status, 'supplied'),
        between(landParcels.suppliedOn, from, to),
      ),
    );
  return normaliseDecimal(row?.mu ?? '0');
}
