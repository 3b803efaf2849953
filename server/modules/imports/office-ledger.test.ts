import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import { projectLeaders, projects } from '../../db/schema';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const LEAD = '北园街道办事处';
const LEADER = '刘志强（副区长）';

/**
 * A ledger built the way district offices keep one: a title and a sub-title, a two-row header with 投资情况 merged
 * over 总投资 / 2024年计划投资 (the other headers merged down over both rows), group rows, 小计 and 合计 rows, a blank
 * row, 3.2亿 and full-width digits in a 万元 column, "—" and "/" for nothing, four spellings of a date and an Excel
 * date, the same leader in a cell merged over two rows, trailing spaces, and columns Lantu does not import.
 */
async function officeLedger(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点项目');
  const header = [
    '序号',
    '项目名称',
    '项目代码',
    '建设单位',
    '建设内容及规模',
    '投资情况',
    null,
    '1-3月完成投资',
    '计划开工时间',
    '计划竣工时间',
    '包挂领导',
    '责任单位',
    '形象进度',
  ];
  sheet.addRow(['2024年全区重点项目台账']);
  sheet.addRow(['填报单位：区发展和改革局　　　金额单位：万元']);
  sheet.addRow(header);
  sheet.addRow([null, null, null, null, null, '总投资', '2024年计划投资']);
  sheet.addRow(['一、产业项目']);
  sheet.addRow([
    1,
    '台账导入甲项目 ',
    null,
    '济南甲实业有限公司  ',
    '新建厂房',
    '3.2亿',
    '6,000',
    500,
    '2024年3月',
    '2025.12',
    LEADER,
    LEAD,
    '主体施工',
  ]);
  sheet.addRow([2, '台账导入乙项目', null, '—', '/', '８，０００', '—', null, '2024-03', '2024/3/15', null, `${LEAD} `, '前期']);
  sheet.addRow(['小计', null, null, null, null, '40000', '6000']);
  sheet.addRow([]);
  sheet.addRow(['二、基础设施项目']);
  sheet.addRow([
    3,
    '台账导入丙项目',
    null,
    '区城投公司',
    '道路',
    45000,
    1000,
    null,
    new Date(Date.UTC(2024, 4, 20)),
    '2026年6月',
    LEADER,
    LEAD,
    null,
  ]);
  sheet.addRow(['合计', null, null, null, null, 85000, 7000]);
  sheet.mergeCells('A1:M1');
  sheet.mergeCells('A2:M2');
  for (const column of ['A', 'B', 'C', 'D', 'E', 'H', 'I', 'J', 'K', 'L', 'M']) sheet.mergeCells(`${column}3:${column}4`);
  sheet.mergeCells('F3:G3');
  sheet.mergeCells('A5:M5');
  sheet.mergeCells('K6:K7');
  sheet.mergeCells('A10:M10');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase(
  'imports: the ledgers offices keep',
  (t) => {
    let office: Client;
    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    it('finds the two-row header below a title, skips group and subtotal rows, reads 亿 and month dates, and asks before leaving columns out', async () => {
      const job = await uploadAndSettle(office, 'projects', await officeLedger());
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 3, update: 0 } });
      const reading = job.reading;
      expect(reading?.headerRows).toEqual([3, 4]);
      expect(reading?.unmapped).toEqual([
        { column: 'A', header: '序号', reason: 'sequence' },
        { column: 'G', header: '投资情况 / 2024年计划投资', reason: 'unknown' },
        { column: 'H', header: '1-3月完成投资', reason: 'period' },
        { column: 'M', header: '形象进度', reason: 'period' },
      ]);
      expect(reading?.skipped).toEqual([
        { row: 5, reason: 'group', text: '一、产业项目' },
        { row: 8, reason: 'subtotal', text: '小计' },
        { row: 10, reason: 'group', text: '二、基础设施项目' },
        { row: 12, reason: 'subtotal', text: '合计' },
      ]);
      expect(reading?.interpretations).toEqual(
        expect.arrayContaining([
          { row: 6, column: 'F', columnLabel: '总投资（万元）', from: '3.2亿', to: '32,000.00 万元' },
          { row: 6, column: 'I', columnLabel: '计划开工日期', from: '2024年3月', to: '2024-03-01' },
          { row: 6, column: 'J', columnLabel: '计划竣工日期', from: '2025.12', to: '2025-12-31' },
          { row: 7, column: 'F', columnLabel: '总投资（万元）', from: '８，０００', to: '8,000.00 万元' },
          { row: 7, column: 'D', columnLabel: '项目业主', from: '—', to: '' },
        ]),
      );

      // Not without acknowledging the columns left out.
      const refused = await office.post(`/api/v1/imports/${job.id}/commit`, {});
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused).code).toBe('import_unmapped_columns');
      expect(errorOf(refused).message).toContain('H「1-3月完成投资」');
      const count = await t().database.db.select({ n: sql<number>`count(*)` }).from(projects).where(eq(projects.name, '台账导入甲项目'));
      expect(Number(count[0]?.n)).toBe(0);

      const commit = await office.post(`/api/v1/imports/${job.id}/commit`, { acknowledgeUnmapped: true });
      expect(commit.statusCode, commit.body).toBe(200);
      expect((commit.json() as ImportJob).summary).toEqual({ create: 3, update: 0 });
      const rows = await t()
        .database.db.select()
        .from(projects)
        .where(inArray(projects.name, ['台账导入甲项目', '台账导入乙项目', '台账导入丙项目']))
        .orderBy(projects.name);
      const byName = new Map(rows.map((r) => [r.name, r]));
      expect(byName.get('台账导入甲项目')).toMatchObject({
        totalInvestmentYuan: 320_000_000,
        ownerName: '济南甲实业有限公司',
        constructionContent: '新建厂房',
        plannedStart: '2024-03-01',
        plannedCompletion: '2025-12-31',
      });
      expect(byName.get('台账导入乙项目')).toMatchObject({
        totalInvestmentYuan: 80_000_000,
        ownerName: null,
        constructionContent: null,
        plannedStart: '2024-03-01',
        plannedCompletion: '2024-03-15',
      });
      expect(byName.get('台账导入丙项目')).toMatchObject({
        totalInvestmentYuan: 450_000_000,
        plannedStart: '2024-05-20',
        plannedCompletion: '2026-06-30',
      });
      // The leader merged over rows 6 and 7 leads both projects.
      const leaders = await t()
        .database.db.select({ projectId: projectLeaders.projectId })
        .from(projectLeaders)
        .where(
          inArray(
            projectLeaders.projectId,
            rows.map((r) => r.id),
          ),
        );
      expect(leaders).toHaveLength(3);
    });

    it('imports CSV written in UTF-8 or in GB18030 (Excel and WPS on a Chinese Windows), told apart by its bytes', async () => {
      const text = (name: string) => `项目名称,责任单位,"总投资（万元）",计划开工日期\r\n${name},${LEAD},"1,200.5",2024年3月\r\n`;
      const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text('CSV导入甲项目'), 'utf8')]);
      const gb = gb18030(text('CSV导入乙项目'));
      for (const [bytes, name] of [
        [utf8, 'CSV导入甲项目'],
        [gb, 'CSV导入乙项目'],
      ] as const) {
        const response = await upload(office, 'projects', bytes, '台账.csv');
        expect(response.statusCode, response.body).toBe(202);
        const job = await settled(office, (response.json() as ImportJob).id);
        expect(job.problems).toEqual([]);
        expect(job.summary).toEqual({ create: 1, update: 0 });
        // A plain POST without a body commits a file with nothing left out (as scripts and the crash harness send it).
        const commit = await office.request('POST', `/api/v1/imports/${job.id}/commit`);
        expect(commit.statusCode, commit.body).toBe(200);
        const [row] = await t().database.db.select().from(projects).where(eq(projects.name, name));
        expect(row).toMatchObject({ totalInvestmentYuan: 12_005_000, plannedStart: '2024-03-01' });
      }
    });

    it('converts an old .xls workbook with LibreOffice when the server has it, and otherwise asks for .xlsx', async () => {
      const xlsx = await workbookOf(['项目名称', '责任单位', '总投资（万元）'], [['XLS导入项目', LEAD, 300]]);
      const xls = await toXls(xlsx);
      if (xls) {
        const job = await uploadAndSettleNamed(office, xls, '旧台账.xls');
        expect(job.problems).toEqual([]);
        expect(job.summary).toEqual({ create: 1, update: 0 });
      }
      // Without LibreOffice (or with a conversion that fails) the answer says what to do.
      const saved = process.env.LANTU_SOFFICE;
      process.env.LANTU_SOFFICE = '/nonexistent/soffice';
      try {
        const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
        const refused = await upload(office, 'projects', xls ?? ole, '旧台账.xls');
        expect(refused.statusCode).toBe(400);
        expect(errorOf(refused)).toMatchObject({ code: 'not_xlsx' });
        expect(errorOf(refused).message).toContain('另存为 .xlsx');
      } finally {
        if (saved === undefined) delete process.env.LANTU_SOFFICE;
        else process.env.LANTU_SOFFICE = saved;
      }
    }, 240_000);
  },
  { dataDir: testDataDir() },
);

/** The workbook saved as an old binary .xls by LibreOffice, or null when this machine has no LibreOffice. */
async function toXls(xlsx: Buffer): Promise<Buffer | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-xls-'));
  try {
    await writeFile(path.join(dir, 'ledger.xlsx'), xlsx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xls', '--outdir', dir, path.join(dir, 'ledger.xlsx')];
    const ran = await new Promise<boolean>((resolve) => execFile('soffice', args, { timeout: 120_000 }, (error) => resolve(!error)));
    return ran ? await readFile(path.join(dir, 'ledger.xls')) : null;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function uploadAndSettleNamed(client: Client, content: Buffer, name: string): Promise<ImportJob> {
  const response = await upload(client, 'projects', content, name);
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, (response.json() as ImportJob).id);
}

/** Text in GB18030, by decoding every two-byte code once (Node encodes only UTF-8); ASCII stays as it is. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  return Buffer.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const code = codes.get(char);
      if (!code) throw new Error(`no GB18030 code for ${char}`);
      return code;
    }),
  );
}
