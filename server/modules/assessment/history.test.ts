import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { roles, scoreSnapshotItems, scoreSnapshots, scoringRules } from '../../db/schema';
import type { Database } from '../../db/client';
import { insertUnit } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, signInAs, testConfig } from '../../test/harness';

type HistoryMonth = {
  month: number;
  ruleVersion: number;
  line: { group: string | null; score: number | null; rank: number | null; groupSize: number } | null;
};
type History = { year: number; unit: { id: string; name: string }; months: HistoryMonth[]; previousDecember: HistoryMonth | null };

/** A year no demo rule or snapshot touches. */
const YEAR = 2031;
const historyUrl = (unitId: string, year = YEAR) => `/api/v1/assessment/units/${unitId}/history?year=${year}`;

type Line = { unitId: string; unitName: string; group: string | null; score: number | null; rank: number | null };

/** A month's snapshot written by hand: the lines in order, positions as listed. */
async function insertSnapshot(
  database: Database,
  regionCode: string,
  ruleId: string,
  ruleVersion: number,
  month: number,
  lines: Line[],
  year = YEAR,
) {
  const [snapshot] = await database.db.insert(scoreSnapshots).values({ regionCode, year, month, ruleId, ruleVersion }).returning();
  if (!snapshot) throw new Error('snapshot not written');
  await database.db.insert(scoreSnapshotItems).values(
    lines.map((line, index) => ({
      snapshotId: snapshot.id,
      unitId: line.unitId,
      unitName: line.unitName,
      groupName: line.group,
      score: line.score,
      rank: line.rank,
      position: index + 1,
      error: line.score === null ? { code: 'division_by_zero', offset: 0, params: {} } : null,
      terms: [],
      variables: {},
    })),
  );
}

/*
 * The demo district in 2031, by hand: streets 甲, 乙 and the unit followed (历史测试街道), a bureau 丙.
 *   March  (rule v1, groups 街道/区直部门): 甲 12 (1), followed 10 (2), 乙 9 (3) of 街道 (3); 丙 8 (1) of 区直部门
 *   April  (v1): followed 13.5 (1), 甲 11 (2), 乙 not scored (formula error) — 街道 still holds 3
 *   May    (v2, the followed unit left out of the groups): not assessed
 *   July   (v3, no groups): 甲 12 (1), followed 11 (2), 丙 11 (2), 乙 7 (4) in one ranking of 4
 * and in 历下区 a June snapshot of its own unit, which the demo district's history never shows; in 2030 a November and
 * a December (followed 9 (3), 甲 12 (1), 乙 10 (2) of 街道), the December being what January 2031 compares with.
 */
describeEachDatabase('assessment API: a unit’s score and rank over the months', (t) => {
  let office: Client;
  let lixia: Client;
  let followed: string;
  let lixiaUnit: string;

  beforeAll(async () => {
    const { app, database } = t();
    office = await signInAs(app, 'office');
    lixia = await signInAs(app, OTHER_REGION.adminUsername);
    const district = testConfig().regionCode;
    const unit = async (name: string, kind: 'street' | 'bureau', regionCode = district) =>
      (await insertUnit(database, { regionCode, name, kind })).id;
    followed = await unit('历史测试街道', 'street');
    const 甲 = await unit('历史测试甲街道', 'street');
    const 乙 = await unit('历史测试乙街道', 'street');
    const 丙 = await unit('历史测试丙局', 'bureau');
    lixiaUnit = await unit('历下历史测试局', 'bureau', OTHER_REGION.code);
    const rule = async (regionCode: string, version: number, year = YEAR) => {
      const [row] = await database.db.insert(scoringRules).values({ regionCode, year, version, formula: '10' }).returning();
      if (!row) throw new Error('rule not written');
      return row.id;
    };
    const [v1, v2, v3] = [await rule(district, 1), await rule(district, 2), await rule(district, 3)];
    const line = (unitId: string, unitName: string, group: string | null, score: number | null, rank: number | null) => ({
      unitId,
      unitName,
      group,
      score,
      rank,
    });
    await insertSnapshot(database, district, v1, 1, 3, [
      line(甲, '甲', '街道', 12, 1),
      line(followed, '历史测试街道', '街道', 10, 2),
      line(乙, '乙', '街道', 9, 3),
      line(丙, '丙', '区直部门', 8, 1),
    ]);
    await insertSnapshot(database, district, v1, 1, 4, [
      line(followed, '历史测试街道', '街道', 13.5, 1),
      line(甲, '甲', '街道', 11, 2),
      line(乙, '乙', '街道', null, null),
      line(丙, '丙', '区直部门', 8, 1),
    ]);
    await insertSnapshot(database, district, v2, 2, 5, [line(甲, '甲', '街道', 12, 1), line(丙, '丙', '区直部门', 8, 1)]);
    await insertSnapshot(database, district, v3, 3, 7, [
      line(甲, '甲', null, 12, 1),
      line(followed, '历史测试街道', null, 11, 2),
      line(丙, '丙', null, 11, 2),
      line(乙, '乙', null, 7, 4),
    ]);
    const lastYear = await rule(district, 1, YEAR - 1);
    for (const month of [11, 12]) {
      const lines = [
        line(甲, '甲', '街道', 12, 1),
        line(乙, '乙', '街道', 10, 2),
        line(followed, '历史测试街道', '街道', 9 - month + 12, 3),
      ];
      await insertSnapshot(database, district, lastYear, 1, month, lines, YEAR - 1);
    }
    await insertSnapshot(database, OTHER_REGION.code, await rule(OTHER_REGION.code, 1), 1, 6, [
      line(lixiaUnit, '历下历史测试局', null, 20, 1),
    ]);
  });

  it('lists every month the district has a snapshot of: the unit’s group, score, rank and group size, null when not assessed', async () => {
    const response = await office.get(historyUrl(followed));
    expect(response.statusCode, response.body).toBe(200);
    const history: History = response.json();
    expect(history.year).toBe(YEAR);
    expect(history.unit).toEqual({ id: followed, name: '历史测试街道' });
    expect(history.months).toEqual([
      { month: 3, ruleVersion: 1, line: { group: '街道', score: 10, rank: 2, groupSize: 3 } },
      { month: 4, ruleVersion: 1, line: { group: '街道', score: 13.5, rank: 1, groupSize: 3 } },
      { month: 5, ruleVersion: 2, line: null },
      { month: 7, ruleVersion: 3, line: { group: null, score: 11, rank: 2, groupSize: 4 } },
    ]);
    // December of the year before, which January is compared with (November is not part of it).
    expect(history.previousDecember).toEqual({ month: 12, ruleVersion: 1, line: { group: '街道', score: 9, rank: 3, groupSize: 3 } });
    const lastYear: History = (await office.get(historyUrl(followed, YEAR - 1))).json();
    expect(lastYear.months.map((m) => [m.month, m.line?.score])).toEqual([
      [11, 10],
      [12, 9],
    ]);
  });

  it('answers a unit that could not be scored without score or rank, and a year without snapshots as no months', async () => {
    const { database } = t();
    const [乙] = await database.db
      .select({ id: scoreSnapshotItems.unitId })
      .from(scoreSnapshotItems)
      .where(eq(scoreSnapshotItems.unitName, '乙'));
    const history: History = (await office.get(historyUrl(乙?.id ?? ''))).json();
    expect(history.months.find((m) => m.month === 4)?.line).toEqual({ group: '街道', score: null, rank: null, groupSize: 3 });
    const empty: History = (await office.get(historyUrl(followed, YEAR + 1))).json();
    expect(empty.months).toEqual([]);
    expect(empty.previousDecember).toBeNull();
  });

  it('finds no unit of another district (404) either way, and refuses a bad unit id or year (400)', async () => {
    for (const response of [await office.get(historyUrl(lixiaUnit)), await lixia.get(historyUrl(followed))]) {
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('not_found');
    }
    expect((await office.get(historyUrl(crypto.randomUUID()))).statusCode).toBe(404);
    // 历下区's own reader sees its own unit's June, never the demo district's months.
    const theirs: History = (await lixia.get(historyUrl(lixiaUnit))).json();
    expect(theirs.months).toEqual([{ month: 6, ruleVersion: 1, line: { group: null, score: 20, rank: 1, groupSize: 1 } }]);
    expect((await office.get('/api/v1/assessment/units/not-a-uuid/history?year=2031')).statusCode).toBe(400);
    expect((await office.get(`/api/v1/assessment/units/${followed}/history?year=1999`)).statusCode).toBe(400);
  });

  it('refuses a unit clerk whose role lost target.read (403)', async () => {
    const { app, database } = t();
    const before = await signInAs(app, 'unit');
    expect((await before.get(historyUrl(followed))).statusCode).toBe(200);
    await database.db
      .update(roles)
      .set({ permissions: sql`array_remove(${roles.permissions}, 'target.read')` })
      .where(eq(roles.code, 'unit_staff'));
    const unit = await signInAs(app, 'unit');
    const refused = await unit.get(historyUrl(followed));
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });
});
