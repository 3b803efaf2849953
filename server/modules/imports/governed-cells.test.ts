import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import { milestones, projects } from '../../db/schema';
import { insertProject } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { projectsWorkbook, testDataDir, uploadAndSettle } from './test-workbooks';

// A unit's sheet changing a field the project office keeps (field_locked) or a date the plan decides (field_from_plan)
// is told cell by cell in the import's check, before commit, by the rules the project writer itself applies.

const LEAD = '北园街道办事处';

describeEachDatabase(
  'imports: governed cells are row problems before commit',
  (t) => {
    let office: Client;
    let unitStaff: Client;
    const problemsOf = (job: ImportJob) => job.problems.map((p) => ({ row: p.row, column: p.columnLabel, message: p.message }));
    const stored = async (id: string) => (await t().database.db.select().from(projects).where(eq(projects.id, id)))[0];

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      unitStaff = await signInAs(t().app, 'unit');
    });

    /** Two projects of the unit: one whose plan's 开工 milestone decides its planned start, one without a plan. */
    async function unitProjects(suffix: string) {
      const planned = await insertProject(t().database, {
        name: `管控字段导入甲${suffix}`,
        totalInvestmentYuan: 300_000_000,
        plannedStart: '2025-03-01',
      });
      await t().database.db.insert(milestones).values({ projectId: planned.id, name: '开工', kind: 'start', plannedFinish: '2025-03-01' });
      const plain = await insertProject(t().database, { name: `管控字段导入乙${suffix}`, totalInvestmentYuan: 300_000_000 });
      const file = await projectsWorkbook([
        // Levels and total investment changed, the planned start moved off the plan's, the contact changed.
        {
          项目名称: planned.name,
          责任单位: LEAD,
          省级重点: '是',
          '总投资（万元）': 90_000,
          计划开工日期: '2025-05-01',
          联系人: '王磊',
        },
        // The governed fields as they are (否, 30000 万元, its own planned start), only the contact changed: fine.
        { 项目名称: plain.name, 责任单位: LEAD, 省级重点: '否', '总投资（万元）': 30_000, 计划开工日期: '2025-03-01', 联系人: '李娜' },
      ]);
      return { planned, plain, file };
    }

    it('lists each governed cell a unit’s row changes as a problem of its row and column, in the unit’s words, and writes nothing', async () => {
      const { planned, plain, file } = await unitProjects('一');
      const job = await uploadAndSettle(unitStaff, 'projects', file);
      expect(job.status).toBe('invalid');
      expect(problemsOf(job)).toEqual([
        { row: 2, column: '省级重点', message: '“省级重点”由项目办维护，您无权修改' },
        { row: 2, column: '总投资（万元）', message: '“总投资”由项目办维护，您无权修改' },
        { row: 2, column: '计划开工日期', message: '“计划开工”由推进计划的“开工”节点确定，请在推进计划中修改' },
      ]);
      const commit = await unitStaff.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode).toBe(409);
      expect(errorOf(commit).code).toBe('import_not_ready');
      expect(await stored(planned.id)).toMatchObject({ isProvincialKey: false, contactName: null, plannedStart: '2025-03-01' });
      expect(Number((await stored(planned.id))?.totalInvestmentYuan)).toBe(300_000_000);
      expect((await stored(plain.id))?.contactName).toBeNull();
    });

    it('lets the project office change the governed fields, while the plan’s date stays the plan’s for everyone', async () => {
      const { file } = await unitProjects('二');
      const job = await uploadAndSettle(office, 'projects', file);
      expect(problemsOf(job)).toEqual([
        { row: 2, column: '计划开工日期', message: '“计划开工”由推进计划的“开工”节点确定，请在推进计划中修改' },
      ]);
    });

    it('commits the unit’s sheet once it keeps to its own fields', async () => {
      const { planned } = await unitProjects('三');
      const clean = await projectsWorkbook([{ 项目名称: planned.name, 责任单位: LEAD, 计划开工日期: '2025-03-01', 联系人: '王磊' }]);
      const job = await uploadAndSettle(unitStaff, 'projects', clean);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 0, update: 1 });
      expect((await unitStaff.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      expect((await stored(planned.id))?.contactName).toBe('王磊');
    });
  },
  { dataDir: testDataDir() },
);
