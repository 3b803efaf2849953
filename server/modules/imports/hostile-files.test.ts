import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import { projects } from '../../db/schema';
import { type Dialect, handWrittenWorkbook } from '../../lib/spreadsheets/hand-written';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { settled, testDataDir, upload } from './test-workbooks';

type Cell = string | number | boolean | null;

// Problems that concern a whole row (no single cell is at fault) or the sheet's header as a whole.
const ROW_LEVEL = new Set([
  'import.cannot_create',
  'import.project_not_editable',
  'import.column_missing',
  'import.header_not_found',
  'import.unmapped_columns',
]);

const HEADERS = ['项目名称', '责任单位', '总投资（万元）', '计划开工日期', '项目代码', '包挂领导', '备注说明', ''];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom('北园街道办事处', '天桥广场', '3.2亿', '６，０００', '—', '2024年3月', '=1+1', '小计', '一、产业项目', '  '),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const sheetArb = fc.record({
  title: fc.option(fc.constantFrom('2024年全区重点项目台账', '填报单位：区发改局'), { nil: undefined }),
  header: fc.shuffledSubarray(HEADERS, { minLength: 0, maxLength: HEADERS.length }),
  rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 6 }),
  writer: fc.constantFrom<'exceljs' | Dialect>(
    'exceljs',
    { refs: false, strings: 'shared', styles: true },
    { refs: false, strings: 'inline', styles: false },
    { refs: true, strings: 'inline', styles: false },
  ),
});

async function written(rows: Cell[][], writer: 'exceljs' | Dialect): Promise<Buffer> {
  if (writer !== 'exceljs') return handWrittenWorkbook(rows, writer);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase(
  'imports: hostile and odd files',
  (t) => {
    let office: Client;
    const projectCount = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(projects))[0]?.n);

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    it('reads a valid workbook whose cells carry no reference, placing them by order', async () => {
      const file = await handWrittenWorkbook(
        [
          ['项目名称', '责任单位', '总投资（万元）'],
          ['无引用单元格项目', '北园街道办事处', 1200.5],
        ],
        { refs: false, strings: 'inline', styles: false },
      );
      const response = await upload(office, 'projects', file);
      expect(response.statusCode, response.body).toBe(202);
      const job = await settled(office, (response.json() as ImportJob).id);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', totalRows: 1, summary: { create: 1, update: 0 } });
    });

    it('never answers 5xx; every problem names its row and, unless it concerns the whole row, its column; nothing is written from a file with problems', async () => {
      await fc.assert(
        fc.asyncProperty(sheetArb, async ({ title, header, rows, writer }) => {
          const sheet: Cell[][] = [...(title ? [[title]] : []), header, ...rows];
          const before = await projectCount();
          const response = await upload(office, 'projects', await written(sheet, writer));
          expect(response.statusCode, response.body).toBeLessThan(500);
          if (response.statusCode !== 202) return;
          const job = await settled(office, (response.json() as ImportJob).id);
          expect(['invalid', 'ready', 'failed']).toContain(job.status);
          for (const problem of job.problems) {
            if (problem.code === 'import.empty_sheet') continue;
            expect(problem.row, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
            if (!ROW_LEVEL.has(problem.code)) expect(problem.column, JSON.stringify(problem)).not.toBeNull();
          }
          if (job.status !== 'ready') {
            const commit = await office.post(`/api/v1/imports/${job.id}/commit`, {});
            expect(commit.statusCode).toBe(409);
            expect(await projectCount()).toBe(before);
          }
        }),
        { numRuns: 30 },
      );
    }, 240_000);
  },
  { dataDir: testDataDir() },
);
