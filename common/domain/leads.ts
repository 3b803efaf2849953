import type { LeadClock, LeadStage } from '../enums';
import { addDays, daysBetween } from './dates';

/*
 * A lead's pipeline (DOMAIN.md "Investment attraction"): lead → assessed (研判) → site visit (考察) → negotiating (洽谈)
 * → signed (签约) → registered (注册) → started (开工) → funds in (到资) → in production (投产), one stage at a time;
 * or dropped (终止) with a reason from any stage before production. Signing needs the contract's value and date. One pure
 * function decides every move, so the server, the page's buttons and the tests agree.
 */

/** The stages of the pipeline in order (without `dropped`, which leaves it). */
export const PIPELINE: readonly LeadStage[] = [
  'lead',
  'assessed',
  'site_visit',
  'negotiating',
  'signed',
  'registered',
  'started',
  'funds_in',
  'in_production',
];

/** The stages before signing: a lead still being courted, whose service clocks run. */
export const COURTING_STAGES: readonly LeadStage[] = ['lead', 'assessed', 'site_visit', 'negotiating'];

/** The stages from signing on: the conversion figures count them. */
export const SIGNED_STAGES: readonly LeadStage[] = ['signed', 'registered', 'started', 'funds_in', 'in_production'];

/** The position of a stage in the pipeline (-1 for dropped). */
export const stageIndex = (stage: LeadStage) => PIPELINE.indexOf(stage);

/** True when the lead has reached a stage (dropped leads reach nothing further). */
export const hasReached = (current: LeadStage, stage: LeadStage) => current !== 'dropped' && stageIndex(current) >= stageIndex(stage);

/** What a move carries besides where it goes. */
export type LeadMoveFacts = { reason?: string | null; contractValueYuan?: number | null; contractDate?: string | null };

export type LeadMove =
  | { ok: true; to: LeadStage }
  /**
   * out_of_order: the lead cannot go there from its stage (`expected`: the stages it can go to);
   * reason_required: dropping needs a reason; contract_required: signing needs the contract's value and date.
   */
  | { ok: false; refusal: 'out_of_order'; expected: LeadStage[] }
  | { ok: false; refusal: 'reason_required' | 'contract_required' };

/** The stages a lead can move to from its stage: the next one, and dropped until it is in production. */
export function nextStages(from: LeadStage): LeadStage[] {
  if (from === 'dropped' || from === 'in_production') return [];
  const next = PIPELINE[stageIndex(from) + 1];
  return next ? [next, 'dropped'] : ['dropped'];
}

/** Whether a lead in `from` may move to `to` with these facts, and why not. */
export function leadMove(from: LeadStage, to: LeadStage, facts: LeadMoveFacts = {}): LeadMove {
  const expected = nextStages(from);
  if (!expected.includes(to)) return { ok: false, refusal: 'out_of_order', expected };
  if (to === 'dropped' && !facts.reason?.trim()) return { ok: false, refusal: 'reason_required' };
  if (to === 'signed' && (!facts.contractValueYuan || facts.contractValueYuan <= 0 || !facts.contractDate)) {
    return { ok: false, refusal: 'contract_required' };
  }
  return { ok: true, to };
}

// The service clocks as cities set them: a new lead answered within 1 day, assessed within 3 days, the referrer given
// feedback within a week, a follow-up at least every 2 weeks. A clock that runs out flags the lead until it is met.

/** Days each clock allows. */
export const CLOCK_DAYS: Record<LeadClock, number> = { answer: 1, assess: 3, feedback: 7, follow_up: 14 };

/** The dates the clocks read from a lead. */
export type ClockFacts = {
  stage: LeadStage;
  /** When the lead came in (the clocks of answer, assess and feedback start here). */
  receivedOn: string;
  /** The first contact logged, if any. */
  firstContactOn: string | null;
  /** The latest contact logged, if any. */
  lastContactOn: string | null;
  /** When the lead was assessed (reached 研判), if it has been. */
  assessedOn: string | null;
  /** Who referred it: only then is feedback owed. */
  hasReferrer: boolean;
  /** When the referrer was given feedback, if he has been. */
  feedbackOn: string | null;
};

/** A clock that has run out: which, the day it was due, and how many days ago. */
export type OverdueClock = { clock: LeadClock; dueOn: string; daysOverdue: number };

/**
 * The clocks of a lead that have run out as of `today` (a China calendar date), earliest due first. Only a lead still
 * being courted runs clocks; a signed or dropped lead runs none. A clock is overdue the day after its due day.
 */
export function overdueClocks(facts: ClockFacts, today: string): OverdueClock[] {
  if (!COURTING_STAGES.includes(facts.stage)) return [];
  // Days each clock's start lies behind `today`: a clock of k days is overdue by (days since its start − k) when
  // that is above zero. The board presents hundreds of leads at once, so the due days are written only when overdue.
  const sinceReceived = daysBetween(facts.receivedOn, today);
  const sinceContact = facts.lastContactOn === null ? sinceReceived : daysBetween(facts.lastContactOn, today);
  const clocks: { clock: LeadClock; from: string; since: number; met: boolean }[] = [
    { clock: 'answer', from: facts.receivedOn, since: sinceReceived, met: facts.firstContactOn !== null || facts.stage !== 'lead' },
    { clock: 'assess', from: facts.receivedOn, since: sinceReceived, met: facts.assessedOn !== null || facts.stage !== 'lead' },
    { clock: 'feedback', from: facts.receivedOn, since: sinceReceived, met: !facts.hasReferrer || facts.feedbackOn !== null },
    { clock: 'follow_up', from: facts.lastContactOn ?? facts.receivedOn, since: sinceContact, met: false },
  ];
  const overdue: OverdueClock[] = [];
  for (const { clock, from, since, met } of clocks) {
    const daysOverdue = since - CLOCK_DAYS[clock];
    if (!met && daysOverdue > 0) overdue.push({ clock, dueOn: addDays(from, CLOCK_DAYS[clock]), daysOverdue });
  }
  // Earliest due first: the most days overdue (the sort keeps the clocks' order on a tie, as before).
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** The median of some numbers (null when there are none): the conversion figures' days between stages. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
