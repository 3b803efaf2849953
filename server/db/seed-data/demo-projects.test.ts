import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, isIsoDate } from '../../../common/domain/dates';
import { DEFAULT_GATE_CONFIG, evaluateGate, type GateFacts, type Transition } from '../../../common/domain/gates';
import { parseProjectCode } from '../../../common/domain/project-code';
import { findCycle, schedulePlan } from '../../../common/domain/schedule';
import { describeEachDatabase } from '../../test/harness';
import { annualPlans, milestones, projectLeaders, projects, users } from '../schema';
import { buildDemoProjects, DEMO_LEADERS, type DemoProjectRows, GREEN_LIST, POOL_MOVE_ACTOR } from './demo-projects';
import { DEMO_SMALL_DISTRICTS } from './demo-districts';
import { DEMO_DISTRICT_CODE, DEMO_UNITS } from './demo-units';
import { DICTIONARY_SEEDS } from './dictionaries';
import { INDUSTRY_ITEMS } from './industries';

const YI = 100_000_000;
const UNIT_IDS = new Map(DEMO_UNITS.map((u, i) => [u.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
const LEADER_IDS = ['leader', ...DEMO_LEADERS.map((l) => l.username)].map(
  (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
);
const OFFICE_ID = '00000000-0000-4000-a000-000000000001';
// The bounding box of 天桥区 (feature 370105 of ../shared/data/jinan-districts.geojson).
const BBOX = { minLon: 116.866, maxLon: 117.085, minLat: 36.664, maxLat: 36.867 };

const build = (today: string) =>
  buildDemoProjects({ year: Number(today.slice(0, 4)), today, unitIds: UNIT_IDS, leaderIds: LEADER_IDS, officeUserId: OFFICE_ID });

const TODAY = '2026-06-15';
const rows = build(TODAY);

const sumTotal = (list: DemoProjectRows['projects']) => list.reduce((a, p) => a + (p.totalInvestmentYuan ?? 0), 0);
const byProject = <T extends { projectId: string }>(list: T[]) => {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(item.projectId, [...(map.get(item.projectId) ?? []), item]);
  return map;
};
const codes = (type: keyof typeof DICTIONARY_SEEDS) => new Set(DICTIONARY_SEEDS[type].map((i) => i.code));

describe('the demo projects: the published shape', () => {
  const p = rows.projects;

  it('has 133 key projects worth about 1,200亿元', () => {
    expect(p).toHaveLength(133);
    expect(Math.abs(sumTotal(p) / YI - 1200)).toBeLessThanOrEqual(24);
    for (const project of p) expect(Number.isSafeInteger(project.totalInvestmentYuan)).toBe(true);
  });

  it('has 10 provincial green low-carbon projects worth 82亿元, 上药控股山东总部 among them', () => {
    const green = p.filter((x) => x.isProvincialKey);
    expect(green).toHaveLength(10);
    expect(Math.abs(sumTotal(green) / YI - 82)).toBeLessThanOrEqual(1);
    for (const g of green) expect(g.namedLists).toContain(GREEN_LIST);
    expect(green.some((g) => g.name.includes('上药控股山东总部'))).toBe(true);
  });

  it('has 29 city key projects worth 410亿元, 中央厨房产业园 among them', () => {
    const city = p.filter((x) => x.isCityKey);
    expect(city).toHaveLength(29);
    expect(Math.abs(sumTotal(city) / YI - 410)).toBeLessThanOrEqual(410 * 0.02);
    expect(city.some((c) => c.name.includes('中央厨房产业园'))).toBe(true);
  });

  it('has 80 continuing projects, at least 50 new starts, and the rest reserve', () => {
    expect(p.filter((x) => x.nature === 'continuing')).toHaveLength(80);
    expect(p.filter((x) => x.nature === 'new_start').length).toBeGreaterThanOrEqual(50);
    for (const x of p.filter((y) => y.nature === 'reserve')) expect(x.pool).toBe('planning');
  });

  it('has 24 started urban-renewal projects worth 289亿元', () => {
    const renewal = p.filter((x) => x.categoryCode === 'urban_renewal' && x.actualStart);
    expect(renewal).toHaveLength(24);
    expect(Math.abs(sumTotal(renewal) / YI - 289)).toBeLessThanOrEqual(289 * 0.02);
  });

  it('puts most projects in the implementing pool, some advancing, about 10 planning and a few completed', () => {
    const count = (pool: string) => p.filter((x) => x.pool === pool).length;
    expect(count('implementing')).toBeGreaterThan(90);
    expect(count('advancing')).toBeGreaterThanOrEqual(10);
    expect(count('planning')).toBe(10);
    expect(count('completed')).toBeGreaterThanOrEqual(3);
    // Implementing = continuing + the new starts already started.
    const newStarts = p.filter((x) => x.nature === 'new_start');
    const started = newStarts.filter((x) => x.actualStart);
    expect(started.length / newStarts.length).toBeGreaterThan(0.4);
    expect(started.length / newStarts.length).toBeLessThan(0.6);
  });

  it('contains the named examples', () => {
    for (const name of [
      '上药控股山东总部',
      '中央厨房产业园',
      '标山二期',
      '御林医药',
      '白金广场',
      '元首针织',
      '王炉北辛',
      '天桥区新材料产业园智能制造基地项目',
      '济南北部医疗器械产业园二期',
      '泺口片区城市更新项目',
      '北园大街数字经济总部',
    ])
      expect(
        p.some((x) => x.name.includes(name)),
        name,
      ).toBe(true);
    for (const name of ['标山二期', '御林医药']) expect(p.find((x) => x.name.includes(name))?.nature).toBe('continuing');
    for (const name of ['白金广场', '元首针织', '王炉北辛'])
      expect(p.find((x) => x.name.includes(name))?.categoryCode).toBe('urban_renewal');
  });

  it('uses dictionary codes, the 15 streets, demo units, and places every project inside 天桥区', () => {
    const divisions = new Set(INDUSTRY_ITEMS.filter((i) => i.parentCode !== null).map((i) => i.code));
    const streets = new Set(DEMO_UNITS.filter((u) => u.kind === 'street').map((u) => u.regionCode));
    const unitIds = new Set(UNIT_IDS.values());
    expect(streets.size).toBe(15);
    for (const x of p) {
      expect(codes('project_category').has(x.categoryCode ?? '')).toBe(true);
      expect(divisions.has(x.industryCode ?? '')).toBe(true);
      if (x.leadingIndustryCode) expect(codes('leading_industry').has(x.leadingIndustryCode)).toBe(true);
      if (x.clusterCode) expect(codes('cluster').has(x.clusterCode)).toBe(true);
      if (x.parkCode) expect(codes('park').has(x.parkCode)).toBe(true);
      expect(streets.has(x.streetCode ?? '')).toBe(true);
      expect(unitIds.has(x.leadUnitId)).toBe(true);
      expect(x.regionCode).toBe('370105');
      expect(x.ownerName?.trim()).toBeTruthy();
      expect(x.constructionContent?.trim()).toBeTruthy();
      expect(x.namePinyin).toMatch(/^[a-z0-9]+$/);
      expect(x.longitude).toBeGreaterThanOrEqual(BBOX.minLon);
      expect(x.longitude).toBeLessThanOrEqual(BBOX.maxLon);
      expect(x.latitude).toBeGreaterThanOrEqual(BBOX.minLat);
      expect(x.latitude).toBeLessThanOrEqual(BBOX.maxLat);
      // Every demo project says whether it needs new land (null would be "not stated").
      expect(typeof x.needsLand).toBe('boolean');
      if (x.needsLand) expect(x.landAreaMu).toBeGreaterThan(0);
    }
    for (const c of rows.coUnits) expect(unitIds.has(c.unitId)).toBe(true);
    expect(new Set(p.map((x) => x.streetCode)).size).toBe(15);
  });

  it('gives every project a consistent planning track: a proposal, the study, a chain from the dictionary, tax within output', () => {
    for (const x of p) {
      expect(x.proposal?.trim(), x.name).toBeTruthy();
      if (x.pool === 'planning') expect(x.feasibilityStatus).not.toBe('approved');
      else expect(['completed', 'approved']).toContain(x.feasibilityStatus);
      expect(x.feasibilityApprovedOn === null, x.name).toBe(x.feasibilityStatus !== 'approved');
      if (x.chainCode) expect(codes('industry_chain').has(x.chainCode)).toBe(true);
      else expect([x.chainSegment, x.chainNode]).toEqual([null, null]);
      if (x.expectedTaxYuan !== null) expect(x.expectedTaxYuan).toBeLessThanOrEqual(x.expectedOutputYuan ?? 0);
    }
    const onChains = p.filter((x) => x.chainCode);
    expect(new Set(onChains.map((x) => x.chainCode)).size).toBeGreaterThanOrEqual(5);
    expect(onChains.filter((x) => x.expectedOutputYuan).length).toBeGreaterThan(20);
  });
});

describe('the demo projects: codes, leaders, plans and approvals', () => {
  const beyondPlanning = rows.projects.filter((x) => x.pool !== 'planning');
  const milestonesOf = byProject(rows.milestones);
  const approvalsOf = byProject(rows.approvalItems);

  it('gives every project beyond planning a valid, unique 项目代码 from 370105, and none in planning', () => {
    const all = beyondPlanning.map((x) => x.code ?? '');
    expect(new Set(all).size).toBe(beyondPlanning.length);
    for (const code of all) {
      const parsed = parseProjectCode(code, (region) => region === '370105');
      expect(parsed.ok, code).toBe(true);
      if (parsed.ok) expect(parsed.regionCode).toBe('370105');
    }
    for (const x of rows.projects.filter((y) => y.pool === 'planning')) expect(x.code).toBeNull();
    // The code history ends with each project's current code.
    const history = byProject(rows.codeHistory);
    for (const x of beyondPlanning) expect(history.get(x.id ?? '')?.at(-1)?.code).toBe(x.code);
    // …and a few codes were re-issued, so the history has something to show.
    const reissued = rows.codeHistory.filter((h) => h.previousCode);
    expect(reissued.length).toBeGreaterThanOrEqual(2);
    for (const h of reissued) expect(parseProjectCode(h.previousCode ?? '', (region) => region === '370105').ok).toBe(true);
  });

  it('gives every project beyond planning a leader, and the demo leader at least 10 projects', () => {
    const led = new Set(rows.leaders.map((l) => l.projectId));
    for (const x of beyondPlanning) expect(led.has(x.id ?? '')).toBe(true);
    expect(rows.leaders.filter((l) => l.userId === LEADER_IDS[0]).length).toBeGreaterThanOrEqual(10);
    for (const id of LEADER_IDS) expect(rows.leaders.some((l) => l.userId === id)).toBe(true);
    expect(new Set(rows.leaders.map((l) => `${l.projectId}/${l.userId}`)).size).toBe(rows.leaders.length);
  });

  it('gives every project beyond planning a plan with start and completion, predecessors within the plan and no cycles', () => {
    const owner = new Map(rows.milestones.map((m) => [m.id, m.projectId]));
    for (const x of beyondPlanning) {
      const plan = milestonesOf.get(x.id ?? '') ?? [];
      expect(plan.map((m) => m.kind)).toContain('start');
      expect(plan.map((m) => m.kind)).toContain('completion');
      for (const m of plan) for (const pred of m.predecessorIds ?? []) expect(owner.get(pred)).toBe(x.id);
      const input = plan.map((m) => ({ ...m, id: m.id ?? '', durationDays: m.durationDays ?? 0, predecessorIds: m.predecessorIds ?? [] }));
      expect(findCycle(input)).toBeNull();
      // The plan fits its planned completion (倒排工期 from it is feasible).
      expect(schedulePlan(input, { deadline: x.plannedCompletion, today: TODAY }).feasible).toBe(true);
    }
  });

  it('fills actual dates consistently: the start milestone is the actual start, nothing after today, nothing before its predecessors', () => {
    const byId = new Map(rows.milestones.map((m) => [m.id, m]));
    for (const x of beyondPlanning) {
      const plan = milestonesOf.get(x.id ?? '') ?? [];
      const start = plan.find((m) => m.kind === 'start');
      expect(start?.actualFinish ?? null).toBe(x.actualStart);
      if (x.pool === 'completed') expect(plan.find((m) => m.kind === 'completion')?.actualFinish).toBe(x.actualCompletion);
      for (const m of plan) {
        for (const d of [m.actualStart, m.actualFinish]) if (d) expect(compareDates(d, TODAY)).toBeLessThanOrEqual(0);
        if (m.actualStart && m.actualFinish) expect(compareDates(m.actualStart, m.actualFinish)).toBeLessThanOrEqual(0);
        if (!m.actualFinish) continue;
        for (const pred of m.predecessorIds ?? []) {
          const finish = byId.get(pred)?.actualFinish;
          expect(finish, `${x.name} ${m.name}`).toBeTruthy();
          expect(compareDates(finish ?? '', m.actualFinish)).toBeLessThanOrEqual(0);
        }
      }
    }
  });

  it('leaves some milestones overdue, but not on most projects', () => {
    const overdue = beyondPlanning.filter((x) => {
      const plan = (milestonesOf.get(x.id ?? '') ?? []).map((m) => ({
        ...m,
        id: m.id ?? '',
        durationDays: m.durationDays ?? 0,
        predecessorIds: m.predecessorIds ?? [],
      }));
      return schedulePlan(plan, { deadline: x.plannedCompletion, today: TODAY }).milestones.some((m) => m.overdue);
    });
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.length / beyondPlanning.length).toBeLessThan(0.4);
  });

  it('meets the pool gates: every project beyond planning passed planning → advancing, every started one advancing → implementing', () => {
    const led = new Set(rows.leaders.map((l) => l.projectId));
    for (const x of beyondPlanning) {
      const items = approvalsOf.get(x.id ?? '') ?? [];
      for (const item of items) expect(codes('approval_item_type').has(item.typeCode)).toBe(true);
      const facts: GateFacts = {
        ownerName: x.ownerName ?? null,
        totalInvestmentYuan: x.totalInvestmentYuan ?? null,
        industryCode: x.industryCode ?? null,
        leadUnitId: x.leadUnitId,
        leaderCount: led.has(x.id ?? '') ? 1 : 0,
        code: x.code ?? null,
        approvalType: x.approvalType ?? null,
        approvalsSettled: items.filter((i) => i.status === 'done' || i.status === 'not_required').map((i) => i.typeCode),
        needsLand: x.needsLand ?? null,
        landSecured: x.landSecured ?? false,
        milestoneKinds: (milestonesOf.get(x.id ?? '') ?? []).map((m) => m.kind ?? 'other'),
        completionActual: x.actualCompletion != null,
        feasibilityStatus: x.feasibilityStatus ?? null,
        chainCode: x.chainCode ?? null,
      };
      const passes = (t: Transition, config = DEFAULT_GATE_CONFIG) => evaluateGate(t, facts, config).every((c) => c.met);
      expect(passes('planning->advancing'), x.name).toBe(true);
      // A district that also asks for the feasibility study before 推进库 would have let every one of them through.
      const strict = {
        ...DEFAULT_GATE_CONFIG,
        gates: { ...DEFAULT_GATE_CONFIG.gates, 'planning->advancing': ['feasibility_study' as const] },
      };
      expect(passes('planning->advancing', strict), x.name).toBe(true);
      if (x.pool === 'implementing' || x.pool === 'completed') expect(passes('advancing->implementing'), x.name).toBe(true);
      if (x.pool === 'completed') expect(passes('implementing->completed'), x.name).toBe(true);
      for (const item of items) {
        if (item.status === 'done')
          expect(item.approvedOn && item.appliedOn && compareDates(item.appliedOn, item.approvedOn) <= 0).toBe(true);
        if (item.approvedOn) expect(compareDates(item.approvedOn, TODAY)).toBeLessThan(0);
      }
    }
    // Advancing projects are still getting their approvals.
    const advancing = beyondPlanning.filter((x) => x.pool === 'advancing');
    expect(advancing.some((x) => (approvalsOf.get(x.id ?? '') ?? []).some((i) => i.status !== 'done'))).toBe(true);
  });

  it('records each project’s way through the pools, in order, by the project office', () => {
    const moves = byProject(rows.poolMoves);
    for (const x of rows.projects) {
      const list = moves.get(x.id ?? '') ?? [];
      if (x.pool === 'planning') {
        expect(list).toHaveLength(0);
        continue;
      }
      const path = ['planning', ...list.map((m) => m.toPool)];
      expect(path).toEqual(['planning', 'advancing', 'implementing', 'completed'].slice(0, path.length));
      expect(path.at(-1)).toBe(x.pool);
      for (const [i, m] of list.entries()) {
        expect(m.actorName).toBe(POOL_MOVE_ACTOR);
        expect(m.actorId).toBe(OFFICE_ID);
        expect(m.at instanceof Date && m.at.getTime() <= new Date(`${TODAY}T23:59:59+08:00`).getTime()).toBe(true);
        const previous = list[i - 1];
        if (previous?.at && m.at) expect(previous.at.getTime()).toBeLessThanOrEqual(m.at.getTime());
      }
    }
  });

  it('adds funding lines to a share of the projects, summing to their total investment', () => {
    const lines = byProject(rows.fundingLines);
    expect(lines.size).toBeGreaterThan(40);
    for (const [projectId, list] of lines) {
      const project = rows.projects.find((x) => x.id === projectId);
      expect(list.reduce((a, l) => a + (l.plannedYuan ?? 0), 0)).toBe(project?.totalInvestmentYuan);
      for (const l of list) {
        expect(codes('funding_source').has(l.sourceCode)).toBe(true);
        expect(l.receivedYuan ?? 0).toBeLessThanOrEqual(l.approvedYuan ?? 0);
      }
    }
  });
});

describe('the demo projects: investment completed before Lantu (期初累计完成投资)', () => {
  it('gives each project started before this year an amount as of last December, with room left for this year', () => {
    const plans = new Map(rows.annualPlans.map((a) => [a.projectId, a.plannedYuan]));
    const before = rows.projects.filter((x) => x.actualStart && x.actualStart < '2026-01-01');
    expect(before.length).toBeGreaterThan(60);
    const withOpening = before.filter((x) => x.openingCompletedYuan);
    expect(withOpening.length).toBeGreaterThanOrEqual(before.length * 0.9);
    for (const x of withOpening) {
      const total = x.totalInvestmentYuan ?? 0;
      expect(x.openingCompletedAsOf).toBe('2025-12-31');
      expect(Number.isSafeInteger(x.openingCompletedYuan)).toBe(true);
      // A plausible share of the total: some done, never all, and this year's plan (and reports ahead of it) still fit.
      expect(x.openingCompletedYuan ?? 0).toBeGreaterThan(0);
      expect((x.openingCompletedYuan ?? 0) + (plans.get(x.id ?? '') ?? 0) * 1.4).toBeLessThanOrEqual(total);
    }
    // Nothing before Lantu for a project that started this year or has not started.
    for (const x of rows.projects.filter((y) => !y.actualStart || y.actualStart >= '2026-01-01')) {
      expect([x.openingCompletedYuan, x.openingCompletedAsOf]).toEqual([null, null]);
    }
  });
});

describe('the demo projects: the annual plan', () => {
  it('gives every implementing project a frozen current-year plan, together 240亿–260亿元, each spread exactly over 12 months', () => {
    const plans = new Map(rows.annualPlans.map((a) => [a.projectId, a]));
    for (const x of rows.projects.filter((y) => y.pool === 'implementing')) expect(plans.has(x.id ?? '')).toBe(true);
    const total = rows.annualPlans.reduce((a, plan) => a + plan.plannedYuan, 0);
    expect(total).toBeGreaterThanOrEqual(240 * YI);
    expect(total).toBeLessThanOrEqual(260 * YI);
    for (const plan of rows.annualPlans) {
      expect(plan.year).toBe(2026);
      expect(plan.versionNo).toBe(1);
      expect(plan.monthlyYuan).toHaveLength(12);
      expect(plan.monthlyYuan.reduce((a, m) => a + m, 0)).toBe(plan.plannedYuan);
      for (const m of plan.monthlyYuan) expect(Number.isSafeInteger(m) && m >= 0).toBe(true);
      expect(plan.frozenBy).toBe(OFFICE_ID);
      expect(plan.frozenAt?.toISOString()).toBe('2026-01-31T09:30:00.000Z');
      const project = rows.projects.find((x) => x.id === plan.projectId);
      expect(plan.plannedYuan).toBeLessThanOrEqual(project?.totalInvestmentYuan ?? 0);
    }
  });
});

describe('the demo projects: determinism and the calendar', () => {
  it('builds the same rows twice', () => {
    expect(build(TODAY)).toEqual(rows);
  });

  it('keeps what a project is (money, place, names) whatever the day', () => {
    const later = build('2026-11-23');
    const pick = (list: DemoProjectRows['projects']) =>
      list.map((x) => [x.id, x.name, x.totalInvestmentYuan, x.longitude, x.latitude, x.ownerName, x.leadUnitId, x.nature, x.pool]);
    expect(pick(later.projects)).toEqual(pick(rows.projects));
  });

  it.each(['2026-01-02', '2026-02-28', '2026-11-23', '2026-12-31', '2027-03-15'])('holds together on %s', (today) => {
    const year = Number(today.slice(0, 4));
    const built = build(today);
    expect(built.projects).toHaveLength(133);
    const end = `${today}T23:59:59+08:00`;
    for (const x of built.projects) {
      for (const d of [x.plannedStart, x.plannedCompletion, x.actualStart, x.actualCompletion]) if (d) expect(isIsoDate(d)).toBe(true);
      for (const d of [x.actualStart, x.actualCompletion]) if (d) expect(compareDates(d, today)).toBeLessThanOrEqual(0);
      if (x.nature === 'new_start' && x.actualStart) expect(x.actualStart.startsWith(String(year))).toBe(true);
      if (x.nature === 'continuing' && x.actualStart) expect(compareDates(x.actualStart, `${year}-01-01`)).toBeLessThan(0);
      if (x.pool === 'advancing') expect(x.plannedStart?.startsWith(String(year))).toBe(true);
      expect(compareDates(x.plannedStart ?? '', x.plannedCompletion ?? '')).toBeLessThan(0);
    }
    for (const m of built.milestones) if (m.actualFinish) expect(compareDates(m.actualFinish, today)).toBeLessThanOrEqual(0);
    for (const m of built.poolMoves) expect(m.at?.getTime()).toBeLessThanOrEqual(new Date(end).getTime());
    for (const h of built.codeHistory) expect(h.at?.getTime()).toBeLessThanOrEqual(new Date(end).getTime());
    const total = built.annualPlans.reduce((a, p) => a + p.plannedYuan, 0);
    expect(total).toBeGreaterThanOrEqual(240 * YI);
    expect(total).toBeLessThanOrEqual(260 * YI);
    for (const p of built.annualPlans) {
      expect(p.year).toBe(year);
      expect(p.monthlyYuan.reduce((a, m) => a + m, 0)).toBe(p.plannedYuan);
      // Frozen on 31 January; in January the year's plan is still a draft.
      expect(p.frozenAt === null).toBe(compareDates(today, `${year}-01-31`) < 0);
    }
    expect(addDays(today, 0)).toBe(today);
  });
});

describeEachDatabase('the demo projects in the seeded database', (t) => {
  it('loads the 133 projects, their plans and annual plans, and the leaders in charge', async () => {
    const { db } = t().database;
    const [count] = await db
      .select({ n: sql<number>`count(*)::int`, total: sql<string>`sum(total_investment_yuan)` })
      .from(projects)
      .where(eq(projects.regionCode, DEMO_DISTRICT_CODE));
    expect(count?.n).toBe(133);
    expect(Number(count?.total)).toBe(1200 * YI);
    const [plans] = await db
      .select({ n: sql<number>`count(*)::int`, total: sql<string>`sum(planned_yuan)` })
      .from(annualPlans)
      .innerJoin(projects, eq(projects.id, annualPlans.projectId))
      .where(eq(projects.regionCode, DEMO_DISTRICT_CODE));
    expect(Number(plans?.total)).toBeGreaterThanOrEqual(240 * YI);
    const [withPredecessors] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(milestones)
      .where(sql`cardinality(${milestones.predecessorIds}) > 0`);
    expect(withPredecessors?.n).toBeGreaterThan(500);
    const [leader] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'leader'));
    const [inCharge] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectLeaders)
      .where(eq(projectLeaders.userId, leader?.id ?? ''));
    expect(inCharge?.n).toBeGreaterThanOrEqual(10);
    const leaders = await db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.roleCode, 'leader')));
    // 天桥区's six, and the one of each smaller district (server/db/seed-data/demo-districts.ts).
    expect(leaders.map((l) => l.username).sort()).toEqual(
      ['leader', ...DEMO_LEADERS.map((l) => l.username), ...DEMO_SMALL_DISTRICTS.map((d) => d.leader.username)].sort(),
    );
    const [sample] = await db.select().from(projects).where(eq(projects.name, '上药控股山东总部项目'));
    expect(sample?.namedLists).toEqual([GREEN_LIST]);
    expect(sample?.code).toMatch(/^\d{4}-370105-\d{2}-\d{2}-\d{6}$/);
  });
});
