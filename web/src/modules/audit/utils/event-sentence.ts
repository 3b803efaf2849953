import type { AuditEvent } from '../../../../../common/schemas/reference';
import { type ChangeFacts, type Translators, changeRows } from './change-rows';
import { type RecordFacts, recordSentence } from './record-sentences';

// An audit event as one sentence in the reader's language — 修改了项目"…"：省级重点 否 → 是；将建筑工程施工许可证标为
// 已批准（2026-09-27） — built from the audit page's wording of fields and values (change-rows.ts), so a change is
// worded one way wherever it shows (the project's 项目动态).

export type EventFacts = Pick<AuditEvent, 'action' | 'recordType' | 'before' | 'after'> &
  Pick<RecordFacts, 'about'> &
  Pick<ChangeFacts, 'valueNames'>;

type Context = Translators & {
  /** The project's name, for sentences about the project itself. */
  projectName: string;
  /** An approval item type's name by its code (the dictionary), the code when unknown. */
  approvalTypeName: (code: string) => string;
  /** Who acted, for the sentences that begin with him (a report submitted, a matter's step); left out when not given. */
  actorName?: string | null;
  /** The record's own name (an enterprise's, a parcel's …), for a change of a record other than the project; left out when not given. */
  recordName?: string | null;
};

/** The most changes a sentence lists; more are left to the audit page. */
const MOST = 6;

type MilestoneFact = { name?: unknown; actualFinish?: unknown };
const milestonesOf = (record: Record<string, unknown> | null): MilestoneFact[] =>
  Array.isArray(record?.milestones) ? (record.milestones as MilestoneFact[]) : [];

/** One audit event about a project in words. */
export function eventSentence(event: EventFacts, context: Context): string {
  const { t, tOptional } = context;
  // Reports, matters and bindings have sentences of their own (record-sentences.ts).
  const own = recordSentence(event, context);
  if (own !== null) return own;
  const action = tOptional(`auditAction.${event.action}`, event.action);
  const rows = changeRows(event, context);
  const changes = rows
    .slice(0, MOST)
    .map((row) => t('event.change', { label: row.label, before: row.before, after: row.after }))
    .join(t('event.separator'));
  const listed = rows.length > MOST ? `${changes}${t('event.more', { count: rows.length - MOST })}` : changes;

  if (event.recordType === 'project' && event.action === 'projects.update') {
    return t('event.projectUpdated', { name: context.projectName, changes: listed });
  }
  if (event.recordType === 'approval_item') {
    const code = String(event.after?.typeCode ?? event.before?.typeCode ?? '');
    const type = context.approvalTypeName(code);
    const approvedNow = event.after?.status === 'done' && event.before?.status !== 'done' && event.after?.approvedOn;
    if (approvedNow) return t('event.approved', { type, date: String(event.after?.approvedOn) });
    if (event.action === 'approval_items.update') return t('event.approvalChanged', { action, type, changes: listed });
    return `${action}“${type}”`;
  }
  if (event.action === 'plans.approval_followed' || event.action === 'plans.milestones_reached') {
    const milestones = milestonesOf(event.after)
      .map((m) =>
        m.actualFinish
          ? t('event.milestoneAt', { name: String(m.name ?? ''), date: String(m.actualFinish) })
          : t('event.milestoneCleared', { name: String(m.name ?? '') }),
      )
      .join(t('event.separator'));
    return t('event.milestonesReached', { action, milestones });
  }
  // A plan's milestones are a list, not fields: the action says enough.
  if (event.recordType === 'plan') return action;
  const name = context.recordName?.trim();
  if (name) return listed ? t('event.namedWithChanges', { action, name, changes: listed }) : t('event.named', { action, name });
  return listed ? t('event.withChanges', { action, changes: listed }) : action;
}

/** The audit page's event: what the server adds to it — the record's name and project, facts for its sentence, names of ids. */
export type PageEvent = EventFacts & Pick<AuditEvent, 'recordName' | 'recordProject' | 'about'>;

/** A record's values with the names the server gave in place of ids (a matter's lead unit, a report's unit). */
const namedValues = (record: Record<string, unknown> | null, names: Record<string, string>) =>
  record &&
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? (names[value] ?? value)
        : Array.isArray(value)
          ? value.map((v) => (typeof v === 'string' ? (names[v] ?? v) : v))
          : value,
    ]),
  );

/** The event as the record sentences read it: ids named (they word values themselves, not through the change rows). */
const withNames = (event: PageEvent): PageEvent =>
  event.valueNames && Object.keys(event.valueNames).length > 0
    ? { ...event, before: namedValues(event.before, event.valueNames), after: namedValues(event.after, event.valueNames) }
    : event;

/** Sessions and accounts: the record is the acting person himself, so the action says it all. */
const SELF_EVENTS = /^auth\./;

/**
 * An audit event as the audit page says it, in one sentence from the same wording as the project's 项目动态: a report's,
 * a matter's or a binding's own sentence; a change of fields (a record before and after) with each field, the record
 * by name (修改了项目“…”：省级重点 否 → 是；修改企业“…”：行业 … → …); an approval item by its type; a creation, a
 * deletion or a step by its action and the record's name (新建用户“孙丽”). Fields without words yet leave the sentence
 * at the action and name, and the expanded row lists them.
 */
export function auditSummary(event: PageEvent, context: Omit<Context, 'projectName' | 'recordName'>): string {
  const { tOptional, t } = context;
  // An approval item's update records only what changed: its type (from the item as it is) names it.
  const typeCode = event.about?.typeCode;
  const facts: PageEvent =
    event.recordType === 'approval_item' && typeCode && !event.before?.typeCode && !event.after?.typeCode
      ? { ...event, before: event.before && { ...event.before, typeCode }, after: { ...event.after, typeCode } }
      : event;
  const own = recordSentence(withNames(facts), context);
  if (own !== null) return own;
  const action = tOptional(`auditAction.${event.action}`, event.action);
  const name = SELF_EVENTS.test(event.action) ? null : event.recordName;
  const worded = changeRows(facts, context).every((row) => row.label !== row.key);
  const sentenceOf = () =>
    eventSentence(facts, {
      ...context,
      projectName: event.recordProject?.name ?? event.recordName ?? '',
      recordName: event.recordType === 'project' ? null : name,
    });
  if (event.recordType === 'approval_item' || event.action === 'plans.approval_followed' || event.action === 'plans.milestones_reached')
    return sentenceOf();
  if (event.before && event.after && worded) return sentenceOf();
  return name ? t('event.named', { action, name }) : action;
}
