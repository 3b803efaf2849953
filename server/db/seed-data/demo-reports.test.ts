import { describe, expect, it } from 'vitest';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { buildDemoProjects, DEMO_LEADERS } from './demo-projects';
import { buildDemoReports } from './demo-reports';
import { DEMO_DISTRICT_CODE, DEMO_UNITS } from './demo-units';

const UNIT_IDS = new Map(DEMO_UNITS.map((u, i) => [u.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
const LEADER_IDS = ['leader', ...DEMO_LEADERS.map((l) => l.username)].map(
  (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
);
const OFFICE_ID = '00000000-0000-4000-a000-000000000001';
const CLERK_ID = '00000000-0000-4000-a000-000000000002';
const YI = 100_000_000;

function build(today: string) {
  const year = Number(today.slice(0, 4));
  const projects = buildDemoProjects({ year, today, unitIds: UNIT_IDS, leaderIds: LEADER_IDS, officeUserId: OFFICE_ID });
  const beiyuan = UNIT_IDS.get('street_beiyuan') ?? '';
  const reports = buildDemoReports({
    year,
    today,
    regionCode: DEMO_DISTRICT_CODE,
    officeUserId: OFFICE_ID,
    submitters: new Map([[beiyuan, CLERK_ID]]),
    projects,
  });
  return { projects, ...reports };
}

const dateOf = (instant: Date | null | undefined) => (instant ? todayInChina(instant) : null);

// Days across the year: early January, the first days of a month (last month still open), mid-month, late in the year.
describe.each(['2026-01-05', '2026-03-28', '2026-06-15', '2026-12-06'])('the demo ledger on %s', (today) => {
  const { projects, periods, reports } = build(today);
  const month = Number(today.slice(5, 7));

  it('has a period for every month of the year so far, due on the 25th; only this month (and last month early on) open', () => {
    expect(periods.map((p) => p.month)).toEqual(Array.from({ length: month }, (_, i) => i + 1));
    for (const p of periods) {
      expect(p.deadline).toBe(`2026-${String(p.month).padStart(2, '0')}-25`);
      const open = p.month === month || (p.month === month - 1 && Number(today.slice(8, 10)) <= 10);
      expect(p.status, `month ${p.month}`).toBe(open ? 'open' : 'closed');
      if (p.closedAt) expect(compareDates(dateOf(p.closedAt) ?? '', today)).toBeLessThanOrEqual(0);
    }
  });

  it('has one report per project and period, each of a project implementing in that month, with consistent states', () => {
    const keys = new Set(reports.map((r) => `${r.periodId}:${r.projectId}`));
    expect(keys.size).toBe(reports.length);
    const periodById = new Map(periods.map((p) => [p.id, p]));
    const projectById = new Map(projects.projects.map((p) => [p.id, p]));
    for (const r of reports) {
      const period = periodById.get(r.periodId);
      const project = projectById.get(r.projectId);
      expect(period && project).toBeTruthy();
      expect(['implementing', 'completed']).toContain(project?.pool);
      expect(r.responsibleUnitId).toBe(project?.leadUnitId);
      expect([r.year, r.month]).toEqual([period?.year, period?.month]);
      if (r.status !== 'draft') {
        expect(r.investmentYuan).not.toBeNull();
        expect(r.progressText).toBeTruthy();
        expect(r.progressPercent).toBeGreaterThanOrEqual(0);
        expect(r.late).toBe(compareDates(dateOf(r.firstSubmittedAt) ?? '', period?.deadline ?? '') > 0);
        for (const instant of [r.firstSubmittedAt, r.submittedAt, r.approvedAt, r.returnedAt]) {
          if (instant) expect(compareDates(dateOf(instant) ?? '', today)).toBeLessThan(0);
        }
      } else {
        expect(r.late).toBe(false);
        expect(r.submittedAt).toBeNull();
      }
      // A closed period holds only approved reports and ones never submitted.
      if (period?.status === 'closed') expect(['approved', 'draft']).toContain(r.status);
      if (r.status === 'approved' && period?.closedAt) expect(r.approvedAt && r.approvedAt <= period.closedAt).toBe(true);
      if (r.status === 'returned') expect(r.returnReason).toBeTruthy();
    }
  });

  it('names only milestones of the project finished on the day reported', () => {
    const finished = new Map(projects.milestones.map((m) => [m.id, m]));
    for (const r of reports) {
      for (const m of r.milestones ?? []) {
        expect(finished.get(m.milestoneId)).toMatchObject({ projectId: r.projectId, actualFinish: m.reachedOn });
      }
    }
  });

  it('is the same on every run', () => {
    const again = build(today);
    expect(again.periods).toEqual(periods);
    expect(again.reports).toEqual(reports);
  });
});

describe('the demo ledger, over the year', () => {
  it('shows most reports on time, some late, a few missing and a few returned', () => {
    const { periods, reports } = build('2026-12-06');
    const closed = new Set(periods.filter((p) => p.status === 'closed').map((p) => p.id));
    const inClosed = reports.filter((r) => closed.has(r.periodId));
    const share = (pick: (r: (typeof reports)[number]) => boolean) => inClosed.filter(pick).length / inClosed.length;
    expect(share((r) => r.status === 'approved' && !r.late)).toBeGreaterThan(0.75);
    expect(share((r) => r.late === true)).toBeGreaterThan(0.04);
    expect(share((r) => r.late === true)).toBeLessThan(0.15);
    expect(share((r) => r.status === 'draft')).toBeGreaterThan(0.01);
    expect(share((r) => r.status === 'draft')).toBeLessThan(0.08);
    expect(reports.filter((r) => r.status === 'returned').length).toBeGreaterThanOrEqual(3);
    expect(reports.filter((r) => r.returnReason && r.status === 'approved').length).toBeGreaterThan(0);
  });

  it('makes year-to-date completion plausible against the annual plans (250亿) and the 240亿 target', () => {
    for (const today of ['2026-04-12', '2026-09-20', '2026-12-06']) {
      const { projects, reports } = build(today);
      const approved = reports.filter((r) => r.status === 'approved').reduce((sum, r) => sum + (r.investmentYuan ?? 0), 0);
      const month = Number(today.slice(5, 7));
      // The plans' cumulative share due through last month, the last month largely reviewed.
      const due = projects.annualPlans.reduce((sum, p) => sum + p.monthlyYuan.slice(0, month - 1).reduce((a, b) => a + b, 0), 0);
      const ratio = approved / due;
      expect(ratio, `${today}: ${(approved / YI).toFixed(1)}亿 approved of ${(due / YI).toFixed(1)}亿 due`).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.2);
    }
    const { reports } = build('2026-12-06');
    const approved = reports.filter((r) => r.status === 'approved').reduce((sum, r) => sum + (r.investmentYuan ?? 0), 0) / YI;
    expect(approved).toBeGreaterThan(200);
    expect(approved).toBeLessThan(250);
  });
});
