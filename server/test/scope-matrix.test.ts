import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../common/domain/dates';
import { composeUscc } from '../../common/domain/uscc';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, type DataScope, type Permission, type RoleCode } from '../../common/permissions';
import {
  enterprises,
  industryChains,
  landParcels,
  leadEvents,
  leadStageMoves,
  leads,
  milestones,
  opportunities,
  parks,
  policies,
  policyDeliveries,
  users,
  visits,
} from '../db/schema';
import { notificationChannels, notificationDeliveries } from '../db/schema/notifications';
import { attachments } from '../db/schema/attachments';
import { enterpriseLandFigures, landEfficiencyThresholds } from '../db/schema/land-efficiency';
import { type Access, accessAllows } from '../plugins/auth';
import {
  type PeriodRecord,
  type ProjectRecord,
  type TrackRecords,
  type UnitRecord,
  type UserRecord,
  insertAuditEvent,
  insertCommitment,
  insertCustomField,
  insertImportJob,
  insertIndicator,
  insertMatter,
  insertPeriod,
  insertProject,
  insertReport,
  insertScoreSnapshot,
  insertTracks,
  insertUnit,
  insertUser,
  thisYear,
  uniqueSuffix,
  unitOfUser,
} from './factories';
import { type Client, OTHER_REGION, type TestContext, describeEachDatabase, signInAs, testConfig } from './harness';

/**
 * Which rows each role sees, beside the permission matrix (authorization-matrix.test.ts): every role of the demo ×
 * records of every kind that has a scope, placed inside and outside the role's data scope, on every list, load and
 * export. A record in scope is answered with 200 and the row (and is in the lists and exports); a record out of
 * scope is answered with 404 and is absent from every list and export — "not allowed" looks like "not found".
 *
 * Records are built by factories, relative to the signed-in person: in his own unit, in a unit created under it, in
 * a unit created elsewhere in his district, in a unit created in another district, and his own (a project he is in
 * charge of, his account, his upload, his audit event). Nothing depends on the demo's names.
 *
 * A new module adds a row to KINDS (how to build its record at a placement, and its list/load/export endpoints); a
 * GET route that is in neither KINDS nor NOT_RECORD_SCOPED fails the last test.
 */

const USERS: Record<RoleCode, string> = {
  admin: 'admin',
  project_office: 'office',
  unit_staff: 'unit',
  leader: 'leader',
  investment_staff: 'invest',
  supervisor: 'viewer',
};

/** Where a record lies, seen from the signed-in person. */
type Placement = 'ownUnit' | 'childUnit' | 'otherUnit' | 'otherDistrict' | 'personal';
const PLACEMENTS: Placement[] = ['ownUnit', 'childUnit', 'otherUnit', 'otherDistrict', 'personal'];

/**
 * What each data scope sees of the records that follow the data scope. `personal` records are visible whatever the
 * scope (a leader sees the projects he is in charge of; everyone sees his own account, upload and audit event).
 * Nobody sees another district's records.
 */
const SEES: Record<Exclude<DataScope, 'custom'>, Placement[]> = {
  region: ['ownUnit', 'childUnit', 'otherUnit', 'personal'],
  unit_tree: ['ownUnit', 'childUnit', 'personal'],
  unit: ['ownUnit', 'personal'],
  own: ['personal'],
};

/** A unit, the district its records belong to, and someone of it (the signed-in person for `personal`). */
type Place = { placement: Placement; unit: UnitRecord; district: string; person: UserRecord };

type Viewer = { role: RoleCode; scope: DataScope; client: Client; user: UserRecord; unit: UnitRecord; label: string };

/** What the district-wide part of the world holds: built once per database. */
type World = {
  district: string;
  otherUnit: UnitRecord;
  otherUnitPerson: UserRecord;
  farUnit: UnitRecord;
  farPerson: UserRecord;
  /** A text custom field of each district, whose value every project of the matrix carries. */
  fields: Record<string, { id: string; key: string }>;
  /**
   * A reporting period of the person's district, holding the progress reports of the matrix whatever their project's
   * district, so that its 未报送 list is one page every person may load and the reports' own scope alone decides
   * which lines it shows.
   */
  period: PeriodRecord;
};

type Built = {
  id: string;
  /** Text shared by every record of the kind one role sees, so one export answers for all of them at once. */
  batch?: string;
  name: string;
  project?: ProjectRecord & { tracks: TrackRecords; fieldKey: string; creatorName: string };
  /** The period a progress report is owed in. */
  periodId?: string;
  /** The project a matter is about. */
  projectId?: string;
  /** The district the record belongs to, for the routes that name it (亩均效益). */
  district?: string;
};

type Probe = {
  /** The route as the route table names it. */
  route: string;
  /** list and export: the record is absent when out of scope; load: 404 when out of scope. */
  kind: 'list' | 'load' | 'export';
  url: (record: Built) => string;
  /** Whether the 200 answer shows the record (for a list or export, among its rows). */
  shows: (response: LightMyRequestResponse, record: Built) => boolean | Promise<boolean>;
  /** A load that finds the record but has nothing to give answers this instead of 200 (checked as found). */
  foundWithout?: { status: number; code: string };
};

type Kind = {
  name: string;
  /** `data scope`: SEES decides; `jurisdiction`: every record of the person's district is visible (reference data). */
  rule: 'data scope' | 'jurisdiction';
  /** Records with no owner: under the `own` scope the person's own unit's records are his. */
  ownerless?: boolean;
  /** Holders of this permission see every record of their district whatever their data scope (visits: the register's keepers). */
  districtWideFor?: Permission;
  /** Builds the record at the place, or null when the kind has no such placement. */
  build: (t: TestContext, world: World, viewer: Viewer, place: Place) => Promise<Built | null>;
  probes: Probe[];
};

let matrixParcels = 0;
let matrixScoreYears = 0;
/** The year of the matrix's 亩均效益 figures and thresholds. */
const MATRIX_LAND_YEAR = 2029;
let matrixLandEnterprises = 0;
const json = (response: LightMyRequestResponse) => response.json() as Record<string, unknown>;
const items = (response: LightMyRequestResponse) => (json(response).items ?? []) as { id?: string; code?: string }[];
const listed = (response: LightMyRequestResponse, id: string) => items(response).some((item) => item.id === id);

/** Every cell's text of every sheet of an .xlsx answer. */
async function workbookText(response: LightMyRequestResponse): Promise<string> {
  const read = async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    return texts.join('\n');
  };
  const text = workbookTexts.get(response) ?? read();
  workbookTexts.set(response, text);
  return text;
}
/** A sheet answers for every record of its role (see `batch`): it is read once. */
const workbookTexts = new WeakMap<LightMyRequestResponse, Promise<string>>();

/** The text of a .docx answer's body. */
async function documentText(response: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(response.rawPayload);
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

const q = (text: string) => encodeURIComponent(text);

const PROJECT_PROBES: Probe[] = [
  {
    route: 'GET /api/v1/projects',
    kind: 'list',
    url: (r) => `/api/v1/projects?q=${q(r.name)}&pageSize=200`,
    shows: (res, r) => listed(res, r.id),
  },
  {
    // Custom field values: the list filtered by the value finds the project only in scope.
    route: 'GET /api/v1/projects',
    kind: 'list',
    url: (r) => `/api/v1/projects?custom=${q(JSON.stringify({ [r.project?.fieldKey ?? '']: r.name }))}&pageSize=200`,
    shows: (res, r) => listed(res, r.id),
  },
  {
    // The list's totals count the project only in scope (its name is unique).
    route: 'GET /api/v1/projects/totals',
    kind: 'list',
    url: (r) => `/api/v1/projects/totals?q=${q(r.name)}`,
    shows: (res) => json(res).count === 1,
  },
  {
    route: 'GET /api/v1/projects/:id',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}`,
    shows: (res, r) => {
      const body = json(res) as { id: string; customValues: Record<string, unknown> };
      return body.id === r.id && body.customValues[r.project?.fieldKey ?? ''] === r.name;
    },
  },
  {
    route: 'GET /api/v1/projects/:id/gates',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/gates`,
    shows: (res) => Array.isArray(res.json()),
  },
  {
    route: 'GET /api/v1/projects/:id/timeline',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/timeline`,
    shows: (res, r) =>
      (json(res).items as { kind: string; actorName: string | null }[]).some(
        (i) => i.kind === 'created' && i.actorName === r.project?.creatorName,
      ),
  },
  {
    route: 'GET /api/v1/projects/:id/approval-items',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/approval-items`,
    shows: (res, r) => listed(res, r.project?.tracks.approvalItemId ?? ''),
  },
  {
    route: 'GET /api/v1/projects/:id/funding-lines',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/funding-lines`,
    shows: (res, r) => listed(res, r.project?.tracks.fundingLineId ?? ''),
  },
  {
    route: 'GET /api/v1/projects/:id/plan',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/plan`,
    shows: (res, r) => {
      const body = json(res) as { projectId: string; milestones: { id: string }[] };
      return body.projectId === r.id && body.milestones.some((m) => m.id === r.project?.tracks.milestoneId);
    },
  },
  {
    route: 'GET /api/v1/plans/unbound-milestones',
    kind: 'list',
    url: (r) => `/api/v1/plans/unbound-milestones?q=${q(r.name)}`,
    shows: (res, r) => (json(res).items as { projectId: string }[]).some((item) => item.projectId === r.id),
  },
  {
    route: 'GET /api/v1/projects/:id/annual-plans',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/annual-plans`,
    shows: (res, r) => listed(res, r.project?.tracks.annualPlanId ?? ''),
  },
  {
    route: 'GET /api/v1/projects/:id/progress',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/progress`,
    shows: (res, r) => json(res).projectId === r.id && json(res).annualPlanId === r.project?.tracks.annualPlanId,
  },
  {
    route: 'GET /api/v1/projects/:id/warning',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/warning`,
    shows: (res, r) => json(res).projectId === r.id,
  },
  {
    // The colour counts of the list's projects: the project's name finds it (counted) only in scope.
    route: 'GET /api/v1/warnings/summary',
    kind: 'list',
    url: (r) => `/api/v1/warnings/summary?by=unit&q=${q(r.name)}`,
    shows: (res) => (json(res).totals as { total: number }).total > 0,
  },
  {
    route: 'GET /api/v1/projects/:id/summary.docx',
    kind: 'load',
    url: (r) => `/api/v1/projects/${r.id}/summary.docx`,
    shows: async (res, r) => (await documentText(res)).includes(r.name),
  },
  {
    // The map's points (placed or counted as unplaced) of the list's projects: the name finds it only in scope.
    route: 'GET /api/v1/map/projects',
    kind: 'list',
    url: (r) => `/api/v1/map/projects?q=${q(r.name)}`,
    shows: (res) => {
      const body = json(res) as { rows: string; unplaced: number };
      return body.rows.length > 0 || body.unplaced > 0;
    },
  },
  {
    // The same as grid cells (`maxPoints=0`): a cell counts the project only in scope.
    route: 'GET /api/v1/map/projects',
    kind: 'list',
    url: (r) => `/api/v1/map/projects?q=${q(r.name)}&maxPoints=0`,
    shows: (res) => {
      const body = json(res) as { cells: { count: number }[]; unplaced: number };
      return body.cells.some((cell) => cell.count > 0) || body.unplaced > 0;
    },
  },
  {
    route: 'GET /api/v1/projects/export.xlsx',
    kind: 'export',
    url: (r) => `/api/v1/projects/export.xlsx?q=${q(r.batch ?? r.name)}`,
    shows: async (res, r) => (await workbookText(res)).includes(r.name),
  },
  {
    route: 'GET /api/v1/projects/ledger.xlsx',
    kind: 'export',
    url: (r) => `/api/v1/projects/ledger.xlsx?q=${q(r.batch ?? r.name)}`,
    shows: async (res, r) => (await workbookText(res)).includes(r.name),
  },
  {
    // The district's annual-plan page: the project's plan of this year (its tracks') is a row only in scope.
    route: 'GET /api/v1/annual-plans',
    kind: 'list',
    url: (r) => `/api/v1/annual-plans?q=${q(r.name)}`,
    shows: (res, r) => (json(res).items as { projectId: string }[]).some((item) => item.projectId === r.id),
  },
  {
    route: 'GET /api/v1/annual-plans/export.xlsx',
    kind: 'export',
    url: (r) => `/api/v1/annual-plans/export.xlsx?q=${q(r.batch ?? r.name)}`,
    shows: async (res, r) => (await workbookText(res)).includes(r.name),
  },
];

const KINDS: Kind[] = [
  {
    // Projects and their sub-records (tracks, custom field values, timeline, gates, the Word summary, the sheets).
    name: 'project',
    rule: 'data scope',
    build: async ({ database }, world, viewer, place) => {
      const batch = `范围矩阵${viewer.label}`;
      const name = `${batch}${place.placement}${uniqueSuffix()}`;
      const field = world.fields[place.district];
      if (!field) throw new Error(`no custom field for ${place.district}`);
      // `personal`: led by a unit outside his scope, with him in charge; otherwise led by the place's unit.
      const personal = place.placement === 'personal';
      const creator = personal ? world.otherUnitPerson : place.person;
      const project = await insertProject(database, {
        name,
        regionCode: place.district,
        leadUnitId: place.unit.id,
        leaderIds: personal ? [viewer.user.id] : [],
        createdBy: creator.id,
        customValues: { [field.key]: name },
        // In this year's ledger and year filter.
        plannedStart: `${thisYear() - 1}-03-01`,
        plannedCompletion: `${thisYear() + 1}-06-30`,
      });
      const tracks = await insertTracks(database, project.id);
      // Left unbound although its approval item (立项备案, not approved) disagrees: in the office's report of unbound milestones.
      await database.db.insert(milestones).values({ projectId: project.id, name: '立项备案', kind: 'other', actualFinish: '2025-01-10' });
      return { id: project.id, name, batch, project: { ...project, tracks, fieldKey: field.key, creatorName: creator.displayName } };
    },
    probes: PROJECT_PROBES,
  },
  {
    name: 'unit',
    rule: 'data scope',
    ownerless: true,
    build: async (_t, _world, _viewer, place) => (place.placement === 'personal' ? null : { id: place.unit.id, name: place.unit.name }),
    probes: [
      {
        route: 'GET /api/v1/units',
        kind: 'list',
        url: (r) => `/api/v1/units?q=${q(r.name)}&pageSize=200`,
        shows: (res, r) => listed(res, r.id),
      },
      { route: 'GET /api/v1/units/:id', kind: 'load', url: (r) => `/api/v1/units/${r.id}`, shows: (res, r) => json(res).id === r.id },
    ],
  },
  {
    name: 'user',
    rule: 'data scope',
    build: async (_t, _world, _viewer, place) => ({ id: place.person.id, name: place.person.username }),
    probes: [
      {
        route: 'GET /api/v1/users',
        kind: 'list',
        url: (r) => `/api/v1/users?q=${q(r.name)}&pageSize=200`,
        shows: (res, r) => listed(res, r.id),
      },
      { route: 'GET /api/v1/users/:id', kind: 'load', url: (r) => `/api/v1/users/${r.id}`, shows: (res, r) => json(res).id === r.id },
    ],
  },
  {
    name: 'audit event',
    rule: 'data scope',
    build: async ({ database }, _world, viewer, place) => {
      const recordId = `scope-${viewer.label}-${place.placement}-${uniqueSuffix()}`;
      await insertAuditEvent(database, { actor: place.person, regionCode: place.district, recordId });
      return { id: recordId, name: recordId };
    },
    probes: [
      {
        route: 'GET /api/v1/audit-events',
        kind: 'list',
        url: (r) => `/api/v1/audit-events?recordId=${q(r.id)}`,
        shows: (res, r) => (json(res).items as { recordId: string }[]).some((e) => e.recordId === r.id),
      },
    ],
  },
  {
    name: 'import job',
    rule: 'data scope',
    build: async ({ database }, _world, viewer, place) => {
      // A job of a kind the viewer imports: the investment staff import the enterprise register, not projects.
      const kind = DEFAULT_ROLE_PERMISSIONS[viewer.role].includes('project.import') ? 'projects' : 'enterprises';
      const job = await insertImportJob(database, { regionCode: place.district, createdBy: place.person.id, kind });
      return { id: job.id, name: job.fileName };
    },
    probes: [
      { route: 'GET /api/v1/imports', kind: 'list', url: () => '/api/v1/imports', shows: (res, r) => listed(res, r.id) },
      { route: 'GET /api/v1/imports/:id', kind: 'load', url: (r) => `/api/v1/imports/${r.id}`, shows: (res, r) => json(res).id === r.id },
      {
        // A job that found no problem has no marked file: found, it says so; out of scope, it is not found.
        route: 'GET /api/v1/imports/:id/marked.xlsx',
        kind: 'load',
        url: (r) => `/api/v1/imports/${r.id}/marked.xlsx`,
        shows: () => false,
        foundWithout: { status: 409, code: 'import_not_invalid' },
      },
    ],
  },
  {
    // Indicators (目标指标): seen through their owner unit (and the units they are broken down to; the breakdown is
    // probed in server/modules/targets/routes.test.ts). No one is personally in charge of an indicator.
    name: 'indicator',
    rule: 'data scope',
    ownerless: true,
    build: async ({ database }, _world, viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵指标${viewer.label}${place.placement}${uniqueSuffix()}`;
      const row = await insertIndicator(database, { name, regionCode: place.district, ownerUnitId: place.unit.id });
      return { id: row.id, name };
    },
    probes: [
      {
        route: 'GET /api/v1/targets/indicators',
        kind: 'list',
        url: () => `/api/v1/targets/indicators?year=${thisYear()}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/targets/indicators/by-district',
        kind: 'list',
        url: () => `/api/v1/targets/indicators/by-district?year=${thisYear()}`,
        shows: (res, r) =>
          (json(res).rows as { cells: ({ id: string } | null)[] }[]).some((row) => row.cells.some((cell) => cell?.id === r.id)),
      },
      {
        route: 'GET /api/v1/targets/indicators/:id',
        kind: 'load',
        url: (r) => `/api/v1/targets/indicators/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
    ],
  },
  {
    // Scoring rules and monthly rankings (考核排名) belong to a district: everyone of it who reads targets sees its
    // rules and every unit's line of its rankings. Each record is a rule and a snapshot of a year of its own.
    name: 'score snapshot',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      matrixScoreYears += 1;
      const year = 2030 + matrixScoreYears;
      const { ruleId } = await insertScoreSnapshot(database, {
        regionCode: place.district,
        year,
        month: 6,
        unitId: place.unit.id,
        unitName: place.unit.name,
      });
      return { id: ruleId, name: String(year), batch: place.unit.id };
    },
    probes: [
      {
        route: 'GET /api/v1/assessment/rules',
        kind: 'list',
        url: (r) => `/api/v1/assessment/rules?year=${r.name}`,
        shows: (res, r) => (json(res).versions as { id: string }[]).some((v) => v.id === r.id),
      },
      {
        route: 'GET /api/v1/assessment/scores',
        kind: 'list',
        url: (r) => `/api/v1/assessment/scores?year=${r.name}&month=6`,
        shows: (res, r) => (json(res).items as { unitId: string }[]).some((i) => i.unitId === r.batch),
      },
      {
        // The month's ranking as .xlsx: another district has no snapshot of that month (404), its own reads its title.
        route: 'GET /api/v1/assessment/scores.xlsx',
        kind: 'load',
        url: (r) => `/api/v1/assessment/scores.xlsx?year=${r.name}&month=6`,
        shows: async (res, r) => (await workbookText(res)).includes(`${r.name}`),
      },
      {
        // A unit's months: another district's unit is not found (404); a unit of the district shows its June line.
        route: 'GET /api/v1/assessment/units/:unitId/history',
        kind: 'load',
        url: (r) => `/api/v1/assessment/units/${r.batch}/history?year=${r.name}`,
        shows: (res) =>
          (json(res).months as { month: number; line: { score: number } | null }[]).some((m) => m.month === 6 && m.line?.score === 10),
      },
    ],
  },
  {
    // Pledges (军令状) and 民生实事: seen through the unit that pledged them.
    name: 'commitment',
    rule: 'data scope',
    ownerless: true,
    build: async ({ database }, _world, viewer, place) => {
      if (place.placement === 'personal') return null;
      const title = `范围矩阵军令状${viewer.label}${place.placement}${uniqueSuffix()}`;
      const row = await insertCommitment(database, { title, regionCode: place.district, unitId: place.unit.id });
      return { id: row.id, name: title };
    },
    probes: [
      {
        route: 'GET /api/v1/commitments',
        kind: 'list',
        url: () => `/api/v1/commitments?kind=pledge&year=${thisYear()}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/commitments/:id',
        kind: 'load',
        url: (r) => `/api/v1/commitments/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).title === r.name,
      },
    ],
  },
  {
    // The definitions of custom fields belong to a district (their values are probed with the projects).
    name: 'custom field',
    rule: 'jurisdiction',
    build: async (_t, world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const field = world.fields[place.district];
      return field ? { id: field.id, name: field.key } : null;
    },
    probes: [
      {
        route: 'GET /api/v1/custom-fields',
        kind: 'list',
        url: () => '/api/v1/custom-fields?pageSize=200',
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/custom-fields/:id',
        kind: 'load',
        url: (r) => `/api/v1/custom-fields/${r.id}`,
        shows: (res, r) => json(res).id === r.id,
      },
    ],
  },
  {
    // Progress reports: visible exactly when their project is (its lead unit in the data scope; the leader in charge).
    name: 'progress report',
    rule: 'data scope',
    build: async ({ database }, world, viewer, place) => {
      const name = `范围矩阵报告${viewer.label}${place.placement}${uniqueSuffix()}`;
      const personal = place.placement === 'personal';
      const project = await insertProject(database, {
        name,
        regionCode: place.district,
        leadUnitId: place.unit.id,
        leaderIds: personal ? [viewer.user.id] : [],
        createdBy: personal ? world.otherUnitPerson.id : place.person.id,
      });
      const report = await insertReport(database, world.period, { projectId: project.id, responsibleUnitId: place.unit.id });
      return { id: report.id, name, periodId: world.period.id };
    },
    probes: [
      {
        route: 'GET /api/v1/progress-reports',
        kind: 'list',
        url: (r) => `/api/v1/progress-reports?periodId=${r.periodId}&pageSize=200`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/progress-reports/:id',
        kind: 'load',
        url: (r) => `/api/v1/progress-reports/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).projectName === r.name,
      },
      {
        // 未报送's lines of the shared period (every unit): the report only when its project is in scope.
        route: 'GET /api/v1/reporting-periods/:id/missing/reports',
        kind: 'list',
        url: (r) => `/api/v1/reporting-periods/${r.periodId}/missing/reports?pageSize=200`,
        shows: (res, r) => listed(res, r.id),
      },
    ],
  },
  {
    // Matters: visible to their raising unit, lead unit and co-units in the data scope, to whoever raised them (own),
    // and to whoever sees their project (the leader in charge). Here raised by and assigned to the place's unit, about
    // a project led by it; the personal one is about a project the person is in charge of.
    name: 'matter',
    rule: 'data scope',
    build: async ({ database }, world, viewer, place) => {
      const name = `范围矩阵事项${viewer.label}${place.placement}${uniqueSuffix()}`;
      const personal = place.placement === 'personal';
      const raiser = personal ? world.otherUnitPerson : place.person;
      const project = await insertProject(database, {
        name,
        regionCode: place.district,
        leadUnitId: place.unit.id,
        leaderIds: personal ? [viewer.user.id] : [],
        createdBy: raiser.id,
      });
      const matter = await insertMatter(database, {
        title: name,
        regionCode: place.district,
        source: 'project_problem',
        projectId: project.id,
        leadUnitId: place.unit.id,
        raisingUnitId: place.unit.id,
        raisedBy: raiser.id,
      });
      return { id: matter.id, name, projectId: project.id };
    },
    probes: [
      {
        route: 'GET /api/v1/matters',
        kind: 'list',
        url: (r) => `/api/v1/matters?projectId=${r.projectId}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/matters/:id',
        kind: 'load',
        url: (r) => `/api/v1/matters/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).title === r.name,
      },
      {
        // The statistics count only the matters in scope.
        route: 'GET /api/v1/matters/stats',
        kind: 'list',
        url: (r) => `/api/v1/matters/stats?by=source&projectId=${r.projectId}`,
        shows: (res) => (json(res).total as { raised: number }).raised === 1,
      },
    ],
  },
  {
    // Attachments: visible exactly when their record is (here a project's: its lead unit in the data scope, the leader
    // in charge). The matrix's data folder holds no files, so a file found in scope answers 410 (its file is gone).
    name: 'attachment',
    rule: 'data scope',
    build: async ({ database }, world, viewer, place) => {
      const name = `范围矩阵附件${viewer.label}${place.placement}${uniqueSuffix()}`;
      const personal = place.placement === 'personal';
      const project = await insertProject(database, {
        name,
        regionCode: place.district,
        leadUnitId: place.unit.id,
        leaderIds: personal ? [viewer.user.id] : [],
        createdBy: personal ? world.otherUnitPerson.id : place.person.id,
      });
      const [row] = await database.db
        .insert(attachments)
        .values({
          regionCode: place.district,
          recordType: 'project',
          recordId: project.id,
          fileName: `${name}.jpg`,
          contentType: 'image/jpeg',
          sizeBytes: 1,
          storedName: `${crypto.randomUUID()}.upload`,
          thumbnailName: `${crypto.randomUUID()}.upload`,
          uploadedBy: place.person.id,
        })
        .returning();
      if (!row) throw new Error('attachment insert returned nothing');
      return { id: row.id, name, projectId: project.id };
    },
    probes: [
      {
        route: 'GET /api/v1/attachments',
        kind: 'load',
        url: (r) => `/api/v1/attachments?recordType=project&recordId=${r.projectId}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/attachments/:id/file',
        kind: 'load',
        url: (r) => `/api/v1/attachments/${r.id}/file`,
        shows: () => true,
        foundWithout: { status: 410, code: 'attachment_file_gone' },
      },
      {
        route: 'GET /api/v1/attachments/:id/thumbnail',
        kind: 'load',
        url: (r) => `/api/v1/attachments/${r.id}/thumbnail`,
        shows: () => true,
        foundWithout: { status: 410, code: 'attachment_file_gone' },
      },
    ],
  },
  {
    // The enterprise register belongs to a district and is shared by all its people, whatever their unit.
    name: 'enterprise',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵企业${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(enterprises)
        .values({ regionCode: place.district, name, namePinyin: 'fwjzqy', nameKey: name, kind: 'target', abroad: true })
        .returning({ id: enterprises.id });
      if (!row) throw new Error('enterprise not written');
      return { id: row.id, name };
    },
    probes: [
      {
        route: 'GET /api/v1/enterprises',
        kind: 'list',
        url: (r) => `/api/v1/enterprises?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/enterprises/:id',
        kind: 'load',
        url: (r) => `/api/v1/enterprises/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
      {
        route: 'GET /api/v1/enterprises/export.xlsx',
        kind: 'export',
        url: (r) => `/api/v1/enterprises/export.xlsx?q=${q(r.name)}`,
        shows: async (res, r) => (await workbookText(res)).includes(r.name),
      },
    ],
  },
  {
    // The city opportunity list belongs to a district and is kept by all its investment staff, whatever their unit.
    name: 'opportunity',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵机会${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(opportunities)
        .values({
          regionCode: place.district,
          kind: 'land',
          title: name,
          description: name,
          contactName: '陈静',
          contactPhone: '0531-85901234',
          validFrom: '2026-01-01',
        })
        .returning({ id: opportunities.id });
      if (!row) throw new Error('opportunity not written');
      return { id: row.id, name };
    },
    probes: [
      {
        route: 'GET /api/v1/opportunities',
        kind: 'list',
        url: (r) => `/api/v1/opportunities?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/opportunities/:id',
        kind: 'load',
        url: (r) => `/api/v1/opportunities/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).title === r.name,
      },
    ],
  },
  {
    // Leads are the district's pipeline, like its enterprise register: shared by all its people, whatever their unit.
    // Each is built signed (with its move), so the conversion figures count it too.
    name: 'lead',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵线索${uniqueSuffix()}`;
      const today = todayInChina();
      const [row] = await database.db
        .insert(leads)
        .values({
          regionCode: place.district,
          name,
          method: 'project',
          ownerId: place.person.id,
          unitId: place.unit.id,
          stage: 'signed',
          stageOn: today,
          receivedOn: today,
          contractValueYuan: 1,
          contractDate: today,
        })
        .returning({ id: leads.id });
      if (!row) throw new Error('lead not written');
      await database.db.insert(leadStageMoves).values({ leadId: row.id, fromStage: 'negotiating', toStage: 'signed', on: today });
      return { id: row.id, name, batch: place.unit.id };
    },
    probes: [
      {
        route: 'GET /api/v1/leads',
        kind: 'list',
        url: (r) => `/api/v1/leads?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/leads/:id',
        kind: 'load',
        url: (r) => `/api/v1/leads/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
      {
        // The conversion figures count only the leads in reach: the line of the record's unit.
        route: 'GET /api/v1/leads/stats',
        kind: 'list',
        url: () => '/api/v1/leads/stats?by=unit',
        shows: (res, r) => ((json(res).lines as { key: string; signed: number }[]) ?? []).some((l) => l.key === r.batch && l.signed >= 1),
      },
      {
        route: 'GET /api/v1/leads/export.xlsx',
        kind: 'export',
        url: (r) => `/api/v1/leads/export.xlsx?q=${q(r.name)}`,
        shows: async (res, r) => (await workbookText(res)).includes(r.name),
      },
    ],
  },
  {
    // Trips and fairs (the leads' source events) belong to the district like its leads.
    name: 'lead event',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵展会${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(leadEvents)
        .values({ regionCode: place.district, kind: 'fair', name, startsOn: '2026-05-01', endsOn: '2026-05-03' })
        .returning({ id: leadEvents.id });
      if (!row) throw new Error('event not written');
      return { id: row.id, name };
    },
    probes: [
      {
        route: 'GET /api/v1/lead-events',
        kind: 'list',
        url: (r) => `/api/v1/lead-events?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/lead-events/:id',
        kind: 'load',
        url: (r) => `/api/v1/lead-events/${r.id}`,
        shows: (res, r) => json(res).id === r.id,
      },
    ],
  },
  {
    // Visits to enterprises: a unit's own (the visiting unit in the data scope; `own`: those he recorded), and every
    // visit of the district for the register's keepers (enterprise.manage). Nobody records another unit's visit for
    // himself, so there is no personal placement.
    name: 'visit',
    rule: 'data scope',
    districtWideFor: 'enterprise.manage',
    build: async ({ database }, _world, viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵走访${viewer.label}${place.placement}${uniqueSuffix()}`;
      const [enterprise] = await database.db
        .insert(enterprises)
        .values({ regionCode: place.district, name, namePinyin: 'fwjzzf', nameKey: name, kind: 'target', abroad: true })
        .returning({ id: enterprises.id });
      if (!enterprise) throw new Error('enterprise not written');
      const [row] = await database.db
        .insert(visits)
        .values({
          regionCode: place.district,
          enterpriseId: enterprise.id,
          unitId: place.unit.id,
          visitDate: `${thisYear()}-01-15`,
          visitorNames: ['范围矩阵'],
          purpose: name,
          createdBy: place.person.id,
        })
        .returning({ id: visits.id });
      if (!row) throw new Error('visit not written');
      return { id: row.id, name, projectId: enterprise.id };
    },
    probes: [
      {
        route: 'GET /api/v1/visits',
        kind: 'list',
        url: (r) => `/api/v1/visits?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/visits/:id',
        kind: 'load',
        url: (r) => `/api/v1/visits/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).purpose === r.name,
      },
      {
        // The statistics count only the visits in scope (`projectId` carries the visited enterprise here).
        route: 'GET /api/v1/visits/stats',
        kind: 'list',
        url: (r) => `/api/v1/visits/stats?by=unit&enterpriseId=${r.projectId}&year=${thisYear()}`,
        shows: (res) => (json(res).total as { visits: number }).visits === 1,
      },
      {
        route: 'GET /api/v1/visits/export.xlsx',
        kind: 'export',
        url: (r) => `/api/v1/visits/export.xlsx?q=${q(r.name)}`,
        shows: async (res, r) => (await workbookText(res)).includes(r.name),
      },
    ],
  },
  {
    // Preferential policies and their deliveries belong to a district, like its enterprise register.
    name: 'policy',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵政策${uniqueSuffix()}`;
      const [enterprise] = await database.db
        .insert(enterprises)
        .values({ regionCode: place.district, name, namePinyin: 'fwjzzc', nameKey: name, kind: 'target', abroad: true })
        .returning({ id: enterprises.id });
      if (!enterprise) throw new Error('enterprise not written');
      const [policy] = await database.db
        .insert(policies)
        .values({
          regionCode: place.district,
          title: name,
          body: name,
          issuer: '范围矩阵',
          validFrom: `${thisYear() - 1}-01-01`,
          conditions: { tags: [], industryCodes: [], sizes: [], regionCodes: [], localOnly: false },
          createdBy: place.person.id,
        })
        .returning({ id: policies.id });
      if (!policy) throw new Error('policy not written');
      await database.db.insert(policyDeliveries).values({ policyId: policy.id, enterpriseId: enterprise.id, toldBy: place.person.id });
      return { id: policy.id, name, projectId: enterprise.id };
    },
    probes: [
      {
        route: 'GET /api/v1/policies',
        kind: 'list',
        url: (r) => `/api/v1/policies?q=${q(r.name)}`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/policies/:id',
        kind: 'load',
        url: (r) => `/api/v1/policies/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).title === r.name,
      },
      {
        route: 'GET /api/v1/policies/:id/fits',
        kind: 'load',
        url: (r) => `/api/v1/policies/${r.id}/fits`,
        shows: (res, r) => (json(res).items as { enterpriseId: string }[]).some((fit) => fit.enterpriseId === r.projectId),
      },
      {
        route: 'GET /api/v1/policy-deliveries',
        kind: 'list',
        url: (r) => `/api/v1/policy-deliveries?enterpriseId=${r.projectId}`,
        shows: (res, r) => (items(res) as { policyId?: string }[]).some((delivery) => delivery.policyId === r.id),
      },
    ],
  },
  {
    // 亩均效益 belongs to the enterprise register: an enterprise's years and its district's table and thresholds are
    // the district's, shared by all its people. The district's table and thresholds are asked for the record's
    // district by name: a district out of reach is not found.
    name: 'land efficiency',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵亩均${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(enterprises)
        .values({
          regionCode: place.district,
          name,
          namePinyin: 'fwjzmj',
          nameKey: name,
          kind: 'local',
          industryCode: '34',
          // A local enterprise has a USCC: an invented organisation code with its real check characters.
          uscc: composeUscc('91', '370105', `MJ${String(++matrixLandEnterprises).padStart(6, '0')}`),
        })
        .returning({ id: enterprises.id });
      if (!row) throw new Error('enterprise not written');
      await database.db
        .insert(enterpriseLandFigures)
        .values({ enterpriseId: row.id, year: MATRIX_LAND_YEAR, landMu: 10, taxYuan: 100_000, outputYuan: 1_000_000 });
      const minimum = { aTaxWanPerMu: 3, aOutputWanPerMu: 30, bTaxWanPerMu: 2, bOutputWanPerMu: 20, cTaxWanPerMu: 1, cOutputWanPerMu: 10 };
      await database.db
        .insert(landEfficiencyThresholds)
        .values({ regionCode: place.district, year: MATRIX_LAND_YEAR, ...minimum })
        .onConflictDoNothing();
      return { id: row.id, name, district: place.district };
    },
    probes: [
      {
        route: 'GET /api/v1/enterprises/:id/land-figures',
        kind: 'load',
        url: (r) => `/api/v1/enterprises/${r.id}/land-figures`,
        shows: (res) => (items(res) as { year?: number }[]).some((y) => y.year === MATRIX_LAND_YEAR),
      },
      {
        route: 'GET /api/v1/land-efficiency',
        kind: 'load',
        url: (r) => `/api/v1/land-efficiency?year=${MATRIX_LAND_YEAR}&regionCode=${r.district}`,
        shows: (res, r) => (items(res) as { enterpriseId?: string }[]).some((row) => row.enterpriseId === r.id),
      },
      {
        // The year's sheet of a district out of reach is not found, as the table is (not an empty file).
        route: 'GET /api/v1/land-efficiency/export.xlsx',
        kind: 'load',
        url: (r) => `/api/v1/land-efficiency/export.xlsx?year=${MATRIX_LAND_YEAR}&regionCode=${r.district}`,
        shows: async (res, r) => (await workbookText(res)).includes(r.name),
      },
      {
        // The districts side by side: the record's district is a row (with its figures) only when it reaches the reader.
        route: 'GET /api/v1/land-efficiency/by-district',
        kind: 'list',
        url: () => `/api/v1/land-efficiency/by-district?year=${MATRIX_LAND_YEAR}`,
        shows: (res, r) =>
          (json(res).items as { regionCode: string; withFigures: number }[]).some(
            (row) => row.regionCode === r.district && row.withFigures > 0,
          ),
      },
      {
        route: 'GET /api/v1/land-efficiency/thresholds',
        kind: 'load',
        url: (r) => `/api/v1/land-efficiency/thresholds?regionCode=${r.district}`,
        shows: (res) => (items(res) as { year?: number }[]).some((t) => t.year === MATRIX_LAND_YEAR),
      },
    ],
  },
  {
    // An industry chain map belongs to a district and is shared by all its people, as the enterprise register is.
    name: 'industry chain',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵产业链${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(industryChains)
        .values({ regionCode: place.district, name })
        .returning({ id: industryChains.id });
      if (!row) throw new Error('chain not written');
      return { id: row.id, name };
    },
    probes: [
      { route: 'GET /api/v1/chains', kind: 'list', url: () => '/api/v1/chains', shows: (res, r) => listed(res, r.id) },
      {
        route: 'GET /api/v1/chains/:id',
        kind: 'load',
        url: (r) => `/api/v1/chains/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
    ],
  },
  {
    // Parks (with their buildings) are the district's carrier inventory, shared by all its people.
    name: 'park',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵园区${uniqueSuffix()}`;
      const [row] = await database.db.insert(parks).values({ regionCode: place.district, name }).returning({ id: parks.id });
      if (!row) throw new Error('park not written');
      return { id: row.id, name };
    },
    probes: [
      { route: 'GET /api/v1/parks', kind: 'list', url: (r) => `/api/v1/parks?q=${q(r.name)}`, shows: (res, r) => listed(res, r.id) },
      {
        route: 'GET /api/v1/parks/:id',
        kind: 'load',
        url: (r) => `/api/v1/parks/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
      {
        // The map's park layer, asked over the city so that another district's park is kept out by reach, not by region.
        route: 'GET /api/v1/map/carriers',
        kind: 'list',
        url: () => '/api/v1/map/carriers?regionCode=370100&layers=parks',
        shows: (res, r) => ((json(res).parks ?? []) as { id: string }[]).some((p) => p.id === r.id),
      },
    ],
  },
  {
    // Land parcels likewise; an available one is offered by matching only to the people of its district.
    name: 'land parcel',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const name = `范围矩阵地块${uniqueSuffix()}`;
      // A size no other parcel has, so that matching exactly that much land names this parcel first.
      const areaMu = 500_000 + 7 * matrixParcels++;
      const [row] = await database.db
        .insert(landParcels)
        .values({ regionCode: place.district, code: name, name, areaMu, plannedUse: 'industrial', status: 'available' })
        .returning({ id: landParcels.id });
      if (!row) throw new Error('parcel not written');
      return { id: row.id, name, batch: String(areaMu) };
    },
    probes: [
      { route: 'GET /api/v1/parcels', kind: 'list', url: (r) => `/api/v1/parcels?q=${q(r.name)}`, shows: (res, r) => listed(res, r.id) },
      {
        route: 'GET /api/v1/parcels/export.xlsx',
        kind: 'export',
        url: (r) => `/api/v1/parcels/export.xlsx?q=${q(r.name)}`,
        shows: async (res, r) => (await workbookText(res)).includes(r.name),
      },
      {
        route: 'GET /api/v1/parcels/:id',
        kind: 'load',
        url: (r) => `/api/v1/parcels/${r.id}`,
        shows: (res, r) => json(res).id === r.id && json(res).name === r.name,
      },
      {
        route: 'GET /api/v1/map/carriers',
        kind: 'list',
        url: () => '/api/v1/map/carriers?regionCode=370100&layers=parcels',
        shows: (res, r) => ((json(res).parcels ?? []) as { id: string }[]).some((p) => p.id === r.id),
      },
      {
        route: 'GET /api/v1/carriers/match',
        kind: 'list',
        url: (r) => `/api/v1/carriers/match?landMu=${r.batch}&limit=100`,
        shows: (res, r) => listed(res, r.id),
      },
    ],
  },
  {
    // Reporting periods belong to a district: everyone of the district (its streets, the city above) sees them.
    name: 'reporting period',
    rule: 'jurisdiction',
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const period = await insertPeriod(database, { regionCode: place.district });
      return { id: period.id, name: String(period.year) };
    },
    probes: [
      {
        route: 'GET /api/v1/reporting-periods',
        kind: 'list',
        url: (r) => `/api/v1/reporting-periods?year=${r.name}&pageSize=200`,
        shows: (res, r) => listed(res, r.id),
      },
      {
        route: 'GET /api/v1/reporting-periods/:id',
        kind: 'load',
        url: (r) => `/api/v1/reporting-periods/${r.id}`,
        shows: (res, r) => json(res).id === r.id,
      },
      {
        route: 'GET /api/v1/reporting-periods/:id/missing',
        kind: 'load',
        url: (r) => `/api/v1/reporting-periods/${r.id}/missing`,
        shows: (res, r) => json(res).periodId === r.id,
      },
    ],
  },
  {
    // A unit's notification channels: managed by whoever has the unit in his data scope (the unit page's list).
    name: 'notification channel',
    rule: 'data scope',
    ownerless: true,
    build: async ({ database }, _world, _viewer, place) => {
      if (place.placement === 'personal') return null;
      const id = crypto.randomUUID();
      await database.db.insert(notificationChannels).values({
        id,
        unitId: place.unit.id,
        kind: 'wecom',
        label: `范围矩阵渠道${uniqueSuffix()}`,
        target: 'qyapi.weixin.qq.com · key ****',
        settingsEncrypted: 'v1.unused.unused.unused',
      });
      return { id, name: place.unit.id };
    },
    probes: [
      {
        route: 'GET /api/v1/units/:unitId/notification-channels',
        kind: 'load',
        url: (r) => `/api/v1/units/${r.name}/notification-channels`,
        shows: (res, r) => listed(res, r.id),
      },
    ],
  },
  {
    // The delivery log: a delivery belongs to the unit whose channel (or whose member's channel) it went to.
    name: 'notification delivery',
    rule: 'data scope',
    build: async ({ database }, _world, _viewer, place) => {
      const title = `范围矩阵投递${uniqueSuffix()}`;
      const [row] = await database.db
        .insert(notificationDeliveries)
        .values({
          channelKind: 'wecom',
          unitId: place.unit.id,
          userId: place.placement === 'personal' ? place.person.id : null,
          kind: 'announcement',
          title,
          body: title,
          status: 'failed',
        })
        .returning({ id: notificationDeliveries.id });
      return row ? { id: row.id, name: title } : null;
    },
    probes: [
      {
        route: 'GET /api/v1/notification-deliveries',
        kind: 'list',
        url: () => '/api/v1/notification-deliveries?status=failed&pageSize=200',
        shows: (res, r) => listed(res, r.id),
      },
    ],
  },
  {
    // Regions: the person's jurisdiction (his region, what lies below it and above it), whatever his data scope.
    name: 'region',
    rule: 'jurisdiction',
    build: async (_t, _world, _viewer, place) =>
      place.placement === 'personal' ? null : { id: place.unit.regionCode, name: place.unit.regionCode },
    probes: [
      {
        route: 'GET /api/v1/regions',
        kind: 'list',
        url: (r) => `/api/v1/regions?q=${r.id}&pageSize=200`,
        shows: (res, r) => items(res).some((item) => item.code === r.id),
      },
      {
        route: 'GET /api/v1/regions/:code',
        kind: 'load',
        url: (r) => `/api/v1/regions/${r.id}`,
        shows: (res, r) => json(res).code === r.id,
      },
    ],
  },
];

/** GET routes that answer no record of a scoped kind, and why. */
const NOT_RECORD_SCOPED: Record<string, string> = {
  'GET /api/v1/auth/me': 'the caller himself',
  'GET /api/v1/public/opportunities':
    'the public list: published, unexpired items of every district for anyone (server/modules/opportunities/routes.test.ts: nothing else leaks)',
  'GET /api/v1/public/opportunities/:publicId':
    'one public item by its public id, the same 404 for anything not public (server/modules/opportunities/routes.test.ts)',
  'GET /api/v1/auth/tokens': "the caller's own API tokens (server/modules/auth/routes.test.ts)",
  'GET /api/v1/permissions': 'the permission names, the same for everyone',
  'GET /api/v1/roles': 'the roles, the same for everyone',
  'GET /api/v1/roles/:code': 'the roles, the same for everyone',
  'GET /api/v1/dictionaries': 'shared reference lists',
  'GET /api/v1/dictionaries/:type/items': 'shared reference lists',
  'GET /api/v1/settings': 'instance-wide settings',
  'GET /api/v1/dashboard':
    "sums over the project list's own scoped condition and the matters board's (server/modules/dashboard/dashboard.test.ts: in-scope figures, another district's reader, a unit out of scope)",
  'GET /api/v1/dashboard/districts':
    "the same sums per district (server/modules/dashboard/dashboard.test.ts: a city reader, a district's reader)",
  'GET /api/v1/dashboard/highlights':
    "the targets page's scoped indicators and GET /leads/stats's scoped total, no record of its own (server/modules/dashboard/highlights.test.ts: another district's office, a street's clerk, a city reader)",
  'GET /api/v1/briefings/monthly':
    "the caller's own district's month, read through the dashboard's, the matters board's and the reports' scoped conditions (server/modules/briefings/routes.test.ts: another district's reader gets nothing)",
  'GET /api/v1/briefings/monthly.xlsx':
    "the same month as the .docx, read through the same scoped loaders (a city's: its districts, server/modules/briefings/city.test.ts)",
  'GET /api/v1/warnings/settings': "the caller's own district's warning thresholds (server/modules/warnings/warnings.test.ts)",
  'GET /api/v1/plan-templates': 'plan templates shared by every district',
  'GET /api/v1/project-gates': "the caller's own district's gate configuration (no other district's can be asked for)",
  'GET /api/v1/project-leader-options': "the leaders of the caller's district (server/modules/projects/leader-options.test.ts)",
  'GET /api/v1/region-lookup': 'the national GB/T 2260 table by name, public reference data (server/modules/regions/lookup.test.ts)',
  'GET /api/v1/people-options': "a unit of the caller's district, its people's names (server/modules/users/people-options.test.ts)",
  'GET /api/v1/imports/templates/:kind': 'empty templates',
  'GET /api/v1/targets/computations': 'the named computations of indicators, the same for everyone',
  'GET /api/v1/notifications': "the caller's own inbox (server/modules/notifications/routes.test.ts)",
  'GET /api/v1/notifications/unread-count': "the caller's own inbox",
  'GET /api/v1/notifications/channels': "the caller's own channels (server/modules/notifications/routes.test.ts)",
  'GET /api/v1/notification-settings/allowed-hosts': 'instance-wide settings',
  'GET /api/v1/map/base': 'boundaries of regions the caller sees in the region tree (server/modules/map/routes.test.ts)',
};

/** Whether the person at this place may see a record of the kind. */
function expectedVisible(kind: Kind, role: RoleCode, scope: DataScope, placement: Placement): boolean {
  if (placement === 'otherDistrict') return false;
  if (kind.rule === 'jurisdiction') return true;
  if (kind.districtWideFor && DEFAULT_ROLE_PERMISSIONS[role].includes(kind.districtWideFor)) return true;
  if (scope === 'custom') throw new Error('the demo has no custom-scope role');
  if (scope === 'own' && kind.ownerless && placement === 'ownUnit') return true;
  return SEES[scope].includes(placement);
}

describeEachDatabase('scope matrix: which rows each role sees', (t) => {
  let world: World;
  let access: Map<string, Access>;

  beforeAll(async () => {
    const { database, app } = t();
    access = new Map(app.apiRoutes.map((route) => [`${route.method} ${route.url}`, route.access]));
    const district = testConfig().regionCode;
    const otherUnit = await insertUnit(database, { regionCode: district, name: `范围矩阵区内单位${uniqueSuffix()}` });
    const farUnit = await insertUnit(database, { regionCode: OTHER_REGION.code, name: `范围矩阵外区单位${uniqueSuffix()}` });
    const key = `scope_${uniqueSuffix()}`.slice(0, 32);
    world = {
      district,
      otherUnit,
      otherUnitPerson: await insertUser(database, { unitId: otherUnit.id }),
      farUnit,
      farPerson: await insertUser(database, { unitId: farUnit.id }),
      fields: {
        [district]: await insertCustomField(database, { regionCode: district, key }),
        [OTHER_REGION.code]: await insertCustomField(database, { regionCode: OTHER_REGION.code, key }),
      },
      period: await insertPeriod(database, { regionCode: district }),
    };
  });

  /** The five places of a person: his unit, a unit under it, a unit elsewhere in the district, another district, his own. */
  async function placesOf(viewer: Viewer): Promise<Place[]> {
    const { database } = t();
    const childUnit = await insertUnit(database, { parent: viewer.unit, name: `范围矩阵下级${uniqueSuffix()}` });
    const places: Record<Placement, Place> = {
      ownUnit: {
        placement: 'ownUnit',
        unit: viewer.unit,
        district: world.district,
        person: await insertUser(database, { unitId: viewer.unit.id }),
      },
      childUnit: {
        placement: 'childUnit',
        unit: childUnit,
        district: world.district,
        person: await insertUser(database, { unitId: childUnit.id }),
      },
      otherUnit: { placement: 'otherUnit', unit: world.otherUnit, district: world.district, person: world.otherUnitPerson },
      otherDistrict: { placement: 'otherDistrict', unit: world.farUnit, district: OTHER_REGION.code, person: world.farPerson },
      personal: { placement: 'personal', unit: world.otherUnit, district: world.district, person: viewer.user },
    };
    return PLACEMENTS.map((placement) => places[placement]);
  }

  const mayCall = (role: RoleCode, route: string) => {
    const declared = access.get(route);
    if (!declared) throw new Error(`${route} is not a route (renamed?): update the scope matrix`);
    return accessAllows(new Set(DEFAULT_ROLE_PERMISSIONS[role]), declared);
  };

  describe.each(Object.entries(USERS) as [RoleCode, string][])('%s', (role, username) => {
    it(`sees exactly the records in its data scope (${DEFAULT_ROLE_SCOPE[role]}) on every list, load and export`, async () => {
      const { app, database } = t();
      const client = await signInAs(app, username);
      const [me] = await database.db
        .select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId, scope: users.dataScope })
        .from(users)
        .where(eq(users.id, client.userId ?? ''));
      if (!me) throw new Error(`${username} not found`);
      // The expectations below are those of the role's default scope, which the demo's people have.
      expect(me.scope).toBe(DEFAULT_ROLE_SCOPE[role]);
      const viewer: Viewer = { role, scope: me.scope, client, user: me, unit: await unitOfUser(database, me.id), label: username };
      const places = await placesOf(viewer);

      const answers = new Map<string, Promise<LightMyRequestResponse>>();
      const wrong: string[] = [];
      let cells = 0;
      for (const kind of KINDS) {
        const probes = kind.probes.filter((probe) => mayCall(role, probe.route));
        if (probes.length === 0) continue;
        // Every record of the kind first, then the questions: a shared answer (a list, a batch export) holds them all.
        const built: { place: Place; record: Built }[] = [];
        for (const place of places) {
          const record = await kind.build(t(), world, viewer, place);
          if (record) built.push({ place, record });
        }
        for (const { place, record } of built) {
          const visible = expectedVisible(kind, role, viewer.scope, place.placement);
          for (const probe of probes) {
            const url = probe.url(record);
            // The same question (an export of the role's batch, a list without a filter) is asked once.
            const response = await (answers.get(url) ?? client.get(url));
            answers.set(url, Promise.resolve(response));
            const cell = `${kind.name} at ${place.placement}: ${probe.route} (${url})`;
            cells += 1;
            if (probe.kind === 'load' && !visible) {
              if (response.statusCode !== 404) wrong.push(`${cell} → ${response.statusCode}, expected 404`);
              continue;
            }
            if (probe.kind === 'load' && probe.foundWithout) {
              const code =
                response.statusCode === probe.foundWithout.status ? (json(response).error as { code?: string })?.code : undefined;
              if (code !== probe.foundWithout.code)
                wrong.push(`${cell} → ${response.statusCode} ${response.body.slice(0, 120)}, expected it found`);
              continue;
            }
            if (response.statusCode !== 200) {
              wrong.push(`${cell} → ${response.statusCode} ${response.body.slice(0, 120)}, expected 200`);
              continue;
            }
            const shown = await probe.shows(response, record);
            if (shown !== visible) wrong.push(`${cell} → ${visible ? 'the row is missing' : 'the row is shown out of scope'}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(cells).toBeGreaterThan(10);
    }, 300_000);
  });

  it('covers every GET route: each answers records of a kind above, or is named as answering none', () => {
    const probed = new Set(KINDS.flatMap((kind) => kind.probes.map((probe) => probe.route)));
    const unclassified = t()
      .app.apiRoutes.filter((route) => route.method === 'GET')
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => !probed.has(route) && !(route in NOT_RECORD_SCOPED));
    expect(unclassified, 'add these routes to KINDS (or, when they answer no scoped record, to NOT_RECORD_SCOPED)').toEqual([]);
    const stale = Object.keys(NOT_RECORD_SCOPED).filter((route) => !access.has(route));
    expect(stale, 'these routes no longer exist').toEqual([]);
  });
});
