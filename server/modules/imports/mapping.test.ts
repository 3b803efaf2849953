import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import { importJobs, projects } from '../../db/schema';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { settled, testDataDir, uploadAndSettle, workbookOf } from './test-workbooks';

const LEAD = '北园街道办事处';
// A ledger whose name column is headed in a way no field knows, with areas in square metres and 万平方米.
const HEADER = ['工程', '责任单位', '总投资（亿元）', '用地面积（平方米）', '建筑面积（万平方米）'];
const ledger = (suffix: string) =>
  workbookOf(HEADER, [
    [`列对应甲项目${suffix}`, LEAD, 1.5, 10_000, 1.2],
    [`列对应乙项目${suffix}`, LEAD, '3000万', '20亩', '8000平方米'],
  ]);

describeEachDatabase(
  'imports: the mapping step',
  (t) => {
    let office: Client;
    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    const map = (job: ImportJob, columns: { column: string; field: string | null }[]) =>
      office.request('PUT', `/api/v1/imports/${job.id}/mapping`, { columns });

    it('shows each column with its field, confidence and samples; a chosen mapping is checked again, saved, and offered to the next file of the same shape', async () => {
      const first = await uploadAndSettle(office, 'projects', await ledger('一'));
      expect(first.status).toBe('invalid');
      expect(first.problems.map((p) => p.code)).toEqual(['import.column_missing']);
      expect(first.reading?.columns).toEqual([
        { column: 'A', header: '工程', field: null, fieldLabel: null, confidence: 'none', samples: ['列对应甲项目一', '列对应乙项目一'] },
        { column: 'B', header: '责任单位', field: 'leadUnitId', fieldLabel: '责任单位', confidence: 'header', samples: [LEAD, LEAD] },
        {
          column: 'C',
          header: '总投资（亿元）',
          field: 'totalInvestmentYuan',
          fieldLabel: '总投资（万元）',
          confidence: 'synonym',
          samples: ['1.5', '3000万'],
        },
        {
          column: 'D',
          header: '用地面积（平方米）',
          field: 'landAreaMu',
          fieldLabel: '用地面积（亩）',
          confidence: 'synonym',
          samples: ['10000', '20亩'],
        },
        {
          column: 'E',
          header: '建筑面积（万平方米）',
          field: 'floorAreaM2',
          fieldLabel: '建筑面积（平方米）',
          confidence: 'synonym',
          samples: ['1.2', '8000平方米'],
        },
      ]);
      expect(first.reading?.fields).toContainEqual({ key: 'name', label: '项目名称', required: true });

      const all = (overrides: Record<string, string | null>) =>
        (first.reading?.columns ?? []).map((c) => ({
          column: c.column,
          field: c.column in overrides ? (overrides[c.column] ?? null) : c.field,
        }));
      const answered = await map(first, all({ A: 'name' }));
      expect(answered.statusCode, answered.body).toBe(202);
      expect((answered.json() as ImportJob).status).toBe('validating');
      const mapped = await settled(office, first.id);
      expect(mapped.problems).toEqual([]);
      expect(mapped).toMatchObject({ status: 'ready', summary: { create: 2, update: 0 } });
      expect(mapped.reading?.columns[0]).toMatchObject({ column: 'A', field: 'name', fieldLabel: '项目名称', confidence: 'chosen' });
      expect(mapped.reading?.interpretations).toEqual(
        expect.arrayContaining([
          { row: 2, column: 'D', columnLabel: '用地面积（亩）', from: '10000 平方米', to: '15 亩' },
          { row: 2, column: 'E', columnLabel: '建筑面积（平方米）', from: '1.2 万平方米', to: '12,000 平方米' },
          { row: 3, column: 'D', columnLabel: '用地面积（亩）', from: '20亩', to: '20 亩' },
          { row: 3, column: 'E', columnLabel: '建筑面积（平方米）', from: '8000平方米', to: '8,000 平方米' },
        ]),
      );
      const audit = await lastAuditEvent(t().database, 'imports.map', first.id);
      expect(audit?.after).toMatchObject({ columns: { 'A 工程': '项目名称' } });

      // Leaving a column out on purpose (不导入) needs no acknowledgement at the commit.
      expect((await map(mapped, all({ A: 'name', E: null }))).statusCode).toBe(202);
      const ignoring = await settled(office, first.id);
      expect(ignoring.status).toBe('ready');
      expect(ignoring.reading?.unmapped).toEqual([{ column: 'E', header: '建筑面积（万平方米）', reason: 'ignored' }]);
      expect(ignoring.reading?.columns[4]).toMatchObject({ field: null, confidence: 'chosen' });
      const commit = await office.request('POST', `/api/v1/imports/${first.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);
      const written = await t()
        .database.db.select()
        .from(projects)
        .where(inArray(projects.name, ['列对应甲项目一', '列对应乙项目一']))
        .orderBy(projects.name);
      expect(written.map((p) => [p.name, p.totalInvestmentYuan, p.landAreaMu, p.floorAreaM2])).toEqual([
        ['列对应乙项目一', 30_000_000, 20, null],
        ['列对应甲项目一', 150_000_000, 15, null],
      ]);

      // Next month's file of the same ledger is read with the saved mapping at once.
      const second = await uploadAndSettle(office, 'projects', await ledger('二'));
      expect(second).toMatchObject({ status: 'ready', summary: { create: 2, update: 0 } });
      expect(second.reading?.columns.map((c) => [c.column, c.field, c.confidence])).toEqual([
        ['A', 'name', 'saved'],
        ['B', 'leadUnitId', 'header'],
        ['C', 'totalInvestmentYuan', 'synonym'],
        ['D', 'landAreaMu', 'synonym'],
        ['E', null, 'saved'],
      ]);
    });

    it('refuses a mapping that names a column the header lacks, a field Lantu lacks, or one field twice, changing nothing', async () => {
      const job = await uploadAndSettle(office, 'projects', await workbookOf(['名字', '责任单位'], [['列对应丙项目', LEAD]]));
      expect(job.status).toBe('invalid');
      const refused = await map(job, [
        { column: 'A', field: 'leadUnitId' },
        { column: 'B', field: 'leadUnitId' },
        { column: 'Z', field: null },
        { column: 'A', field: 'noSuchField' },
      ]);
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused).details).toEqual([
        { path: 'columns.1.field', message: '“责任单位”已对应到 A 列，一个字段只能对应一列' },
        { path: 'columns.2.column', message: '文件的表头中没有 Z 列' },
        { path: 'columns.3.column', message: 'A 列出现了不止一次' },
        { path: 'columns.3.field', message: '没有名为“noSuchField”的导入字段' },
      ]);
      const unchanged = await settled(office, job.id);
      expect(unchanged).toMatchObject({ status: 'invalid', problemCount: 1 });
      const [stored] = await t().database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
      expect(stored?.mapping).toBeNull();
    });

    it('maps only a job whose check has finished: a committed one is a 409', async () => {
      const job = await uploadAndSettle(office, 'projects', await workbookOf(['项目名称', '责任单位'], [['列对应丁项目', LEAD]]));
      expect((await office.request('POST', `/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      const refused = await map(job, [{ column: 'A', field: 'name' }]);
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused)).toMatchObject({ code: 'import_not_mappable' });
    });
  },
  { dataDir: testDataDir() },
);
