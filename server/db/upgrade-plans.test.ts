import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { type Database, createPglite, openDatabase } from './client';
import { loadMigrations, migrate, rowsOf } from './migrate';
import { ensureReferenceData } from './reference-data';
import { approvalItems, milestones, planTemplates, projects, units } from './schema';

let database: Database | undefined;
afterAll(async () => {
  await database?.close();
});

it('binds the plans and templates of an installation from before one fact in one place, where the facts agree, and dates their 开工 and 竣工 from the project', async () => {
  database = await openDatabase({ pglite: await createPglite() });
  const migrations = loadMigrations();
  const upgrade = migrations.findIndex((m) => m.tag === '0027_bind_existing_plans');
  expect(upgrade).toBeGreaterThan(0);
  await migrate(database, migrations.slice(0, upgrade));
  await ensureReferenceData(database.db);
  const db = database.db;

  // The templates as the earlier release stored them: no bindings; one an administrator had unbound on purpose.
  await db.execute(sql`update plan_templates set items = (select jsonb_agg(item - 'approvalTypeCode' order by ord)
    from jsonb_array_elements(items) with ordinality as e(item, ord))`);
  const [template] = await db.select().from(planTemplates).limit(1);
  type Item = { name: string; approvalTypeCode?: string | null };
  const items = template?.items as Item[];
  const permit = items.findIndex((item) => item.name === '施工许可');
  expect(permit).toBeGreaterThanOrEqual(0);
  const keptUnbound = items.findIndex(
    (item, i) => i !== permit && ['立项审批', '立项', '立项备案', '供地', '规划许可'].includes(item.name),
  );
  expect(keptUnbound).toBeGreaterThanOrEqual(0);
  const edited = items.map((item, i) => (i === keptUnbound ? { ...item, approvalTypeCode: null } : item));
  await db
    .update(planTemplates)
    .set({ items: edited })
    .where(eq(planTemplates.id, template?.id ?? ''));

  // Two projects with plans from before: one with planned dates, approval items that agree with one milestone and
  // disagree with another; one without planned dates, and a 开工 already dated in its plan.
  const [unit] = await db
    .insert(units)
    .values({ name: '升级测试单位', kind: 'bureau', regionCode: '370105', path: '' })
    .returning({ id: units.id });
  // Written with the columns of that time (a later migration's column does not exist yet).
  const project = async (values: { plannedStart?: string; plannedCompletion?: string }) => {
    const [row] = rowsOf<{ id: string; version: number }>(
      await db.execute(sql`insert into projects (region_code, name, lead_unit_id, planned_start, planned_completion)
        values ('370105', ${`升级测试${Math.random()}`}, ${unit?.id ?? ''}, ${values.plannedStart ?? null}, ${values.plannedCompletion ?? null})
        returning id, version`),
    );
    if (!row) throw new Error('no project');
    return row;
  };
  const dated = await project({ plannedStart: '2025-03-01', plannedCompletion: '2026-06-30' });
  const undated = await project({});
  const milestone = async (projectId: string, name: string, kind: 'start' | 'completion' | 'other', extra = {}) => {
    const [row] = await db
      .insert(milestones)
      .values({ projectId, name, kind, ...extra })
      .returning({ id: milestones.id });
    return row?.id ?? '';
  };
  const start = await milestone(dated.id, '开工', 'start');
  const completion = await milestone(dated.id, '竣工', 'completion');
  const permitDone = await milestone(dated.id, '施工许可', 'other', { actualStart: '2025-01-20', actualFinish: '2025-02-10' });
  const approvalDisagrees = await milestone(dated.id, '立项', 'other');
  const landFree = await milestone(dated.id, '供地', 'other');
  const undatedStart = await milestone(undated.id, '开工', 'start');
  const alreadyDated = await milestone(undated.id, '竣工', 'completion', { plannedFinish: '2028-12-31' });
  await db.insert(approvalItems).values([
    { projectId: dated.id, typeCode: 'construct_permit', status: 'done', approvedOn: '2025-02-10' },
    { projectId: dated.id, typeCode: 'approval', status: 'done', approvedOn: '2024-12-01' },
  ]);

  // Up to this upgrade only: later migrations change projects for their own reasons (0032 the land need's version).
  await migrate(database, migrations.slice(0, upgrade + 1));

  const [upgradedTemplate] = await db
    .select()
    .from(planTemplates)
    .where(eq(planTemplates.id, template?.id ?? ''));
  const upgradedItems = upgradedTemplate?.items as Item[];
  expect(upgradedItems[permit]?.approvalTypeCode).toBe('construct_permit');
  expect(upgradedItems[keptUnbound]?.approvalTypeCode).toBeNull();
  expect(upgradedItems.map((item) => item.name)).toEqual(items.map((item) => item.name));

  const byId = new Map((await db.select().from(milestones)).map((m) => [m.id, m]));
  expect(byId.get(permitDone)?.approvalTypeCode).toBe('construct_permit');
  // The approval item says 立项 was approved on 1 December, the plan says it is not reached: left for the office.
  expect(byId.get(approvalDisagrees)?.approvalTypeCode).toBeNull();
  expect(byId.get(landFree)?.approvalTypeCode).toBe('land_contract');
  expect(byId.get(start)?.plannedFinish).toBe('2025-03-01');
  expect(byId.get(completion)?.plannedFinish).toBe('2026-06-30');
  expect(byId.get(undatedStart)?.plannedFinish).toBeNull();
  expect(byId.get(alreadyDated)?.plannedFinish).toBe('2028-12-31');

  // An editor open on the old plan must reload: the plan's version (its project's) moved on; the other did not.
  const versions = new Map((await db.select({ id: projects.id, version: projects.version }).from(projects)).map((p) => [p.id, p.version]));
  expect(versions.get(dated.id)).toBeGreaterThan(dated.version);
  expect(versions.get(undated.id)).toBe(undated.version);
}, 120_000);
