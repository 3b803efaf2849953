import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import type { ImportJob } from '../../../common/schemas/imports';
import { createAccount } from '../../db/accounts';
import { enterprises, leads, users } from '../../db/schema';
import { insertUnit, uniqueSuffix, userIdOf } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
  testConfig,
} from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const HEADER = [
  '线索名称 *',
  '意向企业',
  '企业统一社会信用代码',
  '招商方式 *',
  '阶段',
  '跟进人',
  '包挂领导',
  '预计投资（万元）',
  '市外资金占比（%）',
  '省外资金占比（%）',
  '境外资金占比（%）',
  '接洽日期',
];
type LeadJson = { id: string; name: string; version: number; unit: { name: string } };

const readWorkbook = async (body: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
};
const rowsOf = async (body: Buffer) =>
  ((await readWorkbook(body)).worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

describeEachDatabase(
  'imports and export: leads (招商线索)',
  (t) => {
    let office: Client;
    let invest: Client;
    let leader: Client;
    let unit: Client;
    let otherDistrict: Client;
    let enterprise: { id: string; name: string; uscc: string };
    let leaderId: string;
    let leaderName: string;
    const today = todayInChina();
    const count = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(leads))[0]?.n);

    async function create(extra: Record<string, unknown> = {}): Promise<LeadJson> {
      const response = await invest.post('/api/v1/leads', {
        name: `表格线索${uniqueSuffix()}`,
        enterpriseId: enterprise.id,
        method: 'via_business',
        leaderId,
        estimatedInvestmentYuan: 1_500_000_000,
        outOfCityPercent: 80,
        outOfProvincePercent: 60,
        industryCode: 'C',
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      invest = await signInAs(t().app, 'invest');
      leader = await signInAs(t().app, 'leader');
      unit = await signInAs(t().app, 'unit');
      leaderId = await userIdOf(t().database, 'leader');
      const [person] = await t().database.db.select({ name: users.displayName }).from(users).where(eq(users.id, leaderId));
      leaderName = person?.name ?? '';
      const [row] = await t()
        .database.db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
        .from(enterprises)
        .where(and(eq(enterprises.regionCode, testConfig().regionCode), sql`${enterprises.uscc} is not null`))
        .limit(1);
      if (!row?.uscc) throw new Error('the test district has no enterprise with a credit code');
      enterprise = { id: row.id, name: row.name, uscc: row.uscc };
      const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
      const username = `invest_${uniqueSuffix()}`;
      await createAccount(
        t().database.db,
        { ip: null, requestId: null },
        { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
      );
      otherDistrict = await signInAs(t().app, username);
    });

    it('hands those who record leads a template with drop-downs and its own instructions; others get 403', async () => {
      const response = await invest.get('/api/v1/imports/templates/leads');
      expect(response.statusCode).toBe(200);
      const workbook = await readWorkbook(response.rawPayload);
      const data = workbook.worksheets[0];
      expect(data?.name).toBe('招商线索');
      const headers = ((data?.getRow(1).values ?? []) as string[]).slice(1);
      expect(headers.slice(0, 4)).toEqual(['线索名称 *', '意向企业', '企业统一社会信用代码', '招商方式 *']);
      const validations = (data as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
      const validated = (header: string) => {
        const letter = String.fromCharCode(65 + headers.indexOf(header));
        return Object.keys(validations).some((range) => range.startsWith(`${letter}2`));
      };
      for (const header of ['招商方式 *', '阶段', '责任单位', '包挂领导', '国民经济行业', '产业链'])
        expect(validated(header), header).toBe(true);
      const listed = (workbook.getWorksheet('lists')?.getSheetValues() ?? []).flat().map(String);
      expect(listed).toEqual(expect.arrayContaining(['以商招商', '展会招商', '线索']));
      // A new lead starts at 线索: the drop-down offers no later stage.
      expect(listed).not.toContain('已签约');
      expect(String(workbook.worksheets[1]?.getCell('A6').value)).toContain('导入不改变线索的阶段');
      // Leaders read leads but do not record them; a unit clerk neither.
      expect((await leader.get('/api/v1/imports/templates/leads')).statusCode).toBe(403);
      expect((await unit.get('/api/v1/imports/templates/leads')).statusCode).toBe(403);
      expect((await upload(leader, 'leads', await workbookOf(HEADER, [], '招商线索'))).statusCode).toBe(403);
    });

    it('refuses a file with bad rows whole, each problem at its row and column; the marked file marks them', async () => {
      const existing = await create();
      const before = await count();
      const fresh = `表格新线索${uniqueSuffix()}`;
      const row = (name: string, cells: Partial<Record<string, string | number>> = {}) =>
        HEADER.map((h) => cells[h] ?? (h === '线索名称 *' ? name : h === '招商方式 *' ? '以商招商' : null));
      const file = await workbookOf(
        HEADER,
        [
          row(fresh, { 意向企业: enterprise.name }),
          row(`表格线索A${uniqueSuffix()}`, { 意向企业: '不存在的济南某某有限公司' }),
          row(`表格线索B${uniqueSuffix()}`, { 企业统一社会信用代码: '91370105MA00000000' }),
          row(`表格线索C${uniqueSuffix()}`, { '招商方式 *': '空中招商' }),
          row(`表格线索D${uniqueSuffix()}`, { 阶段: '已签约' }),
          row(`表格线索E${uniqueSuffix()}`, { '市外资金占比（%）': 10, '省外资金占比（%）': 50 }),
          row(fresh),
          row(`表格线索F${uniqueSuffix()}`, { 跟进人: '查无此人' }),
          row(existing.name, { 阶段: '洽谈' }),
          row(`表格线索G${uniqueSuffix()}`, { 接洽日期: addDays(today, 3) }),
        ],
        '招商线索',
      );
      const job = await uploadAndSettle(invest, 'leads', file);
      expect(job.status).toBe('invalid');
      const at = (r: number) => job.problems.filter((p) => p.row === r).map((p) => ({ column: p.column, code: p.code }));
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual([{ column: 'B', code: 'import.enterprise_unknown' }]);
      expect(at(4)).toEqual([{ column: 'C', code: 'import.enterprise_uscc_unknown' }]);
      expect(at(5)).toEqual([{ column: 'D', code: 'import.unknown_value' }]);
      expect(at(6)).toEqual([{ column: 'E', code: 'lead.import_stage_new' }]);
      expect(at(7)).toEqual([{ column: 'J', code: 'lead.shares_nested' }]);
      expect(at(8)).toEqual([{ column: 'A', code: 'lead.import_same_lead_twice' }]);
      expect(at(9)).toEqual([{ column: 'F', code: 'import.unknown_value' }]);
      expect(at(10)).toEqual([{ column: 'E', code: 'lead.import_stage_moved' }]);
      expect(at(11)).toEqual([{ column: 'L', code: 'lead.date_future' }]);
      const message = (r: number) => job.problems.find((p) => p.row === r)?.message;
      expect(message(8)).toContain('第 2 行');
      expect(message(10)).toContain('线索');
      expect(message(3)).toContain('不存在的济南某某有限公司');
      expect(await count()).toBe(before);
      expect(errorOf(await invest.post(`/api/v1/imports/${job.id}/commit`)).code).toBe('import_not_ready');

      const marked = await invest.get(`/api/v1/imports/${job.id}/marked.xlsx`);
      expect(marked.statusCode).toBe(200);
      const note = (await readWorkbook(marked.rawPayload)).worksheets[0]?.getCell('B3').note;
      expect(JSON.stringify(note)).toContain('企业库');
      expect(await count()).toBe(before);
    });

    it('records new leads at 线索 and updates the district’s leads by name in one commit, each audited as on the page', async () => {
      const existing = await create();
      const investId = await userIdOf(t().database, 'invest');
      const fresh = `表格导入新线索${uniqueSuffix()}`;
      const received = addDays(today, -3);
      const file = await workbookOf(
        HEADER,
        [
          [fresh, null, enterprise.uscc.toLowerCase(), '委托招商', '线索', null, leaderName, 12000, 60, 40, 0, received],
          [existing.name, enterprise.name, null, '展会招商', null, null, leaderName, 3000.5, 80, 60, 0, null],
        ],
        '招商线索',
      );
      const job = await uploadAndSettle(invest, 'leads', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 1, update: 1 } });
      const commit = await invest.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);

      const [added] = await t().database.db.select().from(leads).where(eq(leads.name, fresh));
      expect(added).toMatchObject({
        stage: 'lead',
        ownerId: investId,
        enterpriseId: enterprise.id,
        method: 'commissioned',
        leaderId,
        estimatedInvestmentYuan: 120_000_000,
        outOfCityPercent: 60,
        outOfProvincePercent: 40,
        receivedOn: received,
      });
      const [updated] = await t().database.db.select().from(leads).where(eq(leads.id, existing.id));
      expect(updated).toMatchObject({ stage: 'lead', method: 'fair', estimatedInvestmentYuan: 30_005_000, version: existing.version + 1 });
      expect((await lastAuditEvent(t().database, 'leads.create', added?.id))?.after).toMatchObject({ name: fresh, stage: 'lead' });
      expect((await lastAuditEvent(t().database, 'leads.update', existing.id))?.after).toMatchObject({ method: 'fair' });
      expect((await lastAuditEvent(t().database, 'imports.commit', job.id))?.after).toMatchObject({ kind: 'leads', create: 1, update: 1 });
    });

    it('exports the board’s leads with its filters in the import’s columns; the file imports back changing nothing', async () => {
      const lead = await create({ name: `表格导出线索${uniqueSuffix()}` });
      const url = (query: string) => `/api/v1/leads/export.xlsx?${query}`;
      const exported = await invest.get(url(`q=${encodeURIComponent(lead.name)}`));
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      expect(exported.headers['content-disposition']).toContain('.xlsx');
      const [header, row] = await rowsOf(exported.rawPayload);
      expect(header).toEqual(expect.arrayContaining(HEADER));
      const cell = (name: string) => row?.[(header ?? []).indexOf(name)];
      expect(cell('线索名称 *')).toBe(lead.name);
      expect(cell('意向企业')).toBe(enterprise.name);
      expect(cell('企业统一社会信用代码')).toBe(enterprise.uscc);
      expect(cell('招商方式 *')).toBe('以商招商');
      expect(cell('阶段')).toBe('线索');
      expect(cell('包挂领导')).toBe(leaderName);
      expect(cell('责任单位')).toBe(lead.unit.name);
      expect(cell('预计投资（万元）')).toBe(150_000);
      expect(cell('国民经济行业')).toBe('C 制造业');
      expect(new Date(cell('接洽日期') as Date).toISOString().slice(0, 10)).toBe(today);

      // The board's filters: another stage or method leaves it out.
      for (const query of ['stage=signed', 'method=fair', 'overdue=true']) {
        const filtered = await invest.get(url(`q=${encodeURIComponent(lead.name)}&${query}`));
        expect((await rowsOf(filtered.rawPayload)).length, query).toBe(1);
      }
      // Same permission and scope as the board: leaders read it, a unit clerk does not, another district sees none of it.
      expect((await leader.get(url(`q=${encodeURIComponent(lead.name)}`))).statusCode).toBe(200);
      expect((await unit.get(url(''))).statusCode).toBe(403);
      const foreign = await otherDistrict.get(url(`q=${encodeURIComponent(lead.name)}`));
      expect(foreign.statusCode).toBe(200);
      expect((await rowsOf(foreign.rawPayload)).length).toBe(1);
      // Checked before the file starts: an unknown sort or stage is a 400 naming it.
      const badSort = await invest.get(url('sort=-nope'));
      expect(badSort.statusCode).toBe(400);
      expect(errorOf(badSort).details?.[0]?.path).toBe('query.sort');
      expect((await invest.get(url('stage=someday'))).statusCode).toBe(400);

      // The whole district's pipeline (every stage, demo leads included) goes back in as no change at all.
      const whole = await office.get(url(''));
      expect((await rowsOf(whole.rawPayload)).length).toBeGreaterThan(20);
      const back = await upload(invest, 'leads', whole.rawPayload, '招商线索.xlsx');
      expect(back.statusCode, back.body).toBe(202);
      const job = (await settled(invest, (back.json() as ImportJob).id)) as ImportJob;
      expect(job.problems).toEqual([]);
      expect(job.reading?.unmapped ?? []).toEqual([]);
      expect(job.summary).toMatchObject({ create: 0, update: 0 });
    });
  },
  { dataDir: testDataDir() },
);
