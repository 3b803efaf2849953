import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from '../enums';
import {
  OPPORTUNITY_ACTIONS,
  type OpportunityAction,
  type OpportunityRole,
  allowedOpportunityActions,
  isPubliclyVisible,
  opportunityStep,
} from './opportunities';

// Every move from every state, written out by hand: where it leads, or null when the state does not allow it.
const EXPECTED: Record<OpportunityStatus, Record<OpportunityAction, OpportunityStatus | null>> = {
  draft: { submit: 'in_review', publish: null, return: null, withdraw: null, redraft: null },
  in_review: { submit: null, publish: 'published', return: 'returned', withdraw: null, redraft: null },
  returned: { submit: 'in_review', publish: null, return: null, withdraw: null, redraft: null },
  published: { submit: null, publish: null, return: null, withdraw: 'withdrawn', redraft: null },
  withdrawn: { submit: null, publish: null, return: null, withdraw: null, redraft: 'draft' },
};
// Who may make each move when the state allows it.
const MOVERS: Record<OpportunityAction, OpportunityRole[]> = {
  submit: ['editor'],
  publish: ['reviewer'],
  return: ['reviewer'],
  withdraw: ['editor', 'reviewer'],
  redraft: ['editor'],
};
const ROLE_SETS: OpportunityRole[][] = [[], ['editor'], ['reviewer'], ['editor', 'reviewer']];

describe('opportunity moves', () => {
  for (const status of OPPORTUNITY_STATUSES) {
    for (const action of OPPORTUNITY_ACTIONS) {
      for (const roles of ROLE_SETS) {
        it(`${action} from ${status} by [${roles.join(', ')}]`, () => {
          const step = opportunityStep(status, action, new Set(roles));
          const to = EXPECTED[status][action];
          if (to === null) expect(step).toMatchObject({ ok: false, refusal: 'wrong_state' });
          else if (!roles.some((role) => MOVERS[action].includes(role))) expect(step).toMatchObject({ ok: false, refusal: 'not_allowed' });
          else expect(step).toEqual({ ok: true, to });
        });
      }
    }
  }

  it('offers the buttons of each state to the editor and the reviewer', () => {
    const editor = new Set<OpportunityRole>(['editor']);
    const reviewer = new Set<OpportunityRole>(['reviewer']);
    expect(allowedOpportunityActions('draft', editor)).toEqual(['submit']);
    expect(allowedOpportunityActions('draft', reviewer)).toEqual([]);
    expect(allowedOpportunityActions('in_review', reviewer)).toEqual(['publish', 'return']);
    expect(allowedOpportunityActions('in_review', editor)).toEqual([]);
    expect(allowedOpportunityActions('published', reviewer)).toEqual(['withdraw']);
    expect(allowedOpportunityActions('withdrawn', editor)).toEqual(['redraft']);
  });

  it('shows the public only published items whose validity is not over', () => {
    const today = '2026-12-06';
    expect(isPubliclyVisible({ status: 'published', validTo: '2026-12-06' }, today)).toBe(true);
    expect(isPubliclyVisible({ status: 'published', validTo: null }, today)).toBe(true);
    expect(isPubliclyVisible({ status: 'published', validTo: '2026-12-05' }, today)).toBe(false);
    for (const status of OPPORTUNITY_STATUSES.filter((s) => s !== 'published'))
      expect(isPubliclyVisible({ status, validTo: '2027-12-31' }, today)).toBe(false);
  });
});
