import type { ImportKind } from '../../common/schemas/imports';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction } from '../../common/domain/audit';
import type { LeadStage } from '../../common/enums';
import { addDays, todayInChina } from '../../common/domain/dates';
import { DEFAULT_ROLE_SCOPE, type RoleCode } from '../../common/permissions';
import type { Pool, Project, projectCreateBody } from '../../common/schemas/projects';
import type { Database } from '../db/client';
import {
  annualPlans,
  approvalItems,
  commitments,
  customFieldDefs,
  fundingLines,
  importJobs,
  indicators,
  landParcels,
  leadStageMoves,
  leads,
  matterCoUnits,
  matters,
  milestones,
  notifications,
  progressReports,
  projectLeaders,
  projects,
  reportingPeriods,
  scoreSnapshotItems,
  scoreSnapshots,
  scoringRules,
  units,
  users,
} from '../db/schema';
import { keepReportCounts, refreshDashboardFigures } from '../modules/projects';
import { recordAudit } from '../lib/audit';
import { createAccount } from '../db/accounts';
import { type Client, OTHER_REGION, TEST_PASSWORD, testConfig } from './harness';

// The test factories, in one place. `buildProject` creates a project through the API, so every rule applies; the
// `insert…` factories write records straight into the tables, with overrides, so a test builds exactly the records
// it needs (in a unit or a district it creates) — the API's own rules are tested through the API, these skip them on
// purpose. `unitIdByName` and `userIdOf` find the demo's units and people, for tests written around them; a new test
// builds its own with `insertUnit` and `insertUser` instead (server/test/scope-matrix.test.ts does).

let serial = 0;
/** The current year in China, as the server counts it. */
export const thisYear = () => Number(todayInChina().slice(0, 4));
/** A short suffix unique within the test process, for names that must not collide. */
export const uniqueSuffix = () => `${process.pid.toString(36)}${(serial++).toString(36)}`;

export type UnitRecord = typeof units.$inferSelect;

/** A unit: under `parent` (in the parent's region unless another is given), or top-level in `regionCode`. */
export async function insertUnit(
  database: Database,
  options: { name?: string; regionCode?: string; parent?: UnitRecord; kind?: UnitRecord['kind'] },
): Promise<UnitRecord> {
  const regionCode = options.regionCode ?? options.parent?.regionCode;
  if (!regionCode) throw new Error('insertUnit needs a regionCode or a parent');
  const id = crypto.randomUUID();
  const [row] = await database.db
    .insert(units)
    .values({
      id,
      name: options.name ?? `测试单位${uniqueSuffix()}`,
      kind: options.kind ?? 'bureau',
      regionCode,
      parentId: options.parent?.id ?? null,
      path: `${options.parent?.path ?? ''}${id}/`,
    })
    .returning();
  if (!row) throw new Error('unit insert returned nothing');
  return row;
}

/** A unit of the test database by id (a signed-in user's unit, say). */
export async function unitById(database: Database, id: string): Promise<UnitRecord> {
  const [row] = await database.db.select().from(units).where(eq(units.id, id));
  if (!row) throw new Error(`no unit ${id}`);
  return row;
}

export type UserRecord = { id: string; username: string; displayName: string; unitId: string };

/** A person of a unit with the role's default data scope. He cannot sign in: his password hash is no hash. */
export async function insertUser(
  database: Database,
  options: { unitId: string; roleCode?: RoleCode; username?: string; displayName?: string },
): Promise<UserRecord> {
  const roleCode = options.roleCode ?? 'unit_staff';
  const suffix = uniqueSuffix();
  const [row] = await database.db
    .insert(users)
    .values({
      username: options.username ?? `test_user_${suffix}`,
      displayName: options.displayName ?? `测试用户${suffix}`,
      unitId: options.unitId,
      roleCode,
      dataScope: DEFAULT_ROLE_SCOPE[roleCode],
      passwordHash: 'not-a-hash: this user never signs in',
      mustChangePassword: false,
    })
    .returning({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId });
  if (!row) throw new Error('user insert returned nothing');
  return row;
}

/**
 * An investment officer of another district (历下区, OTHER_REGION) who can sign in with TEST_PASSWORD, in a new unit of
 * that district: the reader a district's records must stay hidden from. Answers his username.
 */
export async function insertOtherDistrictInvestor(database: Database): Promise<string> {
  const unit = await insertUnit(database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
  const username = `invest_${uniqueSuffix()}`;
  await createAccount(
    database.db,
    { ip: null, requestId: null },
    { username, displayName: username, unitId: unit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
  );
  return username;
}

/** The unit a user belongs to. */
export async function unitOfUser(database: Database, userId: string): Promise<UnitRecord> {
  const [row] = await database.db.select({ unitId: users.unitId }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return unitById(database, row.unitId);
}

export type ProjectRecord = typeof projects.$inferSelect;

/** The id of a unit of the test database, by its exact name (the demo's units). */
export async function unitIdByName(database: Database, name: string): Promise<string> {
  const [row] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
  if (!row) throw new Error(`no unit named ${name}`);
  return row.id;
}

/** The id of a user of the test database, by username (the demo's people). */
export async function userIdOf(database: Database, username: string): Promise<string> {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

type ProjectBody = Partial<z.input<typeof projectCreateBody>>;

/**
 * Creates a project through the API as the client, so every rule applies; by default a thin planning-pool idea led
 * by 区住房和城乡建设局 with a unique name. Fails the test when the API refuses.
 */
export async function buildProject(client: Client, database: Database, overrides: ProjectBody = {}): Promise<Project> {
  const leadUnitId = overrides.leadUnitId ?? (await unitIdByName(database, '区住房和城乡建设局'));
  const response = await client.post('/api/v1/projects', { name: `测试项目${uniqueSuffix()}`, ...overrides, leadUnitId });
  if (response.statusCode !== 201) throw new Error(`buildProject failed: ${response.statusCode} ${response.body}`);
  return response.json() as Project;
}

/** Puts a project straight into a pool, as data from before the gates would be; answers its new version. */
export async function placeInPool(database: Database, id: string, pool: Pool): Promise<number> {
  const [row] = await database.db.update(projects).set({ pool }).where(eq(projects.id, id)).returning({ version: projects.version });
  if (!row) throw new Error(`no project ${id}`);
  await refreshDashboardFigures(database.db, [id]);
  return row.version;
}

/**
 * A project written straight into the table: of the test district, led by 北园街道 (unless `leadUnitId` says
 * otherwise), implementing, to be built from 2025-03-01 to 2027-06-30; `leaderIds` are the leaders in charge (包挂领导).
 */
export async function insertProject(
  database: Database,
  overrides: Partial<typeof projects.$inferInsert> & { leaderIds?: string[] } = {},
): Promise<ProjectRecord> {
  const { leaderIds = [], ...fields } = overrides;
  const [row] = await database.db
    .insert(projects)
    .values({
      regionCode: testConfig().regionCode,
      name: `测试项目${uniqueSuffix()}`,
      pool: 'implementing',
      categoryCode: 'industrial',
      plannedStart: '2025-03-01',
      plannedCompletion: '2027-06-30',
      ...fields,
      leadUnitId: fields.leadUnitId ?? (await unitIdByName(database, '北园街道办事处')),
    })
    .returning();
  if (!row) throw new Error('project insert returned nothing');
  for (const userId of leaderIds) await database.db.insert(projectLeaders).values({ projectId: row.id, userId });
  // As the services do: the dashboard's figures count it.
  await refreshDashboardFigures(database.db, [row.id]);
  return row;
}

export type TrackRecords = { approvalItemId: string; fundingLineId: string; milestoneId: string; annualPlanId: string };

/** One record of each of a project's tracks: an approval item, a funding line, a milestone, this year's annual plan. */
export async function insertTracks(database: Database, projectId: string): Promise<TrackRecords> {
  const { db } = database;
  const [item] = await db.insert(approvalItems).values({ projectId, typeCode: 'filing' }).returning({ id: approvalItems.id });
  const [line] = await db
    .insert(fundingLines)
    .values({ projectId, sourceCode: 'fiscal', plannedYuan: 1_000_000 })
    .returning({ id: fundingLines.id });
  const [milestone] = await db.insert(milestones).values({ projectId, name: '开工', kind: 'start' }).returning({ id: milestones.id });
  const [plan] = await db
    .insert(annualPlans)
    .values({
      projectId,
      year: thisYear(),
      plannedYuan: 12_000_000,
      monthlyYuan: Array.from({ length: 12 }, () => 1_000_000),
    })
    .returning({ id: annualPlans.id });
  if (!item || !line || !milestone || !plan) throw new Error('track insert returned nothing');
  await refreshDashboardFigures(db, [projectId]);
  return { approvalItemId: item.id, fundingLineId: line.id, milestoneId: milestone.id, annualPlanId: plan.id };
}

/** An audit event by a person (his unit and district as recorded), with a record id to find it by. */
export async function insertAuditEvent(
  database: Database,
  options: { actor: UserRecord; regionCode: string; recordId: string; action?: string; recordType?: string },
): Promise<void> {
  const { actor } = options;
  await database.db.transaction((tx) =>
    recordAudit(
      tx,
      {
        ip: null,
        requestId: null,
        actorId: actor.id,
        actorName: actor.displayName,
        actorUnitId: actor.unitId,
        regionCode: options.regionCode,
      },
      // A test's own action ('test.event' by default), which no service writes: outside the page's list on purpose.
      { action: (options.action ?? 'test.event') as AuditAction, recordType: options.recordType ?? 'test', recordId: options.recordId },
    ),
  );
}

/** An import job of a district uploaded by a person, validated and ready to commit (its file is not stored). */
export async function insertImportJob(
  database: Database,
  options: { regionCode: string; createdBy: string; fileName?: string; kind?: ImportKind },
): Promise<{ id: string; fileName: string }> {
  const fileName = options.fileName ?? `导入${uniqueSuffix()}.xlsx`;
  const [row] = await database.db
    .insert(importJobs)
    .values({
      regionCode: options.regionCode,
      kind: options.kind ?? 'projects',
      status: 'ready',
      fileName,
      storedName: crypto.randomUUID(),
      sizeBytes: 1,
      createdBy: options.createdBy,
    })
    .returning({ id: importJobs.id });
  if (!row) throw new Error('import job insert returned nothing');
  return { id: row.id, fileName };
}

/** A text custom field of a district (every category). */
export async function insertCustomField(
  database: Database,
  options: { regionCode: string; key: string; label?: string },
): Promise<{ id: string; key: string }> {
  const [row] = await database.db
    .insert(customFieldDefs)
    .values({
      regionCode: options.regionCode,
      key: options.key,
      label: options.label ?? `测试字段${uniqueSuffix()}`,
      labelEn: 'Test field',
      type: 'text',
    })
    .returning({ id: customFieldDefs.id, key: customFieldDefs.key });
  if (!row) throw new Error('custom field insert returned nothing');
  return row;
}

// Reporting periods and progress reports (the reports API is tested on its own).

let periodSerial = 0;

/**
 * A month no other period of a test takes: one of the years 2001–2099 other than the current one (the demo's), a
 * month after another, so periods made straight into the table never collide with each other or the demo's.
 */
function freshMonth(): { year: number; month: number } {
  const current = thisYear();
  for (;;) {
    const n = periodSerial++;
    const year = 2001 + Math.floor(n / 12);
    if (year > 2099) throw new Error('the test periods ran out of months');
    if (year !== current) return { year, month: (n % 12) + 1 };
  }
}

export type PeriodRecord = typeof reportingPeriods.$inferSelect;
export type ReportRecord = typeof progressReports.$inferSelect;

/**
 * A reporting period of the test district (unless another region is given) in a month of its own, open, due by
 * `deadline` (default 2199-12-31, so a report submitted now is on time; a date in the past makes it late).
 */
export async function insertPeriod(
  database: Database,
  overrides: Partial<typeof reportingPeriods.$inferInsert> = {},
): Promise<PeriodRecord> {
  const { year, month } = freshMonth();
  const [row] = await database.db
    .insert(reportingPeriods)
    .values({ regionCode: testConfig().regionCode, year, month, deadline: '2199-12-31', ...overrides })
    .returning();
  if (!row) throw new Error('period insert returned nothing');
  return row;
}

/**
 * A project's report in a period, owed by `responsibleUnitId` (the project's lead unit, say), a draft unless
 * overridden; counted in report_counts as the services count the reports they create.
 */
export async function insertReport(
  database: Database,
  period: Pick<PeriodRecord, 'id' | 'year' | 'month'>,
  fields: Partial<typeof progressReports.$inferInsert> & { projectId: string; responsibleUnitId: string },
): Promise<ReportRecord> {
  const [row] = await database.db.transaction((tx) =>
    keepReportCounts(tx, { projectIds: [fields.projectId] }, () =>
      tx
        .insert(progressReports)
        .values({ periodId: period.id, year: period.year, month: period.month, ...fields })
        .returning(),
    ),
  );
  if (!row) throw new Error('report insert returned nothing');
  return row;
}

/** A report filled in and ready to submit: 50万元 this month, 形象进度 in words and 40%. */
export const FILLED = { investmentYuan: 500_000, progressText: '主体结构施工，完成第三层楼板浇筑', progressPercent: 40 } as const;

export type MatterRecord = typeof matters.$inferSelect;

/**
 * A matter written straight into the table: a 12345 item of the test district raised by `raisedBy` (his unit raising
 * it unless `raisingUnitId` says otherwise), led by `leadUnitId`, due in ten days, assigned; `coUnitIds` its co-units.
 */
export async function insertMatter(
  database: Database,
  fields: Partial<typeof matters.$inferInsert> & { leadUnitId: string; raisedBy: string; coUnitIds?: string[] },
): Promise<MatterRecord> {
  const { coUnitIds = [], ...values } = fields;
  const raisingUnitId = values.raisingUnitId ?? (await unitOfUser(database, values.raisedBy)).id;
  const [row] = await database.db
    .insert(matters)
    .values({
      regionCode: testConfig().regionCode,
      source: 'hotline_12345',
      title: `测试事项${uniqueSuffix()}`,
      description: '市民来电反映的问题',
      category: 'other',
      deadline: addDays(todayInChina(), 10),
      ...values,
      raisingUnitId,
    })
    .returning();
  if (!row) throw new Error('matter insert returned nothing');
  if (coUnitIds.length) await database.db.insert(matterCoUnits).values(coUnitIds.map((unitId) => ({ matterId: row.id, unitId })));
  return row;
}

export type IndicatorRecord = typeof indicators.$inferSelect;

/** An indicator written straight into the table: this year's, of the test district, entered, owned by `ownerUnitId`. */
export async function insertIndicator(
  database: Database,
  fields: Partial<typeof indicators.$inferInsert> & { ownerUnitId: string },
): Promise<IndicatorRecord> {
  const [row] = await database.db
    .insert(indicators)
    .values({
      regionCode: testConfig().regionCode,
      year: thisYear(),
      name: `测试指标${uniqueSuffix()}`,
      measure: 'item',
      targetValue: '10',
      source: 'entered',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('indicator insert returned nothing');
  return row;
}

export type CommitmentRecord = typeof commitments.$inferSelect;

/** A pledge (or, with kind, a 民生实事) written straight into the table: this year's, of the test district, due at year end. */
export async function insertCommitment(
  database: Database,
  fields: Partial<typeof commitments.$inferInsert> & { unitId: string },
): Promise<CommitmentRecord> {
  const [row] = await database.db
    .insert(commitments)
    .values({
      regionCode: testConfig().regionCode,
      year: thisYear(),
      kind: 'pledge',
      title: `测试军令状${uniqueSuffix()}`,
      targetValue: '4',
      measure: 'item',
      deadline: `${thisYear()}-12-31`,
      ...fields,
    })
    .returning();
  if (!row) throw new Error('commitment insert returned nothing');
  return row;
}

/** A month's score snapshot of a district holding one unit's line, with the version-1 rule of its year it was taken by. */
export async function insertScoreSnapshot(
  database: Database,
  fields: { regionCode: string; year: number; month: number; unitId: string; unitName: string },
): Promise<{ ruleId: string; snapshotId: string }> {
  const { regionCode, year, month } = fields;
  const [rule] = await database.db.insert(scoringRules).values({ regionCode, year, version: 1, formula: '10' }).returning();
  if (!rule) throw new Error('scoring rule insert returned nothing');
  const [snapshot] = await database.db
    .insert(scoreSnapshots)
    .values({ regionCode, year, month, ruleId: rule.id, ruleVersion: 1 })
    .returning();
  if (!snapshot) throw new Error('score snapshot insert returned nothing');
  await database.db.insert(scoreSnapshotItems).values({
    snapshotId: snapshot.id,
    unitId: fields.unitId,
    unitName: fields.unitName,
    score: 10,
    rank: 1,
    position: 1,
    terms: [{ text: '10', sign: 1, value: 10, inputs: [] }],
    variables: {},
  });
  return { ruleId: rule.id, snapshotId: snapshot.id };
}

/** Who was told what about a record (its page's path): recipient, message key, kind and the message's values. */
export async function notificationsAbout(database: Database, link: string) {
  const rows = await database.db.select().from(notifications).where(eq(notifications.link, link));
  return rows.map((n) => ({ to: n.recipientId, key: n.messageKey, kind: n.kind, params: n.params }));
}

export type LeadRecord = typeof leads.$inferSelect;

/**
 * A lead written straight into the tables with its stage history: `moves` are the stages it reached in order with
 * their days, the first being 线索 (its receipt); the lead stands at the last. The stage machine is not consulted.
 */
export async function insertLead(
  database: Database,
  fields: Partial<typeof leads.$inferInsert> & { regionCode: string; unitId: string; ownerId: string },
  moves: [LeadStage, string][],
): Promise<LeadRecord> {
  const [first, last] = [moves[0], moves.at(-1)];
  if (!first || !last || first[0] !== 'lead') throw new Error('a lead starts at 线索');
  const [row] = await database.db
    .insert(leads)
    .values({
      name: `测试线索${uniqueSuffix()}`,
      method: 'via_business',
      receivedOn: first[1],
      stage: last[0],
      stageOn: last[1],
      droppedReason: last[0] === 'dropped' ? '企业投资计划调整' : null,
      ...fields,
    })
    .returning();
  if (!row) throw new Error('lead insert returned nothing');
  await database.db
    .insert(leadStageMoves)
    .values(moves.map(([toStage, on], i) => ({ leadId: row.id, fromStage: i === 0 ? null : (moves[i - 1]?.[0] ?? null), toStage, on })));
  return row;
}

/** A land parcel written straight into the table (in the reserve unless `status` says otherwise). */
export async function insertParcel(
  database: Database,
  fields: Partial<typeof landParcels.$inferInsert> & { regionCode: string; areaMu: number },
): Promise<typeof landParcels.$inferSelect> {
  const suffix = uniqueSuffix();
  const [row] = await database.db
    .insert(landParcels)
    .values({ code: `TP-${suffix}`, name: `测试地块${suffix}`, plannedUse: 'industrial', ...fields })
    .returning();
  if (!row) throw new Error('parcel insert returned nothing');
  return row;
}
