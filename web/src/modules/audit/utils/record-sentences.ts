import { formatWan } from '../../../../../common/domain/money';
import type { MessageKey } from '../../../i18n';
import type { Translators } from './change-rows';

// Monthly reports, matters and milestone bindings as a district official would write them — 北园街道 张伟 提交了2026年10月
// 月度填报（本月完成投资 1,200.00万元）；问题“供电线路迁改”已销号；节点“施工许可”按审批事项绑定，完成日期取 2026-09-27 —
// from the audit event and what the timeline adds about it (the report's month, the matter's title). A fact missing
// leaves its words out rather than showing a blank.

export type RecordFacts = {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The report's month (2026-10) or the matter's title, when known. */
  about?: { month?: string; title?: string } | null;
};

/** Sentences that begin with who acted (the timeline then leaves the author out of the line below). */
const ACTOR_LED = new Set([
  'progress_reports.create',
  'progress_reports.update',
  'progress_reports.delete',
  'progress_reports.submit',
  'progress_reports.approve',
  'progress_reports.return',
  'matters.create',
  'matters.accept',
  'matters.start',
  'matters.contribute',
  'matters.feedback',
  'matters.submit_review',
  'matters.send_back',
  'matters.reassign',
]);

/** Whether the action's sentence names its author first. */
export const sentenceNamesActor = (action: string | null): boolean => action !== null && ACTOR_LED.has(action);

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The month as the reports page names it (2026年10月, 10/2026), from 2026-10; empty when unknown. */
function monthWords(month: string | undefined, { t }: Translators): string {
  const [year, number] = /^\d{4}-\d{2}$/.test(month ?? '') ? (month as string).split('-').map(Number) : [];
  if (!year || !number) return '';
  return t('event.reportMonth', { label: t('period.monthLabel', { year, month: number }) });
}

function reportSentence(facts: RecordFacts, translators: Translators): string | null {
  const { t } = translators;
  const month = monthWords(facts.about?.month, translators);
  const yuan = facts.after?.investmentYuan;
  const amount = typeof yuan === 'number' ? t('event.reportAmount', { amount: formatWan(yuan) }) : '';
  const reason = text(facts.after?.returnReason);
  const unit = text(facts.after?.responsibleUnitId);
  switch (facts.action) {
    case 'progress_reports.create':
      return t('event.report.created', { month, unit: unit ? t('event.reportUnit', { unit }) : '' });
    case 'progress_reports.update':
      return t('event.report.filled', { month, amount });
    case 'progress_reports.delete':
      return t('event.report.removed', { month });
    case 'progress_reports.submit':
      return t(facts.before?.status === 'returned' ? 'event.report.resubmitted' : 'event.report.submitted', { month, amount });
    case 'progress_reports.approve':
      return t('event.report.approved', { month, amount });
    case 'progress_reports.return':
      return t('event.report.returned', { month, reason: reason ? t('event.reason', { reason }) : '' });
    default:
      return null;
  }
}

const MATTER_STEPS = ['accept', 'start', 'contribute', 'feedback', 'submit_review', 'close', 'send_back'] as const;

function matterSentence(facts: RecordFacts, translators: Translators): string | null {
  const { t, tOptional } = translators;
  const name = text(facts.about?.title) || text(facts.after?.title);
  const title = name ? t('event.matterTitle', { title: name }) : '';
  const said = text(facts.after?.text) || text(facts.after?.reason);
  const words = said ? t('event.reason', { reason: said }) : '';
  const deadline = text(facts.after?.deadline);
  const unit = text(facts.after?.leadUnitId);
  const step = facts.action.replace(/^matters\./, '');
  if (step === 'create') {
    return t('event.matter.create', {
      title,
      lead: unit ? t('event.matterLead', { unit }) : '',
      deadline: deadline ? t('event.matterDeadline', { date: deadline }) : '',
    });
  }
  if (step === 'reassign') {
    return t('event.matter.reassign', {
      title,
      unit: unit || t('audit.empty'),
      deadline: deadline ? t('event.matterDeadline', { date: deadline }) : '',
      reason: words,
    });
  }
  if (step === 'escalate') {
    const level = text(facts.after?.escalationLevel);
    if (!level) return t('event.matter.escalatedBare', { title });
    return t('event.matter.escalated', { title, level: tOptional(`matterEscalation.${level}`, level) });
  }
  if ((MATTER_STEPS as readonly string[]).includes(step)) return t(`event.matter.${step}` as MessageKey, { title, text: words });
  return null;
}

type BoundMilestone = { name?: unknown; actualFinish?: unknown };

function boundSentence(facts: RecordFacts, { t }: Translators): string {
  const list = Array.isArray(facts.after?.milestones) ? (facts.after.milestones as BoundMilestone[]) : [];
  if (list.length === 0) return t('event.milestoneBoundBare');
  return list
    .map((m) =>
      m.actualFinish
        ? t('event.milestoneBound', { name: String(m.name ?? ''), date: String(m.actualFinish) })
        : t('event.milestoneBoundUnreached', { name: String(m.name ?? '') }),
    )
    .join(t('event.separator'));
}

/** The first letter up, for an English sentence that has no author before it. */
const capitalised = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);

/**
 * A report's, a matter's or a binding's event as one sentence, led by its author when one is given and the sentence
 * names him; null for events these records do not word (the caller words them as any other change).
 */
export function recordSentence(facts: RecordFacts, translators: Translators & { actorName?: string | null }): string | null {
  const sentence = facts.action.startsWith('progress_reports.')
    ? reportSentence(facts, translators)
    : facts.action.startsWith('matters.')
      ? matterSentence(facts, translators)
      : facts.action === 'plans.milestone_bound'
        ? boundSentence(facts, translators)
        : null;
  if (sentence === null) return null;
  const actor = translators.actorName?.trim();
  if (actor && sentenceNamesActor(facts.action)) return translators.t('event.byActor', { actor, sentence });
  return capitalised(sentence);
}
