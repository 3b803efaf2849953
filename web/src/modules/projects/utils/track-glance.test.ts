import { describe, expect, it } from 'vitest';
import type { ApprovalItem, FundingLineList, Plan } from '../api/tracks-api';
import { milestoneOf } from './test-milestones';
import { trackGlance } from './track-glance';

const approvalItem = (status: ApprovalItem['status']): ApprovalItem => ({
  id: status,
  typeCode: 'eia',
  typeName: '环评',
  status,
  appliedOn: null,
  approvedOn: null,
  documentNumber: null,
  note: null,
  version: 1,
});

const funding = (plannedYuan: number, receivedYuan: number): FundingLineList => ({
  items: [
    {
      id: 'a',
      sourceCode: 'bond',
      sourceName: '专项债',
      plannedYuan,
      appliedYuan: 0,
      approvedYuan: 0,
      receivedYuan,
      note: null,
      version: 1,
    },
  ],
  totals: { plannedYuan, appliedYuan: 0, approvedYuan: 0, receivedYuan },
  abilities: { create: true, update: true, delete: true },
});

const milestone = (name: string, reached: boolean, overdue: boolean) =>
  milestoneOf({ id: name, name, actualFinish: reached ? '2026-03-01' : null, overdue });

const plan = (milestones: Plan['milestones']): Plan => ({
  projectId: 'p',
  startDate: null,
  deadline: null,
  earliestCompletion: null,
  feasible: true,
  milestones,
  version: 1,
});

const byTrack = (glance: ReturnType<typeof trackGlance>) => Object.fromEntries(glance.map((g) => [g.track, g]));

describe('the seven tracks at a glance', () => {
  it('lists the seven tracks in order, the three later modules said to be pending, and loading tracks as loading', () => {
    const glance = trackGlance({ project: { feasibilityStatus: null }, approvals: undefined, funding: undefined, plan: undefined });
    expect(glance.map((g) => g.track)).toEqual([
      'planning',
      'financing',
      'approval',
      'attraction',
      'construction',
      'service',
      'assessment',
    ]);
    const tracks = byTrack(glance);
    for (const track of ['attraction', 'service', 'assessment'])
      expect(tracks[track]).toMatchObject({ tone: 'pending', text: 'glance.pending' });
    for (const track of ['financing', 'approval', 'construction']) expect(tracks[track]?.text).toBe('glance.loading');
    expect(tracks.planning).toMatchObject({ tone: 'default', text: 'glance.planning.none' });
  });

  it('shows the source leads on the attraction track to a reader of leads', () => {
    const base = { project: { feasibilityStatus: null }, approvals: undefined, funding: undefined, plan: undefined };
    expect(byTrack(trackGlance({ ...base, leads: 'loading' })).attraction?.text).toBe('glance.loading');
    expect(byTrack(trackGlance({ ...base, leads: { count: 0, stageLabel: null } })).attraction).toMatchObject({
      tone: 'default',
      text: 'glance.attraction.none',
    });
    expect(byTrack(trackGlance({ ...base, leads: { count: 1, stageLabel: '已签约' } })).attraction).toMatchObject({
      tone: 'success',
      text: 'glance.attraction.leads',
      params: { count: 1, stage: '已签约' },
    });
  });

  it('says what is missing when a track has nothing yet', () => {
    const tracks = byTrack(
      trackGlance({ project: { feasibilityStatus: null }, approvals: [], funding: { ...funding(0, 0), items: [] }, plan: plan([]) }),
    );
    expect(tracks.financing?.text).toBe('glance.financing.none');
    expect(tracks.approval?.text).toBe('glance.approval.none');
    expect(tracks.construction?.text).toBe('glance.construction.none');
  });

  it('counts settled approvals, funds received against the plan in 万元, and milestones reached and overdue', () => {
    const tracks = byTrack(
      trackGlance({
        project: { feasibilityStatus: 'approved' },
        approvals: [approvalItem('done'), approvalItem('not_required'), approvalItem('in_progress')],
        funding: funding(50_000_000, 12_345_600),
        plan: plan([milestone('开工', true, false), milestone('主体封顶', false, true), milestone('竣工', false, false)]),
      }),
    );
    expect(tracks.planning).toMatchObject({ tone: 'success', text: 'feasibilityStatus.approved' });
    expect(tracks.approval).toMatchObject({ tone: 'processing', params: { done: 2, total: 3 } });
    expect(tracks.financing).toMatchObject({ tone: 'processing', params: { received: '1,234.56', planned: '5,000.00' } });
    expect(tracks.construction).toMatchObject({
      tone: 'error',
      text: 'glance.construction.overdue',
      params: { done: 1, total: 3, overdue: 1 },
    });
  });

  it('shows a track done when everything in it is', () => {
    const tracks = byTrack(
      trackGlance({
        project: { feasibilityStatus: 'preparing' },
        approvals: [approvalItem('done')],
        funding: funding(1_000_000, 1_000_000),
        plan: plan([milestone('竣工', true, false)]),
      }),
    );
    expect(tracks.planning?.tone).toBe('processing');
    expect(tracks.approval?.tone).toBe('success');
    expect(tracks.financing?.tone).toBe('success');
    expect(tracks.construction).toMatchObject({ tone: 'success', text: 'glance.construction.progress' });
  });
});
