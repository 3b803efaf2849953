import fc from 'fast-check';
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import type { Dashboard } from '../../../common/schemas/dashboard';
import { annualPlans, dashboardFigures, progressReports, projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { loadActor } from '../auth/actor-repository';
import { checkDashboardFigures, rebuildDashboardFigures } from '../projects';
import { insertPeriod, insertProject, insertReport, insertUnit, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { figuresServe } from './repository';
import { buildDashboard, buildDistricts } from './service';

/** A dashboard with its lists in one order whatever the ties (the two paths may list equal groups in either order). */
const ordered = (d: Dashboard) => {
  const byKey = <T extends { key: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return {
    ...d,
    byUnit: byKey(d.byUnit),
    byCategory: byKey(d.byCategory),
    industries: byKey(d.industries),
    warningsByUnit: byKey(d.warningsByUnit),
  };
};

/** A change through the API; refused ones (wrong state, a gate, a field right) must leave the figures exact too. */
type Change =
  | { kind: 'fill' | 'submit' | 'approve' | 'return'; report: number; yuan: number }
  | {
      kind: 'edit';
      project: number;
      field: 'categoryCode' | 'nature' | 'totalInvestmentYuan' | 'leadUnitId' | 'industryCode';
      pick: number;
    }
  | { kind: 'plan'; project: number; yuan: number; year: number }
  | { kind: 'move'; project: number; pick: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('fill' as const, 'submit' as const, 'approve' as const, 'return' as const),
    report: fc.nat({ max: 3 }),
    yuan: fc.integer({ min: 0, max: 50_000_000 }),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    project: fc.nat({ max: 1 }),
    field: fc.constantFrom(
      'categoryCode' as const,
      'nature' as const,
      'totalInvestmentYuan' as const,
      'leadUnitId' as const,
      'industryCode' as const,
    ),
    pick: fc.nat({ max: 3 }),
  }),
  fc.record({
    kind: fc.constant('plan' as const),
    project: fc.nat({ max: 1 }),
    yuan: fc.integer({ min: 0, max: 12_000_000 }),
    year: fc.nat({ max: 1 }),
  }),
  fc.record({ kind: fc.constant('move' as const), project: fc.nat({ max: 1 }), pick: fc.nat({ max: 3 }) }),
);

const CHOICES = {
  categoryCode: ['industrial', 'infrastructure', 'social', 'industrial'],
  nature: ['new_start', 'continuing', 'reserve', 'completed'],
  totalInvestmentYuan: [80_000_000, 1_000_000, 250_000_000, 0],
  industryCode: ['13', 'C', '65', 'A'],
};
const POOL_CHOICES = ['withdrawn', 'implementing', 'advancing', 'planning'];

describeEachDatabase('the dashboard’s kept figures', (t) => {
  let office: Client;
  let units: string[];
  const db = () => t().database.db;
  const actorOf = async (username: string) => {
    const actor = await loadActor(db(), await userIdOf(t().database, username), 'session');
    if (!actor) throw new Error(`no actor ${username}`);
    return actor;
  };
  const thisYear = Number(todayInChina().slice(0, 4));

  /** The dashboard from the kept figures and live, for the reader and query: they must agree, and the kept ones answer. */
  const bothPaths = async (actor: Actor, query: { year?: number; unitId?: string; regionCode?: string }) => {
    const year = query.year ?? thisYear;
    expect(figuresServe(actor, { year, leadUnitId: query.unitId ? [query.unitId] : undefined }, year)).toBe(true);
    const kept = await buildDashboard(db(), actor, query, todayInChina(), 10, 'auto');
    const live = await buildDashboard(db(), actor, query, todayInChina(), 10, 'live');
    expect(ordered(kept)).toEqual(ordered(live));
    const keptDistricts = await buildDistricts(db(), actor, { year }, todayInChina(), 'auto');
    const liveDistricts = await buildDistricts(db(), actor, { year }, todayInChina(), 'live');
    expect(keptDistricts).toEqual(liveDistricts);
    return kept;
  };

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    units = [
      await unitIdByName(t().database, '北园街道办事处'),
      (await insertUnit(t().database, { regionCode: '370105', name: '驾驶舱二局' })).id,
    ];
  });

  it('are exact on the demo, and the dashboard answers the same from them as live for district, city and unit readers', async () => {
    expect(await checkDashboardFigures(db())).toEqual([]);
    const office = await actorOf('office');
    const city = await actorOf('city');
    const unitClerk = await actorOf('unit');
    for (const year of [thisYear - 1, thisYear]) {
      const d = await bothPaths(office, { year });
      if (year === thisYear) expect(d.kpis.projects.count).toBeGreaterThan(100);
      await bothPaths(office, { year, unitId: d.byUnit[0]?.key ?? undefined });
      await bothPaths(city, { year });
      await bothPaths(city, { year, regionCode: '370104' });
      await bothPaths(unitClerk, { year });
    }
    // A year to come: no starts yet, whatever the dates entered ahead.
    await bothPaths(office, { year: thisYear + 1 });
  }, 600_000);

  it('stay equal to a full recomputation after any sequence of fills, approvals, returns, edits, unit moves, plan saves and pool moves', async () => {
    const officeActor = await actorOf('office');
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 10 }), async (changes) => {
        const first = await insertPeriod(t().database);
        const second = await insertPeriod(t().database);
        const projectIds = [
          (await insertProject(t().database, { leadUnitId: units[0], actualStart: `${first.year}-02-10`, totalInvestmentYuan: 9_000_000 }))
            .id,
          (await insertProject(t().database, { leadUnitId: units[1], pool: 'advancing', plannedStart: null, plannedCompletion: null })).id,
        ];
        const reports = [];
        for (const period of [first, second])
          for (const projectId of projectIds)
            reports.push(
              await insertReport(t().database, period, {
                projectId,
                responsibleUnitId: units[0] as string,
                status: 'submitted',
                investmentYuan: 1_000_000,
                progressText: '施工中',
                progressPercent: 20,
              }),
            );
        const versionOf = async (id: string) =>
          (await db().select({ version: projects.version }).from(projects).where(eq(projects.id, id)))[0]?.version ?? 1;
        for (const change of changes) {
          if (change.kind === 'edit' || change.kind === 'plan' || change.kind === 'move') {
            const id = projectIds[change.project] as string;
            const version = await versionOf(id);
            if (change.kind === 'edit') {
              const value = change.field === 'leadUnitId' ? units[change.pick % 2] : CHOICES[change.field][change.pick];
              await office.patch(`/api/v1/projects/${id}`, { version, [change.field]: value });
            } else if (change.kind === 'move') {
              await office.post(`/api/v1/projects/${id}/move`, { version, to: POOL_CHOICES[change.pick], reason: '调度调整' });
            } else {
              const year = first.year + change.year;
              const [current] = await db()
                .select({ id: annualPlans.id, version: annualPlans.version })
                .from(annualPlans)
                .where(and(eq(annualPlans.projectId, id), eq(annualPlans.year, year)))
                .orderBy(desc(annualPlans.versionNo))
                .limit(1);
              const month = Math.floor(change.yuan / 12);
              await office.post(`/api/v1/projects/${id}/annual-plans`, {
                year,
                plannedYuan: month * 12,
                monthlyYuan: Array.from({ length: 12 }, () => month),
                reason: '年中调整',
                basedOn: current ?? null,
              });
            }
            continue;
          }
          const report = reports[change.report % reports.length];
          if (!report) continue;
          const [row] = await db()
            .select({ version: progressReports.version })
            .from(progressReports)
            .where(eq(progressReports.id, report.id));
          const version = row?.version ?? 1;
          const url = `/api/v1/progress-reports/${report.id}`;
          if (change.kind === 'fill') await office.patch(url, { version, investmentYuan: change.yuan });
          if (change.kind === 'submit') await office.post(`${url}/submit`, { version, confirmLarge: true });
          if (change.kind === 'approve') await office.post(`${url}/approve`, { version });
          if (change.kind === 'return') await office.post(`${url}/return`, { version, reason: '请核对投资额' });
        }
        expect(await checkDashboardFigures(db())).toEqual([]);
        for (const unitId of units) await bothPaths(officeActor, { year: first.year, unitId });
      }),
      { numRuns: 6 },
    );
  }, 900_000);

  it('finds a damaged row and a rebuild puts it right', async () => {
    expect(await checkDashboardFigures(db())).toEqual([]);
    await db().execute(sql`update ${dashboardFigures} set projects = projects + 1, planned_yuan = planned_yuan + 5
      where (region_code, onward, year, unit_id, dim, key) in (select region_code, onward, year, unit_id, dim, key from ${dashboardFigures}
        where dim = 'total' and projects > 0 limit 1)`);
    const damaged = await checkDashboardFigures(db());
    expect(damaged).toHaveLength(1);
    expect(damaged[0]?.kept).not.toBe(damaged[0]?.recomputed);
    await db().transaction((tx) => rebuildDashboardFigures(tx));
    expect(await checkDashboardFigures(db())).toEqual([]);
    await bothPaths(await actorOf('office'), { year: thisYear });
  }, 300_000);
});
