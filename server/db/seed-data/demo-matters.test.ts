import { describe, expect, it } from 'vitest';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { type MatterAction, matterStep } from '../../../common/domain/matters';
import { MATTER_SOURCES, MATTER_STATUSES, type MatterStatus } from '../../../common/enums';
import { buildDemoMatters, raiseFromReports } from './demo-matters';
import { buildDemoReports } from './demo-reports';
import { DEMO_LEADERS, buildDemoProjects } from './demo-projects';
import { DEMO_DISTRICT_CODE, DEMO_UNITS } from './demo-units';

const UNIT_IDS = new Map(DEMO_UNITS.map((u, i) => [u.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
const LEADER_IDS = ['leader', ...DEMO_LEADERS.map((l) => l.username)].map(
  (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
);
const USER_IDS = new Map([
  ['office', '00000000-0000-4000-a000-000000000001'],
  ['unit', '00000000-0000-4000-a000-000000000002'],
  ['leader', LEADER_IDS[0] ?? ''],
  ['viewer', '00000000-0000-4000-a000-000000000003'],
]);

describe.each(['2026-01-05', '2026-06-15', '2026-12-06'])('the demo matters on %s', (today) => {
  const year = Number(today.slice(0, 4));
  const projects = buildDemoProjects({ year, today, unitIds: UNIT_IDS, leaderIds: LEADER_IDS, officeUserId: USER_IDS.get('office') ?? '' });
  const rows = buildDemoMatters({ today, regionCode: DEMO_DISTRICT_CODE, unitIds: UNIT_IDS, userIds: USER_IDS, ...projects });

  it('has every source in every state', () => {
    const seen = new Set(rows.matters.map((m) => `${m.source}/${m.status}`));
    for (const source of MATTER_SOURCES)
      for (const status of MATTER_STATUSES) expect(seen.has(`${source}/${status}`), `${source}/${status}`).toBe(true);
  });

  it('has a few open matters past their deadline, exactly one escalated, and project problems on implementing projects', () => {
    const overdue = rows.matters.filter((m) => m.status !== 'closed' && compareDates(m.deadline, today) < 0);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(rows.matters.filter((m) => m.escalationLevel !== 'none')).toHaveLength(1);
    const implementing = new Set(projects.projects.filter((p) => p.pool === 'implementing').map((p) => p.id));
    for (const m of rows.matters.filter((m) => m.source === 'project_problem')) expect(implementing.has(m.projectId ?? '')).toBe(true);
    expect(rows.matters.some((m) => m.leadUnitId === UNIT_IDS.get('street_beiyuan'))).toBe(true);
  });

  it("gives each matter a timeline the loop allows, in order, never after today, ending in the matter's state", () => {
    for (const matter of rows.matters) {
      const entries = rows.entries.filter((e) => e.matterId === matter.id);
      expect(entries[0]?.kind).toBe('assign');
      let status: MatterStatus = 'assigned';
      for (const entry of entries.slice(1)) {
        if (entry.kind === 'escalate') continue;
        const step = matterStep(status, entry.kind as MatterAction, new Set(['lead', 'co', 'reviewer']));
        if (!step.ok) throw new Error(`${matter.source}/${matter.status}: ${entry.kind} from ${status}`);
        status = step.to;
        expect(entry.status).toBe(status);
      }
      expect(status).toBe(matter.status);
      const times = entries.map((e) => e.createdAt?.getTime() ?? 0);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(compareDates(todayInChina(entries.at(-1)?.createdAt), today)).toBeLessThanOrEqual(0);
      expect(matter.closedAt ? 'closed' : 'open').toBe(matter.status === 'closed' ? 'closed' : 'open');
    }
  });

  it('raises some project problems from a monthly report the project submitted before, whose 存在问题 names them', () => {
    const raised = buildDemoMatters({ today, regionCode: DEMO_DISTRICT_CODE, unitIds: UNIT_IDS, userIds: USER_IDS, ...projects });
    const { reports } = buildDemoReports({
      year,
      today,
      regionCode: DEMO_DISTRICT_CODE,
      officeUserId: USER_IDS.get('office') ?? '',
      submitters: new Map(),
      projects,
    });
    raiseFromReports(raised, reports);
    const fromReports = raised.matters.filter((m) => m.sourceReportId);
    // In the year's first days no monthly report has been submitted yet: then no matter can come from one.
    if (reports.some((r) => r.submittedAt)) expect(fromReports.length).toBeGreaterThan(0);
    else expect(fromReports).toHaveLength(0);
    for (const matter of fromReports) {
      const report = reports.find((r) => r.id === matter.sourceReportId);
      expect(matter.source).toBe('project_problem');
      expect(report?.projectId).toBe(matter.projectId);
      expect(report?.submittedAt?.getTime()).toBeLessThan(matter.createdAt?.getTime() ?? 0);
      expect(report?.problems).toContain(matter.title);
    }
  });
});
