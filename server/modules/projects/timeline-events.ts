import { and, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  annualPlans,
  approvalItems,
  auditEvents,
  fundingLines,
  matters,
  progressReports,
  projects,
  reportingPeriods,
  units,
  users,
} from '../../db/schema';

// 项目动态: every change of a project as the audit log keeps it — the project's fields, its plan, approval items,
// funding lines, annual plans, monthly reports and matters — so the page words each one as the audit page does.

/** Events the timeline shows from its own records (creation, pool moves) rather than the audit log. */
const OWN_ENTRIES = ['projects.create', 'projects.move'];
/** Records kept per project whose audit events name them by their own id. */
const LINKED = [
  { type: 'approval_item', table: approvalItems },
  { type: 'funding_line', table: fundingLines },
  { type: 'annual_plan', table: annualPlans },
  { type: 'progress_report', table: progressReports },
  { type: 'matter', table: matters },
] as const;
/** The newest events a timeline shows. */
const LIMIT = 200;

/** Fields whose values are user, unit or project ids: the timeline shows their names. */
const USER_FIELDS = ['leaderIds'];
const UNIT_FIELDS = ['leadUnitId', 'coUnitIds', 'responsibleUnitId'];
/** The project an approval item, funding line or annual plan belongs to: the timeline's own (the reader sees it). */
const PROJECT_FIELDS = ['projectId'];

/** What a report's or a matter's sentence names that its audit event does not keep: the report's month, the matter's title. */
export type EventSubject = { month?: string; title?: string };

export type TimelineEvent = {
  at: Date;
  action: string;
  recordType: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  about: EventSubject | null;
};

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The audit events about a project and the records it holds, newest first. */
export async function listProjectEvents(db: Executor, projectId: string): Promise<TimelineEvent[]> {
  const linked = LINKED.map(({ type, table }) =>
    and(
      eq(auditEvents.recordType, type),
      inArray(
        auditEvents.recordId,
        db
          .select({ id: sql<string>`${table.id}::text` })
          .from(table)
          .where(eq(table.projectId, projectId)),
      ),
    ),
  );
  // The author by the name people know him by (the audit log keeps the username, which no official reads).
  const rows = await db
    .select({ event: auditEvents, displayName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        or(
          and(inArray(auditEvents.recordType, ['project', 'plan']), eq(auditEvents.recordId, projectId)),
          // An item since removed is found by the project its creation and removal recorded.
          and(
            inArray(auditEvents.recordType, ['approval_item', 'funding_line']),
            or(sql`${auditEvents.after}->>'projectId' = ${projectId}`, sql`${auditEvents.before}->>'projectId' = ${projectId}`),
          ),
          ...linked,
        ),
        notInArray(auditEvents.action, OWN_ENTRIES),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(LIMIT);
  const events = rows.map(({ event: r, displayName }) => ({
    at: r.at,
    recordId: r.recordId,
    action: r.action,
    recordType: r.recordType,
    actorName: displayName ?? r.actorName,
    before: asRecord(r.before),
    after: asRecord(r.after),
    about: null,
  }));
  return withNames(db, await withApprovalTypes(db, await withSubjects(db, events.flatMap(withoutCodeChange))));
}

/** Fields of a project's update the timeline's own 项目代码 entries tell (with the reason): left out of the event. */
const CODE_FIELDS = ['code', 'codeRegionCode'];

/** A project update without its code change; none when the code was all that changed. */
function withoutCodeChange<T extends TimelineEvent>(event: T): T[] {
  if (event.action !== 'projects.update' || !CODE_FIELDS.some((f) => f in (event.after ?? {}))) return [event];
  const strip = (record: Record<string, unknown> | null) =>
    record ? Object.fromEntries(Object.entries(record).filter(([key]) => !CODE_FIELDS.includes(key))) : record;
  const [before, after] = [strip(event.before), strip(event.after)];
  const changed = Object.keys({ ...before, ...after }).some((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
  return changed ? [{ ...event, before, after }] : [];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month of each report event (2026-10) and the title of each matter event, from the records as they are now. */
async function withSubjects<T extends TimelineEvent & { recordId: string | null }>(db: Executor, events: T[]): Promise<T[]> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.recordType === type && e.recordId).map((e) => e.recordId as string))];
  const [reportIds, matterIds] = [idsOf('progress_report'), idsOf('matter')];
  const about = new Map<string, EventSubject>();
  if (reportIds.length > 0) {
    const reports = await db
      .select({ id: progressReports.id, year: reportingPeriods.year, month: reportingPeriods.month })
      .from(progressReports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(inArray(progressReports.id, reportIds));
    for (const r of reports) about.set(r.id, { month: `${r.year}-${pad(r.month)}` });
  }
  if (matterIds.length > 0) {
    for (const m of await db.select({ id: matters.id, title: matters.title }).from(matters).where(inArray(matters.id, matterIds)))
      about.set(m.id, { title: m.title });
  }
  return events.map((e) => ({ ...e, about: (e.recordId && about.get(e.recordId)) || null }));
}

/** An approval item's update records only what changed: the item's type is added (unchanged) so it can be named. */
async function withApprovalTypes(db: Executor, events: (TimelineEvent & { recordId: string | null })[]): Promise<TimelineEvent[]> {
  const untyped = events.filter((e) => e.recordType === 'approval_item' && !e.after?.typeCode && !e.before?.typeCode && e.recordId);
  const ids = [...new Set(untyped.map((e) => e.recordId as string))];
  const types =
    ids.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await db
              .select({ id: approvalItems.id, typeCode: approvalItems.typeCode })
              .from(approvalItems)
              .where(inArray(approvalItems.id, ids))
          ).map((r) => [r.id, r.typeCode]),
        );
  return events.map(({ recordId, ...e }) => {
    const typeCode = e.recordType === 'approval_item' && recordId ? types.get(recordId) : undefined;
    return typeCode ? { ...e, before: { ...e.before, typeCode }, after: { ...e.after, typeCode } } : e;
  });
}

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** The events with the leaders', units' and project's names in place of their ids (an id no longer known stays). */
async function withNames(db: Executor, events: TimelineEvent[]): Promise<TimelineEvent[]> {
  const collect = (fields: string[]) =>
    [...new Set(events.flatMap((e) => fields.flatMap((f) => [...idsIn(e.before?.[f]), ...idsIn(e.after?.[f])])))].filter((id) =>
      /^[0-9a-f-]{36}$/i.test(id),
    );
  const [userIds, unitIds, projectIds] = [collect(USER_FIELDS), collect(UNIT_FIELDS), collect(PROJECT_FIELDS)];
  const names = new Map<string, string>();
  if (projectIds.length > 0) {
    for (const p of await db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds)))
      names.set(p.id, p.name);
  }
  if (userIds.length > 0) {
    for (const u of await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)))
      names.set(u.id, u.name);
  }
  if (unitIds.length > 0) {
    for (const u of await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)))
      names.set(u.id, u.name);
  }
  const named = (record: Record<string, unknown> | null) => {
    if (!record) return record;
    const copy = { ...record };
    for (const field of [...USER_FIELDS, ...UNIT_FIELDS, ...PROJECT_FIELDS]) {
      const value = copy[field];
      if (Array.isArray(value)) copy[field] = value.map((id) => names.get(String(id)) ?? id);
      else if (typeof value === 'string') copy[field] = names.get(value) ?? value;
    }
    return copy;
  };
  return events.map((e) => ({ ...e, before: named(e.before), after: named(e.after) }));
}
