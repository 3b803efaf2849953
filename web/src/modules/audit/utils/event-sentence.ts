import type { AuditEvent } from '../../../../../common/schemas/reference';
import { type Translators, changeRows } from './change-rows';
import { type RecordFacts, recordSentence } from './record-sentences';

// An audit event as one sentence in the reader's language — 修改了项目"…"：省级重点 否 → 是；将建筑工程施工许可证标为
// 已批准（2026-09-27） — built from the audit page's wording of fields and values (change-rows.ts), so a change is
// worded one way wherever it shows (the project's 项目动态).

export type EventFacts = Pick<AuditEvent, 'action' | 'recordType' | 'before' | 'after'> & Pick<RecordFacts, 'about'>;

type Context = Translators & {
  /** The project's name, for sentences about the project itself. */
  projectName: string;
  /** An approval item type's name by its code (the dictionary), the code when unknown. */
  approvalTypeName: (code: string) => string;
  /** Who acted, for the sentences that begin with him (a report submitted, a matter's step); left out when not given. */
  actorName?: string | null;
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
  return listed ? t('event.withChanges', { action, changes: listed }) : action;
}

/**
 * An audit event as the audit page says it: a change (a record before and after) in one sentence, the record's name
 * standing for the project's; a creation or a deletion by its action alone (the page names the record beside it), and
 * so a change of fields that have no words yet (a job's escalation step): the expanded row lists those.
 */
export function auditSummary(event: EventFacts & { recordName: string | null }, context: Omit<Context, 'projectName'>): string {
  const worded = changeRows(event, context).every((row) => row.label !== row.key);
  if (event.before && event.after && worded) return eventSentence(event, { ...context, projectName: event.recordName ?? '' });
  return context.tOptional(`auditAction.${event.action}`, event.action);
}
