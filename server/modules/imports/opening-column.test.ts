import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import type { ImportJob } from '../../../common/schemas/imports';
import { projects } from '../../db/schema';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { projectsWorkbook, testDataDir, uploadAndSettle } from './test-workbooks';

// The 期初累计完成投资 column of the projects sheet: what a project had completed before its reports in Lantu, read
// under the headers ledgers give it, as of the month-end beside it or, with none, the end of last year (截至上年底).

const LEAD = '北园街道办事处';
const MARKER = '期初累计导入测试';

describeEachDatabase(
  'imports: the opening completed investment column (期初累计完成投资)',
  (t) => {
    let office: Client;
    const stored = async (name: string) => (await t().database.db.select().from(projects).where(eq(projects.name, name)))[0];
    const lastYearEnd = `${Number(todayInChina().slice(0, 4)) - 1}-12-31`;

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    it('reads the amount under its synonyms in 万元, as of the month given or else the end of last year', async () => {
      // Two ledgers, two headers: 截至上年底 without a date, and 期初累计 with the month it stands at.
      const lastYears = await projectsWorkbook([
        { 项目名称: `上年底${MARKER}`, 责任单位: LEAD, '总投资（万元）': 20_000, '截至上年底累计完成投资（万元）': 8_000.5 },
        { 项目名称: `未填${MARKER}`, 责任单位: LEAD, '总投资（万元）': 20_000 },
      ]);
      const dated = await projectsWorkbook([
        { 项目名称: `注明截至${MARKER}`, 责任单位: LEAD, '总投资（万元）': 20_000, 期初累计完成投资: 3_000, 期初累计截至年月: '2024年6月' },
      ]);
      for (const file of [lastYears, dated]) {
        const job = await uploadAndSettle(office, 'projects', file);
        expect(job.problems).toEqual([]);
        expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      }
      expect(await stored(`上年底${MARKER}`)).toMatchObject({ openingCompletedYuan: 80_005_000, openingCompletedAsOf: lastYearEnd });
      expect(await stored(`注明截至${MARKER}`)).toMatchObject({ openingCompletedYuan: 30_000_000, openingCompletedAsOf: '2024-06-30' });
      expect(await stored(`未填${MARKER}`)).toMatchObject({ openingCompletedYuan: null, openingCompletedAsOf: null });
    });

    it('answers an amount above the total investment as a problem on its cell, and writes nothing', async () => {
      const name = `超过总投资${MARKER}`;
      const file = await projectsWorkbook([{ 项目名称: name, 责任单位: LEAD, '总投资（万元）': 1_000, 以前年度累计完成投资: 1_200 }]);
      const job: ImportJob = await uploadAndSettle(office, 'projects', file);
      expect(job.status).toBe('invalid');
      expect(job.problems.map((p) => ({ row: p.row, column: p.columnLabel, message: p.message }))).toEqual([
        // The column as the template names it, whatever the sheet's header (以前年度累计完成投资).
        { row: 2, column: '期初累计完成投资（万元）', message: '期初累计完成投资不能大于总投资' },
      ]);
      expect(await stored(name)).toBeUndefined();
    });

    it('offers both columns in the template, with the rule in its instructions', async () => {
      const response = await office.get('/api/v1/imports/templates/projects');
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const header = ((workbook.worksheets[0]?.getRow(1).values ?? []) as unknown[]).map(String);
      expect(header).toContain('期初累计完成投资（万元）');
      expect(header).toContain('期初累计截至日期');
      const notes: string[] = [];
      workbook.worksheets[1]?.eachRow((row) => notes.push(String(row.getCell(1).value)));
      expect(notes.join('\n')).toContain('截至日期留空时按上年底计');
    });
  },
  { dataDir: testDataDir() },
);
