import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { PLAN_DATE_FIELDS, type PlanDateMilestone, datesFromPlan } from '../../../common/domain/plan-dates';
import { describeEachDatabase } from '../../test/harness';
import { approvalItems, milestones, projects } from '../schema';

// One fact in one place, held on every demo project as seeded: an approval item and the plan milestone bound to its
// type tell the same day, and a project with a plan has its 开工/竣工 milestones' dates in its header.
describeEachDatabase('the demo projects: one fact in one place', (t) => {
  it('gives each milestone bound to an approval item the day it was approved, and none before it is', async () => {
    const pairs = await t()
      .database.db.select({
        project: projects.name,
        milestone: milestones.name,
        actualFinish: milestones.actualFinish,
        status: approvalItems.status,
        approvedOn: approvalItems.approvedOn,
      })
      .from(milestones)
      .innerJoin(projects, sql`${projects.id} = ${milestones.projectId}`)
      .innerJoin(
        approvalItems,
        sql`${approvalItems.projectId} = ${milestones.projectId} and ${approvalItems.typeCode} = ${milestones.approvalTypeCode}`,
      );
    expect(pairs.filter((p) => p.approvedOn !== null).length).toBeGreaterThan(50);
    const disagreeing = pairs.filter((p) => p.actualFinish !== (p.status === 'done' ? p.approvedOn : null));
    expect(disagreeing).toEqual([]);
  });

  it('gives each project with a plan the planned and actual dates of its 开工 and 竣工 milestones', async () => {
    const { db } = t().database;
    const plans = new Map<string, PlanDateMilestone[]>();
    for (const m of await db.select().from(milestones)) plans.set(m.projectId, [...(plans.get(m.projectId) ?? []), m]);
    const rows = await db.select().from(projects);
    const planned = rows.filter((p) => plans.has(p.id));
    expect(planned.length).toBeGreaterThan(100);
    const disagreeing = planned.flatMap((project) => {
      const decided = datesFromPlan(plans.get(project.id) ?? []);
      // Every plan plans its start and completion; the header carries whatever the plan decides.
      const missing = (['plannedStart', 'plannedCompletion'] as const).filter((f) => !decided[f]);
      const differ = PLAN_DATE_FIELDS.filter((f) => decided[f] !== undefined && decided[f] !== project[f]);
      // A project started or completed has a plan that says when.
      const unrecorded = (['actualStart', 'actualCompletion'] as const).filter((f) => project[f] && !decided[f]);
      return [...missing, ...differ, ...unrecorded].map((field) => `${project.name}: ${field}`);
    });
    expect(disagreeing).toEqual([]);
  });
});
