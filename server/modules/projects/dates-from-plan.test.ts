import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/projects';
import { projects } from '../../db/schema';
import { insertProject } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

// One fact in one place: a project with a plan has the start and completion dates of its 开工 and 竣工 milestones;
// they are edited in the plan, and a project write of a different value is refused naming the field.
describeEachDatabase('projects API: header dates from the plan', (t) => {
  let office: Client;
  const planUrl = (id: string) => `/api/v1/projects/${id}/plan`;
  const load = async (id: string) => (await office.get(`/api/v1/projects/${id}`)).json() as Project;
  const stored = async (id: string) => (await t().database.db.select().from(projects).where(eq(projects.id, id)))[0];

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
  });

  /** A plan 施工许可 → 开工 → 竣工 saved with these planned dates for 开工 and 竣工 (undefined: not sent). */
  async function savePlan(projectId: string, version: number, start?: string | null, completion?: string | null) {
    const [permit, begin, end] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    return office.request('PUT', planUrl(projectId), {
      version,
      milestones: [
        { id: permit, name: '施工许可', kind: 'other', durationDays: 30, predecessorIds: [] },
        {
          id: begin,
          name: '开工',
          kind: 'start',
          durationDays: 0,
          predecessorIds: [permit],
          ...(start === undefined ? {} : { plannedFinish: start }),
        },
        {
          id: end,
          name: '竣工',
          kind: 'completion',
          durationDays: 300,
          predecessorIds: [begin],
          ...(completion === undefined ? {} : { plannedFinish: completion }),
        },
      ],
    });
  }

  it('moves the header’s planned dates into a new plan’s 开工 and 竣工 milestones', async () => {
    const project = await insertProject(t().database, { plannedStart: '2027-03-01', plannedCompletion: '2028-06-30' });
    const saved = await savePlan(project.id, project.version);
    expect(saved.statusCode).toBe(200);
    const byKind = (kind: string) => saved.json().milestones.find((m: { kind: string }) => m.kind === kind);
    expect(byKind('start').plannedFinish).toBe('2027-03-01');
    expect(byKind('completion').plannedFinish).toBe('2028-06-30');
    expect((await load(project.id)).datesFromPlan).toEqual(['plannedStart', 'plannedCompletion']);
  });

  it('gives the header the planned dates of the plan’s 开工 and 竣工 milestones, audited', async () => {
    const project = await insertProject(t().database, { plannedStart: '2027-03-01', plannedCompletion: '2028-06-30' });
    expect((await savePlan(project.id, project.version, '2026-12-10', '2028-09-30')).statusCode).toBe(200);
    expect(await load(project.id)).toMatchObject({ plannedStart: '2026-12-10', plannedCompletion: '2028-09-30' });
    const plan = (await office.get(planUrl(project.id))).json();
    expect(plan.deadline).toBe('2028-09-30');
  });

  it('refuses a project write of a date the plan decides, naming the field, and writes nothing', async () => {
    const project = await insertProject(t().database, { plannedStart: '2027-03-01', plannedCompletion: '2028-06-30' });
    await savePlan(project.id, project.version, '2026-12-10', '2028-09-30');
    const before = await load(project.id);
    const refused = await office.patch(`/api/v1/projects/${project.id}`, {
      plannedStart: '2027-01-01',
      contactName: '王五',
      version: before.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('field_from_plan');
    expect(errorOf(refused).details).toEqual([
      { path: 'plannedStart', message: '“计划开工”由推进计划的“开工”节点确定，请在推进计划中修改' },
    ]);
    expect(await stored(project.id)).toMatchObject({ plannedStart: '2026-12-10', version: before.version, contactName: null });
    // The same date sent back with another change is fine; a date the plan does not give stays the form's.
    const accepted = await office.patch(`/api/v1/projects/${project.id}`, {
      plannedStart: '2026-12-10',
      actualStart: '2026-12-12',
      contactName: '王五',
      version: before.version,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ plannedStart: '2026-12-10', actualStart: '2026-12-12', contactName: '王五' });
  });

  it('leaves the dates of a project without a plan to the project form', async () => {
    const project = await insertProject(t().database);
    const response = await office.patch(`/api/v1/projects/${project.id}`, { plannedStart: '2027-01-01', version: project.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ plannedStart: '2027-01-01', datesFromPlan: [] });
  });
});
