import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { insertProject } from '../../test/factories';

type PlanMilestone = {
  id: string;
  name: string;
  actualStart: string | null;
  actualFinish: string | null;
  approvalTypeCode: string | null;
  approval: { typeName: string; status: string; approvedOn: string | null } | null;
};

// One fact in one place: a plan milestone bound to an approval item type is reached on the day the project's
// approval item of that type is approved — typed once, in the approval track.
describeEachDatabase('milestones bound to approval items', (t) => {
  let office: Client;
  let unit: Client;
  const planUrl = (projectId: string) => `/api/v1/projects/${projectId}/plan`;
  const itemsUrl = (projectId: string, itemId?: string) => `/api/v1/projects/${projectId}/approval-items${itemId ? `/${itemId}` : ''}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
  });

  const planOf = async (projectId: string) => {
    const response = await office.get(planUrl(projectId));
    expect(response.statusCode).toBe(200);
    return response.json() as { milestones: PlanMilestone[]; version: number };
  };
  const permitOf = async (projectId: string) => (await planOf(projectId)).milestones.find((m) => m.name === '施工许可');

  /** A project with a plan (签约 → 施工许可 bound to the permit → 开工 → 竣工) and a pending permit item. */
  async function projectWithPermit() {
    const project = await insertProject(t().database);
    const [sign, permit, start, done] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const saved = await office.request('PUT', planUrl(project.id), {
      version: project.version,
      milestones: [
        { id: sign, name: '签约', kind: 'other', durationDays: 0, predecessorIds: [] },
        { id: permit, name: '施工许可', kind: 'other', durationDays: 30, predecessorIds: [sign], approvalTypeCode: 'construct_permit' },
        { id: start, name: '开工', kind: 'start', durationDays: 0, predecessorIds: [permit] },
        { id: done, name: '竣工', kind: 'completion', durationDays: 300, predecessorIds: [start] },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const item = await unit.post(itemsUrl(project.id), { typeCode: 'construct_permit', status: 'in_progress', appliedOn: '2026-09-01' });
    expect(item.statusCode).toBe(201);
    return { project, item: item.json() as { id: string; version: number } };
  }

  it('reaches the bound milestone on the day its approval item is approved, audited, and un-reaches it when un-approved', async () => {
    const { project, item } = await projectWithPermit();
    const before = await permitOf(project.id);
    expect(before).toMatchObject({ approvalTypeCode: 'construct_permit', actualFinish: null });
    expect(before?.approval).toMatchObject({ typeName: '建筑工程施工许可证', status: 'in_progress', approvedOn: null });

    const approved = await unit.patch(itemsUrl(project.id, item.id), { status: 'done', approvedOn: '2026-09-27', version: item.version });
    expect(approved.statusCode).toBe(200);
    expect(await permitOf(project.id)).toMatchObject({
      actualFinish: '2026-09-27',
      approval: { status: 'done', approvedOn: '2026-09-27' },
    });
    const event = await lastAuditEvent(t().database, 'plans.approval_followed', project.id);
    expect(event?.after).toMatchObject({ approvalItemId: item.id, milestones: [{ name: '施工许可', actualFinish: '2026-09-27' }] });

    // 项目动态 lists both changes, with what the page words them from.
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json().items as {
      kind: string;
      action: string | null;
      after: Record<string, unknown> | null;
    }[];
    const actions = timeline.filter((e) => e.kind === 'event').map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['approval_items.update', 'plans.approval_followed', 'approval_items.create', 'plans.update']),
    );
    expect(timeline.find((e) => e.action === 'approval_items.update')?.after).toMatchObject({ status: 'done', approvedOn: '2026-09-27' });

    // Redated, then un-approved: the milestone follows each time.
    const redated = await unit.patch(itemsUrl(project.id, item.id), { approvedOn: '2026-09-29', version: approved.json().version });
    expect((await permitOf(project.id))?.actualFinish).toBe('2026-09-29');
    await unit.patch(itemsUrl(project.id, item.id), { status: 'in_progress', approvedOn: null, version: redated.json().version });
    expect((await permitOf(project.id))?.actualFinish).toBeNull();
  });

  it('shows the leaders and units a change of the project names by name on its timeline', async () => {
    const project = await insertProject(t().database);
    const leader = (await t().database.db.select({ id: users.id }).from(users).where(eq(users.username, 'leader')))[0]?.id ?? '';
    const changed = await office.patch(`/api/v1/projects/${project.id}`, { leaderIds: [leader], version: project.version });
    expect(changed.statusCode).toBe(200);
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json().items as {
      action: string | null;
      after: Record<string, unknown> | null;
    }[];
    const update = timeline.find((e) => e.action === 'projects.update');
    const names = update?.after?.leaderIds as string[];
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(leader);
    expect(names[0]).toMatch(/\S/);
  });

  it('keeps the approval’s date when a plan save sends another one for the bound milestone', async () => {
    const { project, item } = await projectWithPermit();
    await unit.patch(itemsUrl(project.id, item.id), { status: 'done', approvedOn: '2026-09-27', version: item.version });
    const plan = await planOf(project.id);
    const edited = plan.milestones.map((m) => (m.name === '施工许可' ? { ...m, actualFinish: '2026-10-01' } : m));
    const saved = await office.request('PUT', planUrl(project.id), {
      version: plan.version,
      milestones: edited.map(({ id, name, actualStart, actualFinish, approvalTypeCode }, i) => ({
        id,
        name,
        kind: ['other', 'other', 'start', 'completion'][i],
        durationDays: 0,
        predecessorIds: [],
        actualStart,
        actualFinish,
        approvalTypeCode,
      })),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().milestones.find((m: PlanMilestone) => m.name === '施工许可').actualFinish).toBe('2026-09-27');
  });

  it('leaves a milestone whose approval item was removed unreached, and the plan’s own again', async () => {
    const { project, item } = await projectWithPermit();
    await unit.patch(itemsUrl(project.id, item.id), { status: 'done', approvedOn: '2026-09-27', version: item.version });
    expect((await unit.delete(itemsUrl(project.id, item.id))).statusCode).toBe(200);
    expect(await permitOf(project.id)).toMatchObject({ actualFinish: null, approval: null, approvalTypeCode: 'construct_permit' });
  });

  it('binds a template’s milestones to their approval types, reached at once by approvals already given', async () => {
    const project = await insertProject(t().database);
    const filing = await unit.post(itemsUrl(project.id), {
      typeCode: 'filing',
      status: 'done',
      appliedOn: '2026-04-01',
      approvedOn: '2026-04-25',
    });
    expect(filing.statusCode).toBe(201);
    const templates = (await office.get('/api/v1/plan-templates?categoryCode=industrial')).json().items as {
      id: string;
      name: string;
      items: { name: string; approvalTypeCode?: string }[];
    }[];
    const industrial = templates.find((tpl) => tpl.name === '产业项目标准计划');
    expect(industrial?.items.find((i) => i.name === '施工许可')?.approvalTypeCode).toBe('construct_permit');
    const applied = await office.post(`${planUrl(project.id)}/apply-template`, { templateId: industrial?.id, version: project.version });
    expect(applied.statusCode).toBe(200);
    const filed = (applied.json().milestones as PlanMilestone[]).find((m) => m.name === '立项备案');
    expect(filed).toMatchObject({ approvalTypeCode: 'filing', actualFinish: '2026-04-25' });
  });

  it('refuses a binding to an approval type the dictionary does not have, naming the milestone’s field', async () => {
    const project = await insertProject(t().database);
    const response = await office.request('PUT', planUrl(project.id), {
      version: project.version,
      milestones: [
        { id: crypto.randomUUID(), name: '施工许可', kind: 'other', durationDays: 1, predecessorIds: [], approvalTypeCode: 'nope' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([{ path: 'milestones.0.approvalTypeCode', message: '节点关联的审批事项类型不存在或已停用' }]);
    expect((await planOf(project.id)).milestones).toEqual([]);
  });
});
