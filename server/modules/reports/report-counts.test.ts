import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { progressReports, projects, reportCounts } from '../../db/schema';
import { checkReportCounts, rebuildReportCounts } from '../projects';
import { FILLED, insertPeriod, insertProject, insertReport, insertUnit, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';

type MissingCounts = { total: number; units: { unitId: string; unitName: string; count: number }[] };
type Page = { items: { id: string; unitId: string; status: string }[]; total: number };
type PeriodBody = { id: string; counts: Record<'owed' | 'draft' | 'submitted' | 'approved' | 'returned' | 'late' | 'missing', number> };

/** A write that changes what the counts count; refused ones (a wrong state, a closed list) must leave them exact too. */
type Write =
  | { kind: 'fill' | 'submit' | 'approve' | 'return'; report: number }
  | { kind: 'remove' | 'add'; project: number; period: number }
  | { kind: 'unit'; project: number; pick: number }
  | { kind: 'open' };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('fill' as const, 'submit' as const, 'approve' as const, 'return' as const),
      report: fc.nat({ max: 7 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('remove' as const, 'add' as const),
      project: fc.nat({ max: 2 }),
      period: fc.nat({ max: 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unit' as const), project: fc.nat({ max: 2 }), pick: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const) }) },
);

describeEachDatabase('report counts kept for 未报送 and the periods', (t) => {
  let office: Client;
  let readers: [string, Client][];
  let units: string[];
  let leaderId: string;
  const db = () => t().database.db;
  const base = '/api/v1/reporting-periods';
  // Periods opened through the API take the months of 2000 (the factories' periods start in 2001).
  let opened = 0;

  let clerkId: string;

  beforeAll(async () => {
    units = [
      await unitIdByName(t().database, '北园街道办事处'),
      await unitIdByName(t().database, '区住房和城乡建设局'),
      (await insertUnit(t().database, { regionCode: '370105', name: '报送计数局' })).id,
    ];
    leaderId = await userIdOf(t().database, 'leader');
    // The unit clerk (scope: 北园) is also in charge of projects of other units: the kept counts of his unit and the
    // reports of the projects he leads outside it, counted from the reports, add up to what he sees.
    clerkId = await userIdOf(t().database, 'unit');
    await insertProject(t().database, { leadUnitId: units[2], leaderIds: [clerkId] });
    office = await signInAs(t().app, 'office');
    readers = [
      ['office', office],
      ['viewer', await signInAs(t().app, 'viewer')],
      ['unit', await signInAs(t().app, 'unit')],
      ['leader', await signInAs(t().app, 'leader')],
    ];
  });

  const json = async <T>(client: Client, url: string): Promise<T> => {
    const response = await client.get(url);
    expect(response.statusCode, url).toBe(200);
    return response.json() as T;
  };
  /** The reports list's total for a filter: counted from the reports, in the reader's scope. */
  const listed = async (client: Client, query: string) => (await json<Page>(client, `/api/v1/progress-reports?pageSize=1&${query}`)).total;
  /** Every line of 未报送's reports for a query, read 200 a page. */
  const allLines = async (client: Client, url: string) => {
    const lines: Page['items'] = [];
    for (let page = 1; ; page++) {
      const body = await json<Page>(client, `${url}&page=${page}&pageSize=200`);
      lines.push(...body.items);
      if (page * 200 >= body.total) return lines;
    }
  };

  /**
   * For each reader: 未报送's count of every unit equals the lines of its pages and the reports list's drafts and
   * returned of the unit; the total equals all lines; the period's counts equal the reports list's totals by state.
   */
  async function agreeWithReports(periodId: string) {
    for (const [who, client] of readers) {
      const counts = await json<MissingCounts>(client, `${base}/${periodId}/missing`);
      for (const line of counts.units) {
        const pages = await json<Page>(client, `${base}/${periodId}/missing/reports?unitId=${line.unitId}&pageSize=1`);
        const lines = await allLines(client, `${base}/${periodId}/missing/reports?unitId=${line.unitId}`);
        const q = `periodId=${periodId}&responsibleUnitId=${line.unitId}`;
        const fromList = (await listed(client, `${q}&status=draft`)) + (await listed(client, `${q}&status=returned`));
        expect({ who, unit: line.unitId, count: line.count }).toEqual({ who, unit: line.unitId, count: lines.length });
        expect(pages.total).toBe(line.count);
        expect(fromList).toBe(line.count);
      }
      const all = await allLines(client, `${base}/${periodId}/missing/reports?`);
      expect({ who, total: counts.total }).toEqual({ who, total: all.length });
      const period = await json<PeriodBody>(client, `${base}/${periodId}`);
      const byState = {
        owed: await listed(client, `periodId=${periodId}`),
        draft: await listed(client, `periodId=${periodId}&status=draft`),
        submitted: await listed(client, `periodId=${periodId}&status=submitted`),
        approved: await listed(client, `periodId=${periodId}&status=approved`),
        returned: await listed(client, `periodId=${periodId}&status=returned`),
        late: await listed(client, `periodId=${periodId}&late=true`),
      };
      expect({ who, ...period.counts }).toEqual({ who, ...byState, missing: byState.draft + byState.returned });
    }
  }

  it('are exact on the demo, and 未报送 and the periods answer from them what the reports say', async () => {
    expect(await checkReportCounts(db())).toEqual([]);
    const periods = await json<{ items: { id: string }[] }>(office, `${base}?pageSize=3`);
    expect(periods.items.length).toBeGreaterThan(0);
    for (const period of periods.items) await agreeWithReports(period.id);
  }, 300_000);

  it('stay equal to a recount after any sequence of fills, submissions, approvals, returns, list edits, unit moves and openings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 12 }), async (writes) => {
        const periods = [await insertPeriod(t().database, { deadline: '2001-01-25' }), await insertPeriod(t().database)];
        // Three projects: one of 北园 (the unit clerk's), one of 住建局 led by the leader, one of a third unit that the
        // unit clerk is in charge of.
        const projectIds = [
          (await insertProject(t().database, { leadUnitId: units[0] })).id,
          (await insertProject(t().database, { leadUnitId: units[1], leaderIds: [leaderId] })).id,
          (await insertProject(t().database, { leadUnitId: units[2], leaderIds: [clerkId] })).id,
        ];
        const reports: string[] = [];
        for (const period of periods)
          for (const [i, projectId] of projectIds.entries()) {
            const status = (['draft', 'returned', 'submitted'] as const)[i];
            const report = await insertReport(t().database, period, {
              projectId,
              responsibleUnitId: units[i] as string,
              status,
              ...FILLED,
            });
            reports.push(report.id);
          }
        const touched = periods.map((p) => p.id);
        for (const write of writes) {
          if (write.kind === 'open') {
            if (opened >= 12) continue;
            const month = `2000-${String(++opened).padStart(2, '0')}`;
            const response = await office.post(base, { month, deadline: `2000-${String(opened).padStart(2, '0')}-20` });
            expect(response.statusCode, response.body).toBe(201);
            const id = (response.json() as { id: string }).id;
            touched.push(id);
            const owed = await db().select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.periodId, id));
            reports.push(...owed.slice(0, 4).map((r) => r.id));
            continue;
          }
          if (write.kind === 'unit') {
            const id = projectIds[write.project] as string;
            const [row] = await db().select({ version: projects.version }).from(projects).where(eq(projects.id, id));
            await office.patch(`/api/v1/projects/${id}`, { version: row?.version ?? 1, leadUnitId: units[write.pick] });
            continue;
          }
          if ('period' in write) {
            const periodId = periods[write.period]?.id as string;
            const projectId = projectIds[write.project] as string;
            if (write.kind === 'add') {
              const added = await office.post(`${base}/${periodId}/projects`, { projectId });
              if (added.statusCode === 201) reports.push((added.json() as { id: string }).id);
            } else await office.delete(`${base}/${periodId}/projects/${projectId}`);
            continue;
          }
          const id = reports[write.report % reports.length] as string;
          const [row] = await db().select({ version: progressReports.version }).from(progressReports).where(eq(progressReports.id, id));
          if (!row) continue; // taken off its period's list
          const url = `/api/v1/progress-reports/${id}`;
          const { version } = row;
          if (write.kind === 'fill') await office.patch(url, { version, ...FILLED });
          if (write.kind === 'submit') await office.post(`${url}/submit`, { version, confirmLarge: true });
          if (write.kind === 'approve') await office.post(`${url}/approve`, { version });
          if (write.kind === 'return') await office.post(`${url}/return`, { version, reason: '请补充形象进度照片' });
        }
        expect(await checkReportCounts(db())).toEqual([]);
        for (const periodId of touched) await agreeWithReports(periodId);
      }),
      { numRuns: 8 },
    );
  }, 900_000);

  it('finds a damaged count and a rebuild puts it right', async () => {
    expect(await checkReportCounts(db())).toEqual([]);
    await db().execute(sql`update ${reportCounts} set reports = reports + 2
      where (period_id, responsible_unit_id, status, late, region_code, unit_id) in
        (select period_id, responsible_unit_id, status, late, region_code, unit_id from ${reportCounts} where reports > 0 limit 1)`);
    const damaged = await checkReportCounts(db());
    expect(damaged).toHaveLength(1);
    expect(Number(damaged[0]?.kept)).toBe(Number(damaged[0]?.recounted) + 2);
    await db().transaction((tx) => rebuildReportCounts(tx));
    expect(await checkReportCounts(db())).toEqual([]);
  }, 300_000);
});
