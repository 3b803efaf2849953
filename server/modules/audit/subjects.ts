import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  annualPlans,
  approvalItems,
  buildings,
  commitments,
  customFieldDefs,
  dictionaryItems,
  enterprises,
  fundingLines,
  industryChains,
  indicators,
  landParcels,
  leadEvents,
  leads,
  matters,
  opportunities,
  parks,
  planTemplates,
  policies,
  progressReports,
  projects,
  regions,
  reportingPeriods,
  roles,
  units,
  users,
} from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { districtRecordInReach } from '../../lib/scope';
import { parcelScopeCondition, parkScopeCondition } from '../carriers';
import { chainScopeCondition } from '../chains';
import { enterpriseScopeCondition } from '../enterprises';
import { leadScopeCondition } from '../leads';
import { matterScopeCondition } from '../matters';
import { opportunityScopeCondition } from '../opportunities';
import { policyScopeCondition } from '../policies';
import { projectScopeCondition } from '../projects';
import { commitmentScopeCondition, indicatorScopeCondition } from '../targets';
import type { AuditEventRow } from './repository';

// What an audit event is about, named as officials name it: a project by its name, a report by its project and month,
// a matter by its title, an enterprise, a lead, a parcel … by theirs. Each kind of record is read in the reader's
// scope by the condition its own module uses for its lists, so a record he may not see stays unnamed (its event may
// still be his to read: his district's, about another unit's project). Units, users, roles, templates, dictionary
// items and regions are the organisation's own reference data, named to everyone who reads the log.

/** The project a record belongs to (an approval item's, a report's, a matter's), when the reader may see it. */
export type SubjectProject = { id: string; name: string };

export type Subject = {
  /** The record's own name: a project's, a matter's title, an approval item's type, a parcel's … */
  name: string | null;
  project: SubjectProject | null;
  /** Facts the event's sentence names that its values do not keep: a report's or period's month, an approval item's type. */
  about: { month?: string; title?: string; typeCode?: string } | null;
};

type Row = { id: string; name: string | null; projectId?: string | null; projectName?: string | null } & Subject['about'];
type Finder = (db: Executor, actor: Actor, ids: string[]) => Promise<Row[]>;

const pad = (n: number) => String(n).padStart(2, '0');
const dictionaryName = (actor: Actor) => (actor.locale === 'en-US' ? dictionaryItems.nameEn : dictionaryItems.name);
/** The records a project holds: named by what they are (the item's type, the line's source), read with their project in scope. */
function projectRecord(
  table: typeof approvalItems | typeof fundingLines | typeof annualPlans,
  name: (actor: Actor) => SQL<string | null>,
  extra: (actor: Actor) => Record<string, SQL | typeof approvalItems.typeCode> = () => ({}),
): Finder {
  return (db, actor, ids) =>
    db
      .select({ id: table.id, name: name(actor), projectId: projects.id, projectName: projects.name, ...extra(actor) })
      .from(table)
      .innerJoin(projects, eq(projects.id, table.projectId))
      .where(and(inArray(table.id, ids), projectScopeCondition(actor))) as Promise<Row[]>;
}

const FINDERS: Record<string, Finder> = {
  project: (db, actor, ids) =>
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(inArray(projects.id, ids), projectScopeCondition(actor))),
  // A plan's event names the project it belongs to by the project's id.
  plan: (db, actor, ids) =>
    db
      .select({ id: projects.id, name: sql<string | null>`null`, projectId: projects.id, projectName: projects.name })
      .from(projects)
      .where(and(inArray(projects.id, ids), projectScopeCondition(actor))),
  approval_item: projectRecord(
    approvalItems,
    (actor) =>
      sql<
        string | null
      >`(select ${dictionaryName(actor)} from ${dictionaryItems} where ${dictionaryItems.type} = 'approval_item_type' and ${dictionaryItems.code} = ${approvalItems.typeCode} limit 1)`,
    () => ({ typeCode: approvalItems.typeCode }),
  ),
  funding_line: projectRecord(
    fundingLines,
    (actor) =>
      sql<
        string | null
      >`(select ${dictionaryName(actor)} from ${dictionaryItems} where ${dictionaryItems.type} = 'funding_source' and ${dictionaryItems.code} = ${fundingLines.sourceCode} limit 1)`,
  ),
  annual_plan: projectRecord(annualPlans, () => sql<string | null>`${annualPlans.year}::text`),
  progress_report: async (db, actor, ids) =>
    (
      await db
        .select({
          id: progressReports.id,
          projectId: projects.id,
          projectName: projects.name,
          year: reportingPeriods.year,
          month: reportingPeriods.month,
        })
        .from(progressReports)
        .innerJoin(projects, eq(projects.id, progressReports.projectId))
        .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
        .where(and(inArray(progressReports.id, ids), projectScopeCondition(actor)))
    ).map((r) => ({ id: r.id, name: null, projectId: r.projectId, projectName: r.projectName, month: `${r.year}-${pad(r.month)}` })),
  reporting_period: async (db, actor, ids) =>
    (
      await db
        .select({ id: reportingPeriods.id, year: reportingPeriods.year, month: reportingPeriods.month })
        .from(reportingPeriods)
        .where(and(inArray(reportingPeriods.id, ids), districtRecordInReach(actor, reportingPeriods.regionCode)))
    ).map((r) => ({ id: r.id, name: null, month: `${r.year}-${pad(r.month)}` })),
  matter: async (db, actor, ids) =>
    (
      await db
        .select({ id: matters.id, name: matters.title, projectId: projects.id, projectName: projects.name })
        .from(matters)
        // The matter's project only when the reader may see it (a co-unit sees the matter, not always its project).
        .leftJoin(projects, and(eq(projects.id, matters.projectId), projectScopeCondition(actor)))
        .where(and(inArray(matters.id, ids), matterScopeCondition(actor)))
    ).map((r) => ({ ...r, title: r.name })),
  lead: (db, actor, ids) =>
    db
      .select({ id: leads.id, name: leads.name })
      .from(leads)
      .where(and(inArray(leads.id, ids), leadScopeCondition(actor))),
  lead_event: (db, actor, ids) =>
    db
      .select({ id: leadEvents.id, name: leadEvents.name })
      .from(leadEvents)
      .where(and(inArray(leadEvents.id, ids), districtRecordInReach(actor, leadEvents.regionCode))),
  enterprise: (db, actor, ids) =>
    db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(inArray(enterprises.id, ids), enterpriseScopeCondition(actor))),
  policy: (db, actor, ids) =>
    db
      .select({ id: policies.id, name: policies.title })
      .from(policies)
      .where(and(inArray(policies.id, ids), policyScopeCondition(actor))),
  opportunity: (db, actor, ids) =>
    db
      .select({ id: opportunities.id, name: opportunities.title })
      .from(opportunities)
      .where(and(inArray(opportunities.id, ids), opportunityScopeCondition(actor))),
  industry_chain: (db, actor, ids) =>
    db
      .select({ id: industryChains.id, name: industryChains.name })
      .from(industryChains)
      .where(and(inArray(industryChains.id, ids), chainScopeCondition(actor))),
  park: (db, actor, ids) =>
    db
      .select({ id: parks.id, name: parks.name })
      .from(parks)
      .where(and(inArray(parks.id, ids), parkScopeCondition(actor))),
  building: (db, actor, ids) =>
    db
      .select({ id: buildings.id, name: sql<string>`${parks.name} || ' ' || ${buildings.name}` })
      .from(buildings)
      .innerJoin(parks, eq(parks.id, buildings.parkId))
      .where(and(inArray(buildings.id, ids), parkScopeCondition(actor))),
  land_parcel: (db, actor, ids) =>
    db
      .select({ id: landParcels.id, name: landParcels.name })
      .from(landParcels)
      .where(and(inArray(landParcels.id, ids), parcelScopeCondition(actor))),
  indicator: (db, actor, ids) =>
    db
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(and(inArray(indicators.id, ids), indicatorScopeCondition(actor))),
  commitment: (db, actor, ids) =>
    db
      .select({ id: commitments.id, name: commitments.title })
      .from(commitments)
      .where(and(inArray(commitments.id, ids), commitmentScopeCondition(actor))),
  custom_field: (db, actor, ids) =>
    db
      .select({ id: customFieldDefs.id, name: actor.locale === 'en-US' ? customFieldDefs.labelEn : customFieldDefs.label })
      .from(customFieldDefs)
      .where(and(inArray(customFieldDefs.id, ids), districtRecordInReach(actor, customFieldDefs.regionCode))),
  unit: (db, _actor, ids) => db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)),
  user: (db, _actor, ids) => db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)),
  plan_template: (db, _actor, ids) =>
    db.select({ id: planTemplates.id, name: planTemplates.name }).from(planTemplates).where(inArray(planTemplates.id, ids)),
  dictionary_item: (db, actor, ids) =>
    db
      .select({ id: dictionaryItems.id, name: dictionaryName(actor) })
      .from(dictionaryItems)
      .where(inArray(dictionaryItems.id, ids)),
};

/** Records named by a code rather than a uuid: roles and regions. */
const CODE_FINDERS: Record<string, Finder> = {
  role: (db, actor, codes) =>
    db
      .select({ id: roles.code, name: actor.locale === 'en-US' ? roles.nameEn : roles.name })
      .from(roles)
      .where(inArray(roles.code, codes)),
  region: (db, _actor, codes) => db.select({ id: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes)),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[0-9a-z_]{1,64}$/;

/**
 * What each event of a page is about, keyed `type:id`: the record's name and project in the reader's scope, and the
 * facts its sentence needs. One query per kind of record on the page.
 */
export async function subjectsOf(db: Executor, actor: Actor, rows: AuditEventRow[]): Promise<Map<string, Subject>> {
  const byType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.recordType || !row.recordId) continue;
    const finder = FINDERS[row.recordType] ?? CODE_FINDERS[row.recordType];
    const valid = FINDERS[row.recordType] ? UUID.test(row.recordId) : CODE.test(row.recordId);
    if (!finder || !valid) continue;
    byType.set(row.recordType, (byType.get(row.recordType) ?? new Set()).add(row.recordId));
  }
  const found = await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const finder = (FINDERS[type] ?? CODE_FINDERS[type]) as Finder;
      return { type, rows: await finder(db, actor, [...ids]) };
    }),
  );
  const subjects = new Map<string, Subject>();
  for (const { type, rows: named } of found) {
    for (const { id, name, projectId, projectName, month, title, typeCode } of named) {
      const about = month || title || typeCode ? { ...(month && { month }), ...(title && { title }), ...(typeCode && { typeCode }) } : null;
      subjects.set(`${type}:${id}`, {
        name: name ?? null,
        project: projectId && projectName ? { id: projectId, name: projectName } : null,
        about,
      });
    }
  }
  return subjects;
}

/** Fields whose values are ids of people, units, projects or enterprises: `leadUnitId`, `coUnitIds`, `projectId` … */
const isIdField = (key: string) => /Ids?$/.test(key);

/**
 * The names of the people, units, projects and enterprises an event's values name by id (a project or enterprise only
 * when the reader may see it), so the page words `leadUnitId` as the unit's name. The values themselves stay as
 * recorded (the raw record shows them).
 */
export async function valueNamesOf(db: Executor, actor: Actor, rows: AuditEventRow[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) for (const v of value) collect(v);
  };
  for (const row of rows) {
    for (const record of [row.before, row.after]) {
      if (!record || typeof record !== 'object' || Array.isArray(record)) continue;
      for (const [key, value] of Object.entries(record as Record<string, unknown>)) if (isIdField(key)) collect(value);
    }
  }
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  const list = [...ids];
  const results = await Promise.all([
    FINDERS.user?.(db, actor, list),
    FINDERS.unit?.(db, actor, list),
    FINDERS.project?.(db, actor, list),
    FINDERS.enterprise?.(db, actor, list),
  ]);
  for (const found of results) for (const r of found ?? []) if (r.name) names.set(r.id, r.name);
  return names;
}

/** The display names of the people who acted on a page of events (the log keeps their usernames). */
export async function actorNamesOf(db: Executor, rows: AuditEventRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}
