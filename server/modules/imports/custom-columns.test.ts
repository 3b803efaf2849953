import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import type { ImportJob } from '../../../common/schemas/imports';
import { projects } from '../../db/schema';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { LEDGER_HEADER_ROWS } from '../exports/ledger';
import { columnLetter } from '../../lib/spreadsheets/sheet-reader';
import { projectsWorkbook, testDataDir, uploadAndSettle } from './test-workbooks';

// Custom fields in the spreadsheets: one column per definition of the district in the template, the import, the
// re-importable list and the ledger, read and written with the rules of common/domain/custom-fields.ts.

const LEAD = '北园街道办事处';
const MARKER = '自定义列测试';

async function sheetOf(response: LightMyRequestResponse, name?: string): Promise<ExcelJS.Worksheet> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = name ? workbook.getWorksheet(name) : workbook.worksheets[0];
  if (!sheet) throw new Error(`the workbook has no sheet ${name ?? ''}`);
  return sheet;
}

/** The header texts of a row, by column number. */
const headersOf = (sheet: ExcelJS.Worksheet, row = 1) => {
  const headers: string[] = [];
  sheet.getRow(row).eachCell((cell, column) => {
    headers[column] = String(cell.value ?? '');
  });
  return headers;
};

describeEachDatabase(
  'imports and exports: custom-field columns',
  (t) => {
    let admin: Client;
    let office: Client;

    const commit = async (job: ImportJob) => {
      const response = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(response.statusCode, response.body).toBe(200);
    };
    const storedValues = async (name: string) =>
      (await t().database.db.select({ values: projects.customValues }).from(projects).where(eq(projects.name, name)))[0]?.values;

    beforeAll(async () => {
      admin = await signInAs(t().app, 'admin');
      office = await signInAs(t().app, 'office');
      const fields = [
        { key: 'capacity', label: '设计产能（万吨）', labelEn: 'Capacity (10k t)', type: 'number' },
        {
          key: 'stage',
          label: '招商阶段',
          labelEn: 'Attraction stage',
          type: 'choice',
          options: ['洽谈', '签约', '落地'],
          required: true,
          categoryCode: 'industrial',
        },
        { key: 'licence_date', label: '许可日期', labelEn: 'Licence date', type: 'date' },
        // Its label is a header of the sheet already: it gets no column rather than one nobody can tell apart.
        { key: 'dup_name', label: '项目名称', labelEn: 'Duplicate name', type: 'text' },
      ];
      for (const [i, field] of fields.entries()) {
        const response = await admin.post('/api/v1/custom-fields', { sortOrder: i, ...field });
        expect(response.statusCode, response.body).toBe(201);
      }
    });

    it('puts one column per field in the template, a choice field with its options as a drop-down', async () => {
      const sheet = await sheetOf(await office.get('/api/v1/imports/templates/projects'));
      const headers = headersOf(sheet);
      const capacity = headers.indexOf('设计产能（万吨）');
      const stage = headers.indexOf('招商阶段');
      expect(capacity).toBeGreaterThan(0);
      expect(stage).toBe(capacity + 1);
      expect(headers[stage + 1]).toBe('许可日期');
      expect(headers.filter((h) => h?.startsWith('项目名称'))).toHaveLength(1);
      const letter = columnLetter(stage);
      const validation = sheet.getCell(`${letter}2`).dataValidation;
      expect(validation?.type).toBe('list');
      const [range] = validation?.formulae ?? [];
      const match = /^lists!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(String(range));
      expect(match, String(range)).not.toBeNull();
      const lists = sheet.workbook.getWorksheet('lists');
      const options = [2, 3, 4].map((row) => lists?.getCell(`${match?.[1]}${row}`).value);
      expect(options).toEqual(['洽谈', '签约', '落地']);
    });

    it('imports the values in their stored form and names the column of every bad one', async () => {
      const bad = await projectsWorkbook([
        { 项目名称: `甲${MARKER}`, 责任单位: LEAD, 项目类别: '产业项目', 招商阶段: '未知', '设计产能（万吨）': '很多' },
        { 项目名称: `乙${MARKER}`, 责任单位: LEAD, 许可日期: '2026-02-30' },
        { 项目名称: `丙${MARKER}`, 责任单位: LEAD, 项目类别: '产业项目' },
      ]);
      const refused = await uploadAndSettle(office, 'projects', bad);
      expect(refused.status).toBe('invalid');
      const problems = refused.problems.map((p) => ({ row: p.row, label: p.columnLabel, code: p.code, message: p.message }));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            row: 2,
            label: '招商阶段',
            code: 'customValue.not_in_options',
            message: '「招商阶段」只能选择：洽谈、签约、落地',
          }),
          expect.objectContaining({ row: 2, label: '设计产能（万吨）', code: 'customValue.not_number' }),
          expect.objectContaining({ row: 3, label: '许可日期', code: 'customValue.not_date' }),
          // An industrial project must say its stage, in the sheet as in the form.
          expect.objectContaining({ row: 4, label: '招商阶段', code: 'customValue.required', message: '请填写「招商阶段」' }),
        ]),
      );
      expect(refused.problems.every((p) => p.column !== null)).toBe(true);

      const good = await projectsWorkbook([
        {
          项目名称: `甲${MARKER}`,
          责任单位: LEAD,
          项目代码: '2019-370105-35-03-771001',
          项目类别: '产业项目',
          招商阶段: '签约',
          '设计产能（万吨）': '1,200.5',
          许可日期: '2026年5月1日',
          // In this year's ledger.
          计划开工日期: `${todayInChina().slice(0, 4)}-03-01`,
        },
        { 项目名称: `乙${MARKER}`, 责任单位: LEAD, 项目代码: '2019-370105-47-03-771002', '设计产能（万吨）': 30 },
      ]);
      const ready = await uploadAndSettle(office, 'projects', good);
      expect(ready.problems).toEqual([]);
      await commit(ready);
      expect(await storedValues(`甲${MARKER}`)).toEqual({ capacity: 1200.5, stage: '签约', licence_date: '2026-05-01' });
      expect(await storedValues(`乙${MARKER}`)).toEqual({ capacity: 30 });
    });

    it('exports the values in their columns, and the exported file imports back changing nothing', async () => {
      const response = await office.get(`/api/v1/projects/export.xlsx?q=${encodeURIComponent(MARKER)}&sort=name`);
      const sheet = await sheetOf(response);
      const headers = headersOf(sheet);
      const column = (header: string) => headers.indexOf(header);
      const rowOf = (name: string) => {
        let found: ExcelJS.Row | undefined;
        sheet.eachRow((row) => {
          if (row.getCell(column('项目名称')).value === name) found = row;
        });
        if (!found) throw new Error(`no row for ${name}`);
        return found;
      };
      const first = rowOf(`甲${MARKER}`);
      expect(first.getCell(column('设计产能（万吨）')).value).toBe(1200.5);
      expect(first.getCell(column('招商阶段')).value).toBe('签约');
      expect(first.getCell(column('许可日期')).value).toEqual(new Date('2026-05-01T00:00:00Z'));
      expect(first.getCell(column('许可日期')).numFmt).toBe('yyyy-mm-dd');
      expect(rowOf(`乙${MARKER}`).getCell(column('招商阶段')).value).toBeNull();

      const again = await uploadAndSettle(office, 'projects', Buffer.from(response.rawPayload));
      expect(again.problems).toEqual([]);
      expect(again.summary).toEqual({ create: 0, update: 0 });
    });

    it('clears a value whose cell is emptied, and keeps the values of columns the sheet leaves out', async () => {
      const file = await projectsWorkbook([
        { 项目名称: `甲${MARKER}`, 责任单位: LEAD, 项目代码: '2019-370105-35-03-771001', 许可日期: null },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 0, update: 1 });
      await commit(job);
      expect(await storedValues(`甲${MARKER}`)).toEqual({ capacity: 1200.5, stage: '签约' });
    });

    it('shows the fields in the ledger after its fixed columns, headed with their labels', async () => {
      const sheet = await sheetOf(await office.get(`/api/v1/projects/ledger.xlsx?q=${encodeURIComponent(MARKER)}`));
      const headers = headersOf(sheet, LEDGER_HEADER_ROWS);
      const stage = headers.indexOf('招商阶段');
      expect(stage).toBeGreaterThan(headers.indexOf('计划竣工'));
      let shown: ExcelJS.CellValue = null;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === `甲${MARKER}`) shown = row.getCell(stage).value;
      });
      expect(shown).toBe('签约');
    });
  },
  { dataDir: testDataDir() },
);
