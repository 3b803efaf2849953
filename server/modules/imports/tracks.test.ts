import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { approvalItems, fundingLines, importJobs } from '../../db/schema';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { buildProject } from '../../test/factories';
import { failInterruptedImports } from './jobs-repository';
import { settled, testDataDir, uploadAndSettle, workbookOf } from './test-workbooks';

describeEachDatabase(
  'imports: approval items and funding lines',
  (t) => {
    let office: Client;
    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    it('adds approval items to the projects the rows name, and updates an item of the same type', async () => {
      const project = await buildProject(office, t().database, { name: '审批导入项目', code: '2019-370105-47-03-666666' });
      const first = await workbookOf(
        ['项目代码', '项目名称', '审批事项', '办理状态', '申报日期', '批复日期', '批复文号'],
        [
          ['2019-370105-47-03-666666', null, '项目备案', '办理中', '2026-01-05', null, null],
          [null, '审批导入项目', '用地预审与选址意见书', '已办结', '2026-01-10', '2026-02-01', '济天自然资预〔2026〕1号'],
        ],
        '审批事项',
      );
      const job = await uploadAndSettle(office, 'approval_items', first);
      expect(job.failure).toBeNull();
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 2, update: 0 });
      expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      const update = await workbookOf(
        ['项目代码', '审批事项', '办理状态', '批复日期'],
        [['2019-370105-47-03-666666', '项目备案', '已办结', '2026-03-01']],
      );
      const second = await uploadAndSettle(office, 'approval_items', update);
      expect(second.summary).toEqual({ create: 0, update: 1 });
      expect((await office.post(`/api/v1/imports/${second.id}/commit`)).statusCode).toBe(200);
      const items = await t().database.db.select().from(approvalItems).where(eq(approvalItems.projectId, project.id));
      expect(items.find((i) => i.typeCode === 'filing')).toMatchObject({
        status: 'done',
        appliedOn: '2026-01-05',
        approvedOn: '2026-03-01',
      });
      expect(items.find((i) => i.typeCode === 'land_presite')).toMatchObject({ documentNumber: '济天自然资预〔2026〕1号' });
    });

    it('reports approval rules and unknown projects by row and column', async () => {
      const file = await workbookOf(
        ['项目代码', '项目名称', '审批事项', '办理状态', '申报日期', '批复日期'],
        [
          [null, '没有这个项目', '项目备案', '办理中', null, null],
          ['2019-370105-47-03-666666', null, '项目核准', '已办结', '2026-02-01', null],
          ['2019-370105-47-03-666666', null, '立项审批', '办理中', '2026-02-01', '2026-01-01'],
        ],
      );
      const job = await uploadAndSettle(office, 'approval_items', file);
      expect(job.problems.map((p) => [p.row, p.columnLabel, p.code])).toEqual([
        [2, '项目名称', 'import.project_unknown'],
        [3, '批复日期', 'approval.done_needs_approved_on'],
        [4, '批复日期', 'approval.approved_before_applied'],
      ]);
    });

    it('imports funding lines in 万元 as whole 元', async () => {
      const project = await buildProject(office, t().database, { name: '资金导入项目' });
      const file = await workbookOf(
        ['项目名称', '资金来源', '计划金额（万元）', '到位金额（万元）'],
        [['资金导入项目', '地方政府专项债', 5000.5, '1,200.25']],
        '资金来源',
      );
      const job = await uploadAndSettle(office, 'funding_lines', file);
      expect(job.problems).toEqual([]);
      expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      const [line] = await t().database.db.select().from(fundingLines).where(eq(fundingLines.projectId, project.id));
      expect(line).toMatchObject({ sourceCode: 'special_bond', plannedYuan: 50_005_000, receivedYuan: 12_002_500 });
    });

    it('fails jobs a crash left validating or committing, with the reason', async () => {
      const job = await uploadAndSettle(
        office,
        'funding_lines',
        await workbookOf(['项目名称', '资金来源'], [['资金导入项目', '财政资金']]),
      );
      await t().database.db.update(importJobs).set({ status: 'committing' }).where(eq(importJobs.id, job.id));
      expect(await failInterruptedImports(t().database.db)).toBeGreaterThanOrEqual(1);
      const after = await settled(office, job.id);
      expect(after.status).toBe('failed');
      expect(after.failure).toMatch(/服务中断/);
    });
  },
  { dataDir: testDataDir() },
);
