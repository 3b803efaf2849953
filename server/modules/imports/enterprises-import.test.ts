import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { composeUscc } from '../../../common/domain/uscc';
import type { ImportJob } from '../../../common/schemas/imports';
import { enterprises } from '../../db/schema';
import { uniqueSuffix } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const HEADER = ['企业名称 *', '统一社会信用代码', '企业类型 *', '境外注册', '企业标签', '上市进程', '国民经济行业', '联系人', '联系电话'];
let serial = 0;
/** A valid invented USCC of 天桥区 (a new organisation code each time). */
const newUscc = () =>
  composeUscc(
    '91',
    '370105',
    `MA${(3000 + serial++).toString().padStart(4, '0')}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );
/** The same code with its check character (position 18) changed. */
const wrongCheck = (uscc: string) => `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;

const readWorkbook = async (body: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
};

describeEachDatabase(
  'imports: the enterprise register',
  (t) => {
    let invest: Client;
    let unit: Client;
    let leader: Client;
    const count = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(enterprises))[0]?.n);

    beforeAll(async () => {
      invest = await signInAs(t().app, 'invest');
      unit = await signInAs(t().app, 'unit');
      leader = await signInAs(t().app, 'leader');
    });

    it('hands its keepers a template with drop-downs for kind, tags, listing stage and industry; others get 403', async () => {
      const response = await invest.get('/api/v1/imports/templates/enterprises');
      expect(response.statusCode).toBe(200);
      const workbook = await readWorkbook(response.rawPayload);
      const data = workbook.worksheets[0];
      expect(data?.name).toBe('企业');
      expect(data?.getRow(1).getCell(1).value).toBe('企业名称 *');
      const headers = ((data?.getRow(1).values ?? []) as string[]).slice(1);
      const validations = (data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
      const validated = (header: string) => {
        const letter = String.fromCharCode(65 + headers.indexOf(header));
        return Object.keys(validations).some((range) => range.startsWith(`${letter}2`));
      };
      expect(validated('企业类型 *')).toBe(true);
      expect(validated('企业标签')).toBe(true);
      expect(validated('上市进程')).toBe(true);
      expect(validated('国民经济行业')).toBe(true);
      const lists = workbook.getWorksheet('lists');
      const listed = (lists?.getSheetValues() ?? []).flat().map(String);
      expect(listed).toEqual(expect.arrayContaining(['本地企业', '目标企业', '专精特新', '拟上市']));
      expect(workbook.worksheets[1]?.getCell('A4').value).toContain('第几位');
      // A unit clerk imports projects, not the register; the investment staff import the register, not projects.
      expect((await unit.get('/api/v1/imports/templates/enterprises')).statusCode).toBe(403);
      expect((await invest.get('/api/v1/imports/templates/projects')).statusCode).toBe(403);
      expect((await upload(leader, 'enterprises', await workbookOf(HEADER, [], '企业'))).statusCode).toBe(403);
      expect((await upload(unit, 'enterprises', await workbookOf(HEADER, [], '企业'))).statusCode).toBe(403);
    });

    it('refuses a file with bad rows whole: each problem names its row, the USCC ones the position; the marked file marks them', async () => {
      const good = newUscc();
      const bad = newUscc();
      const before = await count();
      const file = await workbookOf(
        HEADER,
        [
          [
            `济南天桥导入良好企业${uniqueSuffix()}`,
            good,
            '本地企业',
            null,
            '专精特新、高新技术企业',
            null,
            'C 制造业',
            '王经理',
            '0531-88886666',
          ],
          [`济南天桥校验码错误企业${uniqueSuffix()}`, wrongCheck(bad), '本地企业', null, null, null, null, null, null],
          [`济南天桥字符错误企业${uniqueSuffix()}`, `${bad.slice(0, 10)}I${bad.slice(11)}`, '本地企业', null, null, null, null, null, null],
          [`济南天桥重复代码企业${uniqueSuffix()}`, good, '本地企业', null, null, null, null, null, null],
          [`济南天桥标签错误企业${uniqueSuffix()}`, newUscc(), '本地企业', null, '五百强', null, null, null, null],
          [`济南天桥上市进程企业${uniqueSuffix()}`, newUscc(), '本地企业', null, '专精特新', '辅导备案', null, null, null],
          [`济南天桥无代码企业${uniqueSuffix()}`, null, '本地企业', null, null, null, null, null, null],
        ],
        '企业',
      );
      const job = await uploadAndSettle(invest, 'enterprises', file);
      expect(job.status).toBe('invalid');
      const byRow = (row: number) => job.problems.filter((p) => p.row === row);
      expect(byRow(2)).toEqual([]);
      expect(byRow(3)).toEqual([
        expect.objectContaining({ column: 'B', field: 'uscc', code: 'uscc.check', message: expect.stringContaining('第 18 位') }),
      ]);
      expect(byRow(4)).toEqual([
        expect.objectContaining({ column: 'B', field: 'uscc', code: 'uscc.character', message: expect.stringContaining('第 11 位') }),
      ]);
      expect(byRow(5)).toEqual([
        expect.objectContaining({ column: 'B', code: 'import.same_enterprise_twice', message: expect.stringContaining('第 2 行') }),
      ]);
      expect(byRow(6)).toEqual([expect.objectContaining({ column: 'E', code: 'import.unknown_value' })]);
      expect(byRow(7)).toEqual([expect.objectContaining({ field: 'listingStage', code: 'enterprise.listing_stage_needs_tag' })]);
      expect(byRow(8)).toEqual([expect.objectContaining({ field: 'uscc', code: 'enterprise.uscc_required' })]);
      expect(await count()).toBe(before);
      const commit = await invest.post(`/api/v1/imports/${job.id}/commit`);
      expect(errorOf(commit).code).toBe('import_not_ready');

      const marked = await invest.get(`/api/v1/imports/${job.id}/marked.xlsx`);
      expect(marked.statusCode).toBe(200);
      const markedBook = await readWorkbook(marked.rawPayload);
      const cell = markedBook.worksheets[0]?.getCell('B3');
      expect(JSON.stringify(cell?.note)).toContain('第 18 位');
      expect(await count()).toBe(before);
    });

    it('adds new enterprises and updates those the register has (by USCC) in one commit, each audited', async () => {
      const existingUscc = newUscc();
      const created = await invest.post('/api/v1/enterprises', {
        name: `济南天桥已在库企业${uniqueSuffix()}`,
        uscc: existingUscc,
        kind: 'target',
        tags: [],
      });
      expect(created.statusCode, created.body).toBe(201);
      const existing = created.json() as { id: string; version: number };
      const newName = `济南天桥新导入企业${uniqueSuffix()}`;
      const file = await workbookOf(
        HEADER,
        [
          [newName, newUscc().toLowerCase(), '本地企业', '否', '专精特新', null, 'C 制造业', '李女士', '0531-86661234'],
          [`济南天桥已在库企业（更名）${uniqueSuffix()}`, existingUscc, '目标企业', null, '拟上市', '辅导备案', null, null, null],
        ],
        '企业',
      );
      const job = await uploadAndSettle(invest, 'enterprises', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 1, update: 1 } });
      const commit = await invest.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);
      const [added] = await t().database.db.select().from(enterprises).where(eq(enterprises.name, newName));
      expect(added).toMatchObject({
        kind: 'local',
        tags: ['srdi'],
        industryCode: 'C',
        contacts: [{ name: '李女士', phone: '0531-86661234', role: null }],
      });
      expect(added?.uscc).toMatch(/^[0-9A-Z]{18}$/);
      const [updated] = await t().database.db.select().from(enterprises).where(eq(enterprises.id, existing.id));
      expect(updated).toMatchObject({ tags: ['pre_listing'], listingStage: 'counselling', version: existing.version + 1 });
      expect(await lastAuditEvent(t().database, 'enterprises.create', added?.id)).not.toBeNull();
      expect(await lastAuditEvent(t().database, 'enterprises.update', existing.id)).not.toBeNull();
      expect((await lastAuditEvent(t().database, 'imports.commit', job.id))?.after).toMatchObject({
        kind: 'enterprises',
        create: 1,
        update: 1,
      });
    });

    it('exports the filtered register in the import’s columns, and the file imports back as updates only', async () => {
      const name = `济南天桥导出往返企业${uniqueSuffix()}`;
      const made = await invest.post('/api/v1/enterprises', {
        name,
        uscc: newUscc(),
        kind: 'local',
        tags: ['srdi', 'gazelle'],
        industryCode: 'C',
        contacts: [{ name: '赵经理', phone: '0531-85550000', role: '总经理' }],
      });
      expect(made.statusCode, made.body).toBe(201);
      const exported = await invest.get(`/api/v1/enterprises/export.xlsx?q=${encodeURIComponent(name)}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const book = await readWorkbook(exported.rawPayload);
      const sheet = book.worksheets[0];
      expect(sheet?.rowCount).toBe(2);
      const row = ((sheet?.getRow(2).values ?? []) as unknown[]).slice(1);
      expect(row).toEqual(
        expect.arrayContaining([name, '本地企业', '专精特新、瞪羚企业', 'C 制造业', '赵经理', '0531-85550000', '总经理']),
      );
      // A unit reads the register (it picks the enterprise of its visits), so it may take it as a sheet too; importing
      // into it stays the keepers' (enterprise.manage).
      expect((await unit.get('/api/v1/enterprises/export.xlsx')).statusCode).toBe(200);
      // An unknown sort is a 400 naming it, answered before the file starts (the fuzzer found a cut download).
      const badSort = await invest.get('/api/v1/enterprises/export.xlsx?sort=-Qt&kind=target');
      expect(badSort.statusCode).toBe(400);
      expect(errorOf(badSort).details?.[0]?.path).toBe('query.sort');

      const back = await upload(invest, 'enterprises', exported.rawPayload, '企业库.xlsx');
      expect(back.statusCode, back.body).toBe(202);
      const job = (await settled(invest, (back.json() as ImportJob).id)) as ImportJob;
      expect(job.problems).toEqual([]);
      expect(job.summary).toMatchObject({ create: 0, update: 1 });
    });
  },
  { dataDir: testDataDir() },
);
