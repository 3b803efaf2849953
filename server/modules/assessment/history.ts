import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { scoreSnapshotItems, scoreSnapshots, units } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { District } from '../regions';

/** A unit of the district (its own or its streets'), or 404: another district's unit is not found. */
async function districtUnitOrNotFound(db: Executor, district: District, unitId: string) {
  const [unit] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.id, unitId),
        sql`exists (select 1 from regions r where r.code = ${units.regionCode} and r.path like ${`${district.path}%`})`,
      ),
    );
  if (!unit) throw notFound();
  return unit;
}

/**
 * A unit's score and rank over the year: every month the district has a snapshot of, in order, with the unit's line
 * then (its group, score, rank within the group and the group's size) or null when it was not assessed that month;
 * and December of the year before (`previousDecember`, null without a snapshot), which January is compared with.
 * One query: the district's snapshots of the year and of that December, left-joined to the unit's line, the group
 * counted beside it.
 */
export async function unitScoreHistory(db: Executor, district: District, unitId: string, year: number) {
  const unit = await districtUnitOrNotFound(db, district, unitId);
  const rows = await db
    .select({
      year: scoreSnapshots.year,
      month: scoreSnapshots.month,
      ruleVersion: scoreSnapshots.ruleVersion,
      assessedUnit: scoreSnapshotItems.unitId,
      group: scoreSnapshotItems.groupName,
      score: scoreSnapshotItems.score,
      rank: scoreSnapshotItems.rank,
      groupSize: sql<number>`(select count(*)::int from score_snapshot_items g
        where g.snapshot_id = ${scoreSnapshots.id} and g.group_name is not distinct from ${scoreSnapshotItems.groupName})`,
    })
    .from(scoreSnapshots)
    .leftJoin(scoreSnapshotItems, and(eq(scoreSnapshotItems.snapshotId, scoreSnapshots.id), eq(scoreSnapshotItems.unitId, unit.id)))
    .where(
      and(
        eq(scoreSnapshots.regionCode, district.code),
        or(eq(scoreSnapshots.year, year), and(eq(scoreSnapshots.year, year - 1), eq(scoreSnapshots.month, 12))),
      ),
    )
    .orderBy(asc(scoreSnapshots.year), asc(scoreSnapshots.month));
  const entries = rows.map((row) => ({
    year: row.year,
    month: row.month,
    ruleVersion: row.ruleVersion,
    line: row.assessedUnit === null ? null : { group: row.group, score: row.score, rank: row.rank, groupSize: Number(row.groupSize) },
  }));
  const strip = ({ year: _year, ...entry }: (typeof entries)[number]) => entry;
  const previous = entries.find((entry) => entry.year === year - 1);
  return {
    year,
    unit,
    months: entries.filter((entry) => entry.year === year).map(strip),
    previousDecember: previous ? strip(previous) : null,
  };
}
