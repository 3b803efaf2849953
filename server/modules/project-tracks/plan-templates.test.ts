import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { approvalItems, milestones, planTemplates, projects, users } from '../../db/schema';
import { insertProject, insertUnit, uniqueSuffix } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type Item = {
  name: string;
  kind: 'start' | 'completion' | 'other';
  durationDays: number;
  predecessors: number[];
  approvalTypeCode?: string | null;
};

/** 签约 → 立项备案 → 施工许可 → 开工 → 竣工, 施工许可 bound to its permit. */
const ITEMS: Item[] = [
  { name: '签约', kind: 'other', durationDays: 0, predecessors: [] },
  { name: '立项备案', kind: 'other', durationDays: 30, predecessors: [0] },
  { name: '施工许可', kind: 'other', durationDays: 30, predecessors: [1], approvalTypeCode: 'construct_permit' },
  { name: '开工', kind: 'start', durationDays: 0, predecessors: [2] },
  { name: '竣工', kind: 'completion', durationDays: 365, predecessors: [3] },
];

describeEachDatabase('plan templates and the report of unbound milestones', (t) => {
  let office: Client;
  let unitStaff: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  /** A template of its own, so the seeded ones other tests apply stay as they are. */
  async function insertTemplate() {
    const [row] = await t()
      .database.db.insert(planTemplates)
      .values({ name: `测试模板${uniqueSuffix()}`, categoryCode: null, items: ITEMS })
      .returning();
    if (!row) throw new Error('no template');
    return row;
  }
  const storedTemplate = async (id: string) => (await t().database.db.select().from(planTemplates).where(eq(planTemplates.id, id)))[0];
  const url = (id: string) => `/api/v1/plan-templates/${id}`;
  const put = (client: Client, id: string, body: unknown) => client.request('PUT', url(id), body);

  it('lets the office bind a milestone to an approval item type, unbind another and save in order: stored, listed, audited', async () => {
    const template = await insertTemplate();
    const items = ITEMS.map((item) =>
      item.name === '立项备案'
        ? { ...item, approvalTypeCode: 'filing' }
        : item.name === '施工许可'
          ? { ...item, approvalTypeCode: null }
          : item,
    );
    const response = await put(office, template.id, { items, version: template.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: template.id, version: template.version + 1 });
    const saved = response.json().items as Item[];
    expect(saved.map((i) => [i.name, i.approvalTypeCode ?? null])).toEqual([
      ['签约', null],
      ['立项备案', 'filing'],
      ['施工许可', null],
      ['开工', null],
      ['竣工', null],
    ]);

    // The list a project's plan starts from shows the binding.
    const listed = (await office.get('/api/v1/plan-templates')).json().items as { id: string; items: Item[] }[];
    expect(listed.find((x) => x.id === template.id)?.items[1]?.approvalTypeCode).toBe('filing');

    const event = await lastAuditEvent(t().database, 'plan_templates.update', template.id);
    expect(event).toMatchObject({ recordType: 'plan_template', actorName: 'office' });
    expect((event?.before as { items: Item[] } | undefined)?.items[2]?.approvalTypeCode).toBe('construct_permit');
    expect((event?.after as { items: Item[] } | undefined)?.items[1]?.approvalTypeCode).toBe('filing');

    // Applied to a project, the plan's 立项备案 is bound to the filing.
    const project = await insertProject(t().database);
    const applied = await office.post(`/api/v1/projects/${project.id}/plan/apply-template`, {
      templateId: template.id,
      version: project.version,
    });
    expect(applied.statusCode).toBe(200);
    const plan = applied.json().milestones as { name: string; approvalTypeCode: string | null }[];
    expect(plan.find((m) => m.name === '立项备案')?.approvalTypeCode).toBe('filing');
  });

  it('refuses a type bound twice, an unknown type, a type on 开工 and a later predecessor with 422 naming each field, in the reader’s language, and saves nothing', async () => {
    const template = await insertTemplate();
    const twice = ITEMS.map((item) => (item.name === '立项备案' ? { ...item, approvalTypeCode: 'construct_permit' } : item));
    const refused = await put(office, template.id, { items: twice, version: template.version });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('plan_template_invalid');
    expect(errorOf(refused).details).toEqual([
      {
        path: 'items.2.approvalTypeCode',
        message: '“建筑工程施工许可证”已绑定在第 2 个节点“立项备案”上，同一模板中一类审批事项只能绑定一个节点',
      },
    ]);

    const wrong = ITEMS.map((item, i) =>
      i === 0
        ? { ...item, approvalTypeCode: 'no_such_type' }
        : item.kind === 'start'
          ? { ...item, approvalTypeCode: 'filing' }
          : item.kind === 'completion'
            ? { ...item, predecessors: [4] }
            : item,
    );
    const many = await put(office, template.id, { items: wrong, version: template.version });
    expect(many.statusCode).toBe(422);
    expect(errorOf(many).details?.map((d) => d.path)).toEqual([
      'items.0.approvalTypeCode',
      'items.3.approvalTypeCode',
      'items.4.predecessors',
    ]);
    expect(errorOf(many).details?.[0]?.message).toBe('节点关联的审批事项类型不存在或已停用');

    await t().database.db.update(users).set({ locale: 'en-US' }).where(eq(users.username, 'office'));
    try {
      const english = await put(office, template.id, { items: twice, version: template.version });
      expect(errorOf(english).details?.[0]?.message).toBe(
        '"Construction permit" is already bound to milestone 2 "立项备案"; a template binds each approval item type to one milestone at most',
      );
    } finally {
      await t().database.db.update(users).set({ locale: 'zh-CN' }).where(eq(users.username, 'office'));
    }

    const stale = await put(office, template.id, { items: ITEMS, version: template.version + 5 });
    expect(stale.statusCode).toBe(409);
    // A unit keeps its projects' plans, not the district's templates.
    expect((await put(unitStaff, template.id, { items: ITEMS, version: template.version })).statusCode).toBe(403);

    const after = await storedTemplate(template.id);
    expect(after?.version).toBe(template.version);
    expect(after?.items).toEqual(ITEMS);
    expect(await lastAuditEvent(t().database, 'plan_templates.update', template.id)).toBeNull();
  });

  it('reports the milestones left unbound where the approval item says another day, in the reader’s scope, and binds one to the item’s date', async () => {
    const { database } = t();
    const tag = `未绑定${uniqueSuffix()}`;
    const planned = async (name: string, regionCode: string, leadUnitId?: string) => {
      const project = await insertProject(database, { name: `${tag}${name}`, regionCode, ...(leadUnitId ? { leadUnitId } : {}) });
      const [permit] = await database.db
        .insert(milestones)
        .values({
          projectId: project.id,
          name: '施工许可',
          kind: 'other',
          actualStart: '2026-09-01',
          actualFinish: '2026-10-01',
          sortOrder: 0,
        })
        .returning({ id: milestones.id });
      await database.db.insert(milestones).values({ projectId: project.id, name: '开工', kind: 'start', sortOrder: 1 });
      return { project, permitId: permit?.id ?? '' };
    };
    const disagreeing = await planned('甲', '370105');
    const agreeing = await planned('乙', '370105');
    const far = await insertUnit(database, { regionCode: OTHER_REGION.code });
    const elsewhere = await planned('丙', OTHER_REGION.code, far.id);
    await database.db.insert(approvalItems).values([
      {
        projectId: disagreeing.project.id,
        typeCode: 'construct_permit',
        status: 'done',
        appliedOn: '2026-09-01',
        approvedOn: '2026-09-27',
      },
      { projectId: agreeing.project.id, typeCode: 'construct_permit', status: 'done', appliedOn: '2026-09-01', approvedOn: '2026-10-01' },
      { projectId: elsewhere.project.id, typeCode: 'construct_permit', status: 'done', approvedOn: '2026-09-20' },
    ]);

    const report = async (client: Client) =>
      (await client.get(`/api/v1/plans/unbound-milestones?q=${encodeURIComponent(tag)}`)).json().items as Record<string, unknown>[];
    expect(await report(office)).toEqual([
      {
        projectId: disagreeing.project.id,
        projectName: `${tag}甲`,
        projectVersion: disagreeing.project.version,
        milestoneId: disagreeing.permitId,
        milestoneName: '施工许可',
        approvalTypeCode: 'construct_permit',
        approvalTypeName: '建筑工程施工许可证',
        planDate: '2026-10-01',
        approvalDate: '2026-09-27',
        bindable: true,
      },
    ]);
    // Another district's project is absent; its own office sees it.
    expect((await report(otherAdmin)).map((row) => row.projectId)).toEqual([elsewhere.project.id]);

    // Binding it needs the version read; the milestone takes the permit's date, the plan's version moves on.
    const bindUrl = `/api/v1/projects/${disagreeing.project.id}/plan/milestones/${disagreeing.permitId}/bind`;
    expect((await office.post(bindUrl, { version: disagreeing.project.version + 3 })).statusCode).toBe(409);
    expect((await otherAdmin.post(bindUrl, { version: disagreeing.project.version })).statusCode).toBe(404);
    const bound = await office.post(bindUrl, { version: disagreeing.project.version });
    expect(bound.statusCode).toBe(200);
    const [row] = await database.db.select().from(milestones).where(eq(milestones.id, disagreeing.permitId));
    expect(row).toMatchObject({ approvalTypeCode: 'construct_permit', actualFinish: '2026-09-27', actualStart: '2026-09-01' });
    const [project] = await database.db.select().from(projects).where(eq(projects.id, disagreeing.project.id));
    expect(project?.version).toBe(disagreeing.project.version + 1);
    const event = await lastAuditEvent(database, 'plans.milestone_bound', disagreeing.project.id);
    expect(event?.before).toMatchObject({ milestones: [{ name: '施工许可', approvalTypeCode: null, actualFinish: '2026-10-01' }] });
    expect(event?.after).toMatchObject({
      approvalTypeCode: 'construct_permit',
      milestones: [{ name: '施工许可', approvalTypeCode: 'construct_permit', actualFinish: '2026-09-27' }],
    });
    expect(await report(office)).toEqual([]);

    // Bound already: refused, nothing changes.
    const again = await office.post(bindUrl, { version: disagreeing.project.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('conflict');
  });
});
