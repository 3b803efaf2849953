import { describe, expect, it } from 'vitest';
import { MATTER_STATUSES, type MatterStatus } from '../enums';
import { MATTER_ACTIONS, type MatterAction, type MatterRole, allowedMatterActions, matterStep, nextEscalationLevel } from './matters';

// The loop written out by hand, independently of MATTER_RULES: [from, action, to, the one role that may take it].
const ALLOWED: [MatterStatus, MatterAction, MatterStatus, MatterRole[]][] = [
  ['assigned', 'accept', 'accepted', ['lead']],
  ['accepted', 'start', 'in_progress', ['lead']],
  ['accepted', 'contribute', 'accepted', ['lead', 'co']],
  ['in_progress', 'contribute', 'in_progress', ['lead', 'co']],
  ['in_progress', 'feedback', 'answered', ['lead']],
  ['answered', 'submit_review', 'under_review', ['lead']],
  ['under_review', 'close', 'closed', ['reviewer']],
  ['under_review', 'send_back', 'in_progress', ['reviewer']],
];
const ROLES: MatterRole[] = ['lead', 'co', 'reviewer'];
// Each role alone, nobody, and everyone at once (a project office in whose scope the whole matter lies).
const PEOPLE: [string, MatterRole[]][] = [['nobody', []], ...ROLES.map((r): [string, MatterRole[]] => [r, [r]]), ['everyone', ROLES]];

describe('matterStep: every step from every state as every role', () => {
  for (const status of MATTER_STATUSES) {
    for (const action of MATTER_ACTIONS) {
      const allowed = ALLOWED.find(([from, a]) => from === status && a === action);
      for (const [who, roles] of PEOPLE) {
        const step = matterStep(status, action, new Set(roles));
        if (!allowed) {
          it(`${action} from ${status} as ${who}: refused as out of order`, () => {
            expect(step).toMatchObject({ ok: false, refusal: 'wrong_state' });
          });
        } else if (roles.some((r) => allowed[3].includes(r))) {
          it(`${action} from ${status} as ${who}: leads to ${allowed[2]}`, () => {
            expect(step).toEqual({ ok: true, to: allowed[2] });
          });
        } else {
          it(`${action} from ${status} as ${who}: refused, not his step`, () => {
            expect(step).toMatchObject({ ok: false, refusal: 'not_allowed', by: allowed[3] });
          });
        }
      }
    }
  }
});

describe('the loop', () => {
  it('goes round from 交办 to 销号, with one send-back, taking each step as the one who may', () => {
    const path: [MatterAction, MatterRole][] = [
      ['accept', 'lead'],
      ['start', 'lead'],
      ['contribute', 'co'],
      ['feedback', 'lead'],
      ['submit_review', 'lead'],
      ['send_back', 'reviewer'],
      ['feedback', 'lead'],
      ['submit_review', 'lead'],
      ['close', 'reviewer'],
    ];
    let status: MatterStatus = 'assigned';
    for (const [action, role] of path) {
      const step = matterStep(status, action, new Set([role]));
      if (!step.ok) throw new Error(`${action} refused from ${status}`);
      status = step.to;
    }
    expect(status).toBe('closed');
    expect(allowedMatterActions('closed', new Set(ROLES))).toEqual([]);
  });

  it('offers each role only its own buttons', () => {
    expect(allowedMatterActions('in_progress', new Set(['co']))).toEqual(['contribute']);
    expect(allowedMatterActions('in_progress', new Set(['lead']))).toEqual(['contribute', 'feedback']);
    expect(allowedMatterActions('under_review', new Set(['lead']))).toEqual([]);
    expect(allowedMatterActions('under_review', new Set(['reviewer']))).toEqual(['close', 'send_back']);
  });
});

describe('nextEscalationLevel', () => {
  it('goes one level at a time and stops at the principal leader unless there is a region above', () => {
    expect(nextEscalationLevel('none', false)).toBe('unit_head');
    expect(nextEscalationLevel('unit_head', false)).toBe('leader_in_charge');
    expect(nextEscalationLevel('leader_in_charge', false)).toBe('principal_leader');
    expect(nextEscalationLevel('principal_leader', false)).toBeNull();
    expect(nextEscalationLevel('principal_leader', true)).toBe('region_above');
    expect(nextEscalationLevel('region_above', true)).toBeNull();
  });
});
