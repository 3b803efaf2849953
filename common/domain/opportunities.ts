import type { OpportunityStatus } from '../enums';

/*
 * An item of the city opportunity list (城市机会清单) is drafted (草稿), submitted for review (待审核), then published
 * (已发布) or returned with a reason (已退回, edited and submitted again), and a published item may be withdrawn
 * (已撤回) and redrafted. Drafting is `opportunity.manage`, reviewing `opportunity.review`; withdrawing either. One pure
 * function decides every move, so the server, the page's buttons and the tests agree.
 */

export const OPPORTUNITY_ACTIONS = ['submit', 'publish', 'return', 'withdraw', 'redraft'] as const;
export type OpportunityAction = (typeof OPPORTUNITY_ACTIONS)[number];

/** What the reader is to the list: its editor (opportunity.manage), its reviewer (opportunity.review), or both. */
export type OpportunityRole = 'editor' | 'reviewer';

type Rule = { from: readonly OpportunityStatus[]; to: OpportunityStatus; by: readonly OpportunityRole[] };

export const OPPORTUNITY_RULES: Record<OpportunityAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'in_review', by: ['editor'] },
  publish: { from: ['in_review'], to: 'published', by: ['reviewer'] },
  return: { from: ['in_review'], to: 'returned', by: ['reviewer'] },
  withdraw: { from: ['published'], to: 'withdrawn', by: ['editor', 'reviewer'] },
  redraft: { from: ['withdrawn'], to: 'draft', by: ['editor'] },
};

/** The states in which the editor may change an item's text or delete it: it is not before the reviewer or the public. */
export const EDITABLE_OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['draft', 'returned'];

/** Returning an item needs a reason the editor reads. */
export const REASON_REQUIRED: ReadonlySet<OpportunityAction> = new Set(['return']);

export type OpportunityStep =
  | { ok: true; to: OpportunityStatus }
  /** wrong_state: the move does not follow from the state (409); not_allowed: not the reader's move (403). */
  | { ok: false; refusal: 'wrong_state' | 'not_allowed'; expected: readonly OpportunityStatus[] };

/** Whether a reader in these roles may make the move from this state, and where it leads; the state is checked first. */
export function opportunityStep(
  status: OpportunityStatus,
  action: OpportunityAction,
  roles: ReadonlySet<OpportunityRole>,
): OpportunityStep {
  const rule = OPPORTUNITY_RULES[action];
  if (!rule.from.includes(status)) return { ok: false, refusal: 'wrong_state', expected: rule.from };
  if (!rule.by.some((role) => roles.has(role))) return { ok: false, refusal: 'not_allowed', expected: rule.from };
  return { ok: true, to: rule.to };
}

/** The moves a reader in these roles may make now (the page's buttons). */
export const allowedOpportunityActions = (status: OpportunityStatus, roles: ReadonlySet<OpportunityRole>): OpportunityAction[] =>
  OPPORTUNITY_ACTIONS.filter((action) => opportunityStep(status, action, roles).ok);

/** Whether the public sees an item today: published and its validity not over (`validTo` null: open-ended). */
export const isPubliclyVisible = (item: { status: OpportunityStatus; validTo: string | null }, today: string): boolean =>
  item.status === 'published' && (item.validTo === null || item.validTo >= today);
