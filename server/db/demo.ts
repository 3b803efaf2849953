import { todayInChina } from '../../common/domain/dates';
import type { DataScope, RoleCode } from '../../common/permissions';
import type { SystemContext } from '../lib/audit';
import { createAccount } from './accounts';
import type { Db, Executor } from './client';
import { units, users } from './schema';
import { buildDemoProjects, DEMO_LEADERS, insertDemoProjects } from './seed-data/demo-projects';
import { insertDemoNotifications } from './seed-data/demo-notifications';
import { buildDemoEnterprises, insertDemoEnterprises } from './seed-data/demo-enterprises';
import { buildDemoOpportunities, insertDemoOpportunities } from './seed-data/demo-opportunities';
import { insertDemoLeads } from './seed-data/demo-leads';
import { insertDemoCarriers } from './seed-data/demo-carriers';
import { buildDemoMatters, insertDemoMatters, raiseFromReports } from './seed-data/demo-matters';
import { buildDemoService, insertDemoService } from './seed-data/demo-service';
import { buildDemoLandEfficiency, insertDemoLandEfficiency } from './seed-data/demo-land-efficiency';
import { buildDemoReports, insertDemoReports } from './seed-data/demo-reports';
import { buildDemoTargets, insertDemoTargets } from './seed-data/demo-targets';
import { DEMO_DISTRICT_CODE, DEMO_UNITS, type DemoUnit } from './seed-data/demo-units';
import {
  DEMO_CITY_CODE,
  DEMO_CITY_INDICATORS,
  DEMO_CITY_OFFICE_USER,
  DEMO_CITY_UNITS,
  DEMO_CITY_USER,
  DEMO_PROVINCE_CODE,
  DEMO_PROVINCE_INDICATORS,
  DEMO_PROVINCE_UNITS,
  DEMO_PROVINCE_USER,
  DEMO_SMALL_DISTRICTS,
} from './seed-data/demo-districts';
import { DEMO_PROVINCE_NOTE, insertDemoCityRule } from './seed-data/demo-scoring';
import { refreshProjectMonths } from '../modules/reports';
import { rebuildDashboardFigures, rebuildReportCounts } from '../modules/projects';
import { seedWarnings } from '../modules/warnings';
import { seedDemoBoundaries } from '../modules/map';

/**
 * One illustrative person per role of 天桥区, then the city's reader and office and the smaller districts' project offices; usernames
 * are documented in the README. `unitsOf` names the region whose demo units `unitKey` is of (天桥区 when absent).
 */
export const DEMO_USERS: {
  username: string;
  displayName: string;
  roleCode: RoleCode;
  unitKey: string;
  unitsOf?: string;
  dataScope?: DataScope;
}[] = [
  { username: 'admin', displayName: '王建国（平台管理员）', roleCode: 'admin', unitKey: 'bigdata' },
  { username: 'office', displayName: '李明（重点项目办）', roleCode: 'project_office', unitKey: 'project_office' },
  { username: 'unit', displayName: '张伟（北园街道）', roleCode: 'unit_staff', unitKey: 'street_beiyuan' },
  { username: 'leader', displayName: '刘志强（副区长）', roleCode: 'leader', unitKey: 'gov' },
  { username: 'invest', displayName: '陈静（投资促进中心）', roleCode: 'investment_staff', unitKey: 'invest' },
  { username: 'viewer', displayName: '赵敏（区委督查室）', roleCode: 'supervisor', unitKey: 'inspection' },
  { ...DEMO_CITY_USER, unitsOf: DEMO_CITY_CODE },
  { ...DEMO_CITY_OFFICE_USER, unitsOf: DEMO_CITY_CODE },
  { ...DEMO_PROVINCE_USER, unitsOf: DEMO_PROVINCE_CODE },
  ...DEMO_SMALL_DISTRICTS.map((d) => ({
    ...d.office,
    roleCode: 'project_office' as const,
    unitKey: 'project_office',
    unitsOf: d.profile.code,
  })),
];

/** Inserts a region's demo units (parents first) and answers their ids by key. */
async function insertUnits(tx: Executor, list: readonly DemoUnit[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const [index, unit] of list.entries()) {
    const id = crypto.randomUUID();
    const parentId = unit.parentKey ? ids.get(unit.parentKey) : undefined;
    const path = `${unit.parentKey ? (paths.get(unit.parentKey) ?? '') : ''}${id}/`;
    ids.set(unit.key, id);
    paths.set(unit.key, path);
    await tx.insert(units).values({
      id,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      regionCode: unit.regionCode,
      parentId: parentId ?? null,
      path,
      sortOrder: index,
    });
  }
  return ids;
}

export type DemoCredentials = { username: string; password: string; mustChange: boolean }[];

/**
 * Loads the demo district (济南市天桥区) on a database that has no users yet: its units, one user per role, more
 * district leaders, and its key projects for the current year. Passwords are generated and returned for printing
 * (the extra leaders' are not: they are illustrative), or all set to `password` when one is given.
 */
export async function seedDemo(
  db: Db,
  password: string | undefined,
  /** The server secret the demo's notification channels are encrypted under; without it they are left out. */
  serverSecret?: string,
): Promise<DemoCredentials | null> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return null;
  const ctx: SystemContext = { ip: null, requestId: null, actorName: 'seed-demo' };
  // The units of 天桥区, of the city above it and of the two smaller districts, by region and key.
  const unitsByRegion = new Map<string, Map<string, string>>();
  await db.transaction(async (tx) => {
    unitsByRegion.set(DEMO_DISTRICT_CODE, await insertUnits(tx, DEMO_UNITS));
    unitsByRegion.set(DEMO_PROVINCE_CODE, await insertUnits(tx, DEMO_PROVINCE_UNITS));
    unitsByRegion.set(DEMO_CITY_CODE, await insertUnits(tx, DEMO_CITY_UNITS));
    for (const d of DEMO_SMALL_DISTRICTS) unitsByRegion.set(d.profile.code, await insertUnits(tx, d.profile.units));
  });
  const ids = unitsByRegion.get(DEMO_DISTRICT_CODE) ?? new Map<string, string>();
  const credentials: DemoCredentials = [];
  const userIds = new Map<string, string>();
  for (const demoUser of DEMO_USERS) {
    const unitId = unitsByRegion.get(demoUser.unitsOf ?? DEMO_DISTRICT_CODE)?.get(demoUser.unitKey);
    if (!unitId) throw new Error(`demo unit ${demoUser.unitKey} missing`);
    const { unitsOf: _, ...account } = demoUser;
    const created = await createAccount(db, ctx, { ...account, unitId, password });
    credentials.push({ username: demoUser.username, password: created.password, mustChange: created.mustChange });
    userIds.set(demoUser.username, created.id);
  }
  const leaderUnitId = ids.get('gov');
  if (!leaderUnitId) throw new Error('demo unit gov missing');
  // Hashing dominates account creation, so the leaders are created side by side (their order is kept).
  const leaders = await Promise.all(
    DEMO_LEADERS.map((leader) => createAccount(db, ctx, { ...leader, unitId: leaderUnitId, roleCode: 'leader', password })),
  );
  // Each smaller district's one leader in charge, at its government (illustrative, not printed).
  const smallLeaders = await Promise.all(
    DEMO_SMALL_DISTRICTS.map((d) =>
      createAccount(db, ctx, { ...d.leader, unitId: unitsByRegion.get(d.profile.code)?.get('gov') ?? '', roleCode: 'leader', password }),
    ),
  );
  const leaderIds = [userIds.get('leader') ?? '', ...leaders.map((l) => l.id)];
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const officeUserId = userIds.get('office') ?? '';
  const rows = buildDemoProjects({ year, today, unitIds: ids, leaderIds, officeUserId });
  // The year's monthly ledger so far: periods and the reports the implementing projects owed in them.
  const unitClerk = DEMO_USERS.find((u) => u.username === 'unit');
  const clerkUnitId = unitClerk ? ids.get(unitClerk.unitKey) : undefined;
  const clerkId = userIds.get('unit');
  const reports = buildDemoReports({
    year,
    today,
    regionCode: DEMO_DISTRICT_CODE,
    officeUserId,
    submitters: new Map(clerkUnitId && clerkId ? [[clerkUnitId, clerkId]] : []),
    projects: rows,
  });
  // Matters of every source in every state, on the demo's projects and units.
  // The smaller districts: their projects, the year's ledger so far and their main indicators.
  const smallDistricts = DEMO_SMALL_DISTRICTS.map((d, i) => {
    const unitIds = unitsByRegion.get(d.profile.code) ?? new Map<string, string>();
    const office = userIds.get(d.office.username) ?? '';
    const projects = buildDemoProjects({ year, today, unitIds, leaderIds: [smallLeaders[i]?.id ?? ''], officeUserId: office }, d.profile);
    const ledger = buildDemoReports({ year, today, regionCode: d.profile.code, officeUserId: office, submitters: new Map(), projects });
    const targets = buildDemoTargets({
      year,
      today,
      regionCode: d.profile.code,
      unitIds,
      enteredBy: office,
      indicators: d.indicators,
      commitments: [],
      scoringRule: false,
    });
    return { code: d.profile.code, projects, ledger, targets };
  });
  const matterRows = buildDemoMatters({
    today,
    regionCode: DEMO_DISTRICT_CODE,
    unitIds: ids,
    userIds,
    projects: rows.projects,
    leaders: rows.leaders,
  });
  raiseFromReports(matterRows, reports.reports);
  await db.transaction(async (tx) => {
    await insertDemoProjects(tx, rows);
    await insertDemoReports(tx, reports);
    for (const d of smallDistricts) {
      await insertDemoProjects(tx, d.projects);
      await insertDemoReports(tx, d.ledger);
      await insertDemoTargets(tx, d.targets);
    }
    // The dashboard's month figures of the approved demo reports.
    await refreshProjectMonths(
      tx,
      [rows, ...smallDistricts.map((d) => d.projects)].flatMap((r) => r.projects.flatMap((p) => (p.id ? [p.id] : []))),
    );
    await insertDemoMatters(tx, matterRows);
    await insertDemoTargets(tx, buildDemoTargets({ year, today, regionCode: DEMO_DISTRICT_CODE, unitIds: ids, enteredBy: officeUserId }));
    // The city's rule, ranking its three districts (the monthly job takes last month at start).
    await insertDemoCityRule(tx, { regionCode: DEMO_CITY_CODE, year });
    // The city's own indicators, broken down to its districts (each share under the district's 人民政府).
    const cityTargets = buildDemoTargets({
      year,
      today,
      regionCode: DEMO_CITY_CODE,
      unitIds: unitsByRegion.get(DEMO_CITY_CODE) ?? new Map<string, string>(),
      enteredBy: userIds.get(DEMO_CITY_OFFICE_USER.username) ?? officeUserId,
      indicators: DEMO_CITY_INDICATORS.map((i) => i.seed),
      commitments: [],
      scoringRule: false,
    });
    cityTargets.indicators.forEach((indicator, i) => {
      for (const [code, targetValue] of Object.entries(DEMO_CITY_INDICATORS[i]?.shares ?? {})) {
        const unitId = unitsByRegion.get(code)?.get('gov');
        if (!unitId) throw new Error(`demo unit gov of ${code} missing`);
        cityTargets.breakdowns.push({ indicatorId: indicator.id ?? '', unitId, targetValue });
      }
    });
    await insertDemoTargets(tx, cityTargets);
    // The province's rule, ranking its cities, and its own indicators, broken down to its cities (each share under
    // the city's top unit, 济南市发展和改革委员会).
    await insertDemoCityRule(tx, { regionCode: DEMO_PROVINCE_CODE, year, authorName: '省发改委', note: DEMO_PROVINCE_NOTE });
    const provinceTargets = buildDemoTargets({
      year,
      today,
      regionCode: DEMO_PROVINCE_CODE,
      unitIds: unitsByRegion.get(DEMO_PROVINCE_CODE) ?? new Map<string, string>(),
      enteredBy: null,
      indicators: DEMO_PROVINCE_INDICATORS.map((i) => i.seed),
      commitments: [],
      scoringRule: false,
    });
    provinceTargets.indicators.forEach((indicator, i) => {
      for (const [code, targetValue] of Object.entries(DEMO_PROVINCE_INDICATORS[i]?.shares ?? {})) {
        const unitId = unitsByRegion.get(code)?.get('drc');
        if (!unitId) throw new Error(`demo unit drc of ${code} missing`);
        provinceTargets.breakdowns.push({ indicatorId: indicator.id ?? '', unitId, targetValue });
      }
    });
    await insertDemoTargets(tx, provinceTargets);
    const enterpriseRows = buildDemoEnterprises(DEMO_DISTRICT_CODE, userIds.get('invest') ?? null);
    await insertDemoEnterprises(tx, enterpriseRows);
    // 亩均效益 2025: the local industrial enterprises' figures and 天桥区's thresholds.
    await insertDemoLandEfficiency(tx, buildDemoLandEfficiency(DEMO_DISTRICT_CODE, enterpriseRows, userIds.get('invest') ?? null));
    const people = { editor: userIds.get('invest') ?? null, reviewer: userIds.get('office') ?? null };
    await insertDemoOpportunities(tx, buildDemoOpportunities(DEMO_DISTRICT_CODE, today, people));
    // Leads in every stage with their follow-ups, two trips/fairs, a few signed into the projects above.
    await insertDemoLeads(tx, { today, regionCode: DEMO_DISTRICT_CODE, unitIds: ids, userIds, leaderIds, projects: rows.projects });
    // Visits (the demo's enterprise demands were raised in them) and two policies with their deliveries.
    await insertDemoService(
      tx,
      buildDemoService({
        today,
        regionCode: DEMO_DISTRICT_CODE,
        enterprises: enterpriseRows,
        matters: matterRows.matters,
        unitIds: ids,
        userIds,
      }),
    );
    // Chain maps on the register's enterprises; parks, buildings and parcels, the supplied ones to industrial projects.
    await insertDemoCarriers(tx, {
      regionCode: DEMO_DISTRICT_CODE,
      createdBy: userIds.get('invest') ?? null,
      today,
      projects: rows.projects.flatMap((p) => (p.id && p.categoryCode === 'industrial' ? [{ id: p.id, name: p.name }] : [])).slice(0, 4),
    });
    if (serverSecret) await insertDemoNotifications(tx, { serverSecret, unitIds: ids, userIds, today });
    // The colours that follow from the year's reports and plans, with a snapshot for each past month of the year.
    await seedWarnings(tx, DEMO_DISTRICT_CODE, today);
    for (const d of smallDistricts) await seedWarnings(tx, d.code, today);
    // The one map's base: 济南市 and its districts (天桥区 among them).
    await seedDemoBoundaries(tx);
    // The dashboard's figures of everything above (written straight into the tables, not through the services).
    await rebuildDashboardFigures(tx);
    // 未报送's and the periods' counts of the reports written above.
    await rebuildReportCounts(tx);
  });
  return credentials;
}
