import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAD_STAGES, type LeadStage } from '../enums';
import { type ClockFacts, PIPELINE, leadMove, median, nextStages, overdueClocks } from './leads';

const contract = { contractValueYuan: 500_000_000, contractDate: '2026-11-20' };

describe('the lead stage machine', () => {
  // Every move from every stage: only the next stage of the pipeline and dropping (before production) are allowed.
  for (const from of LEAD_STAGES) {
    for (const to of LEAD_STAGES) {
      const i = PIPELINE.indexOf(from);
      const isNext = i >= 0 && PIPELINE[i + 1] === to;
      const isDrop = to === 'dropped' && from !== 'dropped' && from !== 'in_production';
      it(`${from} → ${to}: ${isNext || isDrop ? 'allowed' : 'out of order'}`, () => {
        const move = leadMove(from, to, { reason: '企业战略调整', ...contract });
        if (isNext || isDrop) expect(move).toEqual({ ok: true, to });
        else expect(move).toEqual({ ok: false, refusal: 'out_of_order', expected: nextStages(from) });
      });
    }
  }

  it('names the stages a refused move could go to', () => {
    expect(leadMove('lead', 'negotiating')).toEqual({ ok: false, refusal: 'out_of_order', expected: ['assessed', 'dropped'] });
    expect(leadMove('dropped', 'lead')).toEqual({ ok: false, refusal: 'out_of_order', expected: [] });
    expect(leadMove('in_production', 'dropped')).toEqual({ ok: false, refusal: 'out_of_order', expected: [] });
  });

  it('signing needs a positive contract value and a date', () => {
    expect(leadMove('negotiating', 'signed')).toEqual({ ok: false, refusal: 'contract_required' });
    expect(leadMove('negotiating', 'signed', { contractValueYuan: 0, contractDate: '2026-11-20' })).toEqual({
      ok: false,
      refusal: 'contract_required',
    });
    expect(leadMove('negotiating', 'signed', { contractValueYuan: 1, contractDate: null })).toEqual({
      ok: false,
      refusal: 'contract_required',
    });
    expect(leadMove('negotiating', 'signed', contract)).toEqual({ ok: true, to: 'signed' });
  });

  it('dropping needs a reason (blank is none)', () => {
    expect(leadMove('site_visit', 'dropped', { reason: '  ' })).toEqual({ ok: false, refusal: 'reason_required' });
    expect(leadMove('signed', 'dropped', { reason: '企业撤回投资' })).toEqual({ ok: true, to: 'dropped' });
  });

  it('walking the pipeline one step at a time reaches production; any skip is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PIPELINE), fc.integer({ min: 2, max: 8 }), (from: LeadStage, skip) => {
        const to = PIPELINE[PIPELINE.indexOf(from) + skip];
        if (!to) return;
        expect(leadMove(from, to, { reason: 'x', ...contract }).ok).toBe(false);
      }),
    );
    let stage: LeadStage = 'lead';
    for (const to of PIPELINE.slice(1)) {
      const move = leadMove(stage, to, contract);
      expect(move.ok).toBe(true);
      stage = to;
    }
    expect(nextStages(stage)).toEqual([]);
  });
});

describe('the service clocks', () => {
  const fresh: ClockFacts = {
    stage: 'lead',
    receivedOn: '2026-12-01',
    firstContactOn: null,
    lastContactOn: null,
    assessedOn: null,
    hasReferrer: true,
    feedbackOn: null,
  };

  it('runs nothing out on the day due; the day after, the clock is overdue since its due day', () => {
    expect(overdueClocks(fresh, '2026-12-02')).toEqual([]);
    expect(overdueClocks(fresh, '2026-12-03')).toEqual([{ clock: 'answer', dueOn: '2026-12-02', daysOverdue: 1 }]);
    expect(overdueClocks(fresh, '2026-12-05').map((c) => c.clock)).toEqual(['answer', 'assess']);
    expect(overdueClocks(fresh, '2026-12-16')).toEqual([
      { clock: 'answer', dueOn: '2026-12-02', daysOverdue: 14 },
      { clock: 'assess', dueOn: '2026-12-04', daysOverdue: 12 },
      { clock: 'feedback', dueOn: '2026-12-08', daysOverdue: 8 },
      { clock: 'follow_up', dueOn: '2026-12-15', daysOverdue: 1 },
    ]);
  });

  it('a contact answers the lead and restarts the follow-up clock; assessing meets the assessment clock', () => {
    const contacted = { ...fresh, firstContactOn: '2026-12-01', lastContactOn: '2026-12-10' };
    expect(overdueClocks(contacted, '2026-12-06').map((c) => c.clock)).toEqual(['assess']);
    const assessed = { ...contacted, stage: 'assessed' as const, assessedOn: '2026-12-03' };
    // The last contact (12-10) is due again on 12-24: not yet overdue that day.
    expect(overdueClocks(assessed, '2026-12-24')).toEqual([{ clock: 'feedback', dueOn: '2026-12-08', daysOverdue: 16 }]);
    expect(overdueClocks(assessed, '2026-12-25').map((c) => c.clock)).toEqual(['feedback', 'follow_up']);
  });

  it('feedback is owed only to a referrer, and met once given', () => {
    const noReferrer = {
      ...fresh,
      stage: 'assessed' as const,
      hasReferrer: false,
      lastContactOn: '2026-12-10',
      firstContactOn: '2026-12-01',
    };
    expect(overdueClocks(noReferrer, '2026-12-20')).toEqual([]);
    expect(overdueClocks({ ...noReferrer, hasReferrer: true, feedbackOn: '2026-12-05' }, '2026-12-20')).toEqual([]);
  });

  it('a signed or dropped lead runs no clocks', () => {
    for (const stage of ['signed', 'registered', 'started', 'funds_in', 'in_production', 'dropped'] as const) {
      expect(overdueClocks({ ...fresh, stage }, '2027-06-01')).toEqual([]);
    }
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
