import type { MatterEscalationLevel, MatterStatus } from '../enums';

/*
 * A matter's closed loop (DOMAIN.md "Problems and enterprise demands"): assigned (交办) → accepted by the lead unit
 * (签收) → in progress (办理) → answered (反馈) → under review (复核) → closed (销号), or sent back at review with a
 * reason (back to 办理). Co-units add their input while the lead unit works on it. One pure function decides every
 * step, so the server, the page's buttons and the tests agree.
 */

/** The steps a person takes on a matter (each its own POST). `contribute` is a co-unit's input: it moves nothing. */
export const MATTER_ACTIONS = ['accept', 'start', 'contribute', 'feedback', 'submit_review', 'close', 'send_back'] as const;
export type MatterAction = (typeof MATTER_ACTIONS)[number];

/**
 * What the reader is to a matter: its lead unit (牵头单位, with `matter.handle`), a co-unit (配合单位, with
 * `matter.handle`), its reviewer (the raising side — the assigning office or the raising unit — with `matter.review`).
 * One person can be several at once (a project office in whose scope everything lies).
 */
export type MatterRole = 'lead' | 'co' | 'reviewer';

type Rule = { from: readonly MatterStatus[]; to: MatterStatus | null; by: readonly MatterRole[] };

/** Every step: the states it may start from, the state it leads to (null: stays), and who may take it. */
export const MATTER_RULES: Record<MatterAction, Rule> = {
  accept: { from: ['assigned'], to: 'accepted', by: ['lead'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['lead'] },
  contribute: { from: ['accepted', 'in_progress'], to: null, by: ['lead', 'co'] },
  feedback: { from: ['in_progress'], to: 'answered', by: ['lead'] },
  submit_review: { from: ['answered'], to: 'under_review', by: ['lead'] },
  close: { from: ['under_review'], to: 'closed', by: ['reviewer'] },
  send_back: { from: ['under_review'], to: 'in_progress', by: ['reviewer'] },
};

/** The steps that need a text (the answer, the input, the reason for sending back). */
export const TEXT_REQUIRED: ReadonlySet<MatterAction> = new Set(['contribute', 'feedback', 'send_back']);

/** Open matters: everything but closed. */
export const OPEN_MATTER_STATUSES: readonly MatterStatus[] = ['assigned', 'accepted', 'in_progress', 'answered', 'under_review'];

export type MatterStep =
  | { ok: true; to: MatterStatus }
  /** wrong_state: the step does not follow from the matter's state (409); not_allowed: not the reader's step (403). */
  | { ok: false; refusal: 'wrong_state' | 'not_allowed'; expected: readonly MatterStatus[]; by: readonly MatterRole[] };

/**
 * Whether a person in the given roles may take the step on a matter in the given state, and where it leads. The
 * state is checked first: a step out of order is refused as out of order whoever asks.
 */
export function matterStep(status: MatterStatus, action: MatterAction, roles: ReadonlySet<MatterRole>): MatterStep {
  const rule = MATTER_RULES[action];
  if (!rule.from.includes(status)) return { ok: false, refusal: 'wrong_state', expected: rule.from, by: rule.by };
  if (!rule.by.some((role) => roles.has(role))) return { ok: false, refusal: 'not_allowed', expected: rule.from, by: rule.by };
  return { ok: true, to: rule.to ?? status };
}

/** The steps a person in these roles may take now (the page's buttons). */
export const allowedMatterActions = (status: MatterStatus, roles: ReadonlySet<MatterRole>): MatterAction[] =>
  MATTER_ACTIONS.filter((action) => matterStep(status, action, roles).ok);

/** The levels an overdue matter escalates through, in order (after `none`). */
const ESCALATION_ORDER: readonly MatterEscalationLevel[] = ['none', 'unit_head', 'leader_in_charge', 'principal_leader', 'region_above'];

/**
 * The next escalation level of an overdue matter, one at a time: the lead unit's head, the leader in charge, the
 * district's principal leader, and — only when there is a region above on the platform — that region. Null when it
 * has nowhere further to go.
 */
export function nextEscalationLevel(
  current: MatterEscalationLevel,
  hasRegionAbove: boolean,
): Exclude<MatterEscalationLevel, 'none'> | null {
  const next = ESCALATION_ORDER[ESCALATION_ORDER.indexOf(current) + 1];
  if (!next || next === 'none') return null;
  if (next === 'region_above' && !hasRegionAbove) return null;
  return next;
}
