import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { composeUscc } from '../../../common/domain/uscc';
import type { ImportJob } from '../../../common/schemas/imports';
import { createAccount } from '../../db/accounts';
import { enterpriseLandFigures } from '../../db/schema';
import { insertUnit, uniqueSuffix } from '../../test/factories';
import { type Client, OTHER_REGION, TEST_PASSWORD, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const HEADER = [
  '企业名称',
  '统一社会信用代码',
  '年度 *',
  '用地面积（亩） *',
  '税收（万元） *',
  '营业收入/产值（万元） *',
  '综合能耗（吨标准煤）',
];
// A year no other test writes, so this file's figures and thresholds are the only ones of it.
const YEAR = 2033;
const WAN = 10_000;

let serial = 0;
const newUscc = () =>
  composeUscc(
    '91',
    '370105',
    `MT${(6000 + serial++).toString()}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );

const readWorkbook = async (body: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
};
const rowsOf = async (body: Buffer) =>
  ((await readWorkbook(body)).worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

type Enterprise = { id: string; name: string; uscc: string };

describeEachDatabase(
  'imports and export: 亩均效益 (a year’s land, tax, output and energy)',
  (t) => {
    let office: Client;
    let leader: Client;
    let unit: Client;
    let otherDistrict: Client;
    const e: Record<'maker' | 'second' | 'target' | 'software', Enterprise> = {
      maker: { id: '', name: '', uscc: '' },
      second: { id: '', name: '', uscc: '' },
      target: { id: '', name: '', uscc: '' },
      software: { id: '', name: '', uscc: '' },
    };
    const count = async () =>
      Number(
        (
          await t().database.db.select({ n: sql<number>`count(*)` }).from(enterpriseLandFigures).where(eq(enterpriseLandFigures.year, YEAR))
        )[0]?.n,
      );
    const figuresOf = async (id: string) =>
      (await t().database.db.select().from(enterpriseLandFigures).where(eq(enterpriseLandFigures.enterpriseId, id))).find(
        (f) => f.year === YEAR,
      );

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      leader = await signInAs(t().app, 'leader');
      unit = await signInAs(t().app, 'unit');
      const add = async (extra: Record<string, unknown>): Promise<Enterprise> => {
        const body = { name: `天桥亩均表格企业${uniqueSuffix()}有限公司`, uscc: newUscc(), kind: 'local', industryCode: '34', ...extra };
        const response = await office.post('/api/v1/enterprises', body);
        expect(response.statusCode, response.body).toBe(201);
        return { id: response.json().id, name: body.name, uscc: body.uscc };
      };
      e.maker = await add({});
      e.second = await add({ industryCode: 'C' });
      e.target = await add({ kind: 'target' });
      e.software = await add({ industryCode: '65' });
      const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区工信局${uniqueSuffix()}` });
      const username = `landsheet_${uniqueSuffix()}`;
      await createAccount(
        t().database.db,
        { ip: null, requestId: null },
        { username, displayName: username, unitId: foreignUnit.id, roleCode: 'project_office', password: TEST_PASSWORD },
      );
      otherDistrict = await signInAs(t().app, username);
    });

    it('hands the register’s keepers a template with the columns and its own instructions; others get 403', async () => {
      const response = await office.get('/api/v1/imports/templates/land_figures');
      expect(response.statusCode).toBe(200);
      const workbook = await readWorkbook(response.rawPayload);
      const data = workbook.worksheets[0];
      expect(data?.name).toBe('亩均效益');
      expect(((data?.getRow(1).values ?? []) as string[]).slice(1)).toEqual(HEADER);
      const instructions = (workbook.worksheets[1]?.getSheetValues() ?? []).flat().map(String).join('\n');
      expect(instructions).toContain('本地的工业企业');
      expect(instructions).toContain('最多保留两位小数');
      // Leaders read the register but do not keep it; a street unit neither.
      expect((await leader.get('/api/v1/imports/templates/land_figures')).statusCode).toBe(403);
      expect((await unit.get('/api/v1/imports/templates/land_figures')).statusCode).toBe(403);
      expect((await upload(leader, 'land_figures', await workbookOf(HEADER, [], '亩均效益'))).statusCode).toBe(403);
    });

    it('refuses a file with bad rows whole, naming each bad cell in Chinese and in English, nothing written', async () => {
      const before = await count();
      const file = await workbookOf(
        HEADER,
        [
          [null, e.maker.uscc, YEAR, 120, 1800, 42_000, 3500],
          ['查无此企业有限公司', null, YEAR, 50, 100, 2000, null],
          [null, e.target.uscc, YEAR, 50, 100, 2000, null],
          [e.software.name, null, YEAR, 50, 100, 2000, null],
          [null, e.second.uscc, YEAR, 12.345, 100, 2000, 10.001],
          [null, e.second.uscc, YEAR, 50, -100, -2000, -3],
          [e.maker.name, null, YEAR, 60, 100, 2000, null],
          [null, e.second.uscc, 1999, 0, 100, 2000, null],
        ],
        '亩均效益',
      );
      const job = await uploadAndSettle(office, 'land_figures', file);
      expect(job.status).toBe('invalid');
      const at = (r: number) => job.problems.filter((p) => p.row === r).map((p) => ({ column: p.column, code: p.code }));
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual([{ column: 'A', code: 'import.enterprise_unknown' }]);
      expect(at(4)).toEqual([{ column: 'B', code: 'landEfficiency.not_local' }]);
      expect(at(5)).toEqual([{ column: 'A', code: 'landEfficiency.not_industrial' }]);
      expect(at(6)).toEqual([
        { column: 'D', code: 'landEfficiency.two_decimals' },
        { column: 'G', code: 'landEfficiency.two_decimals' },
      ]);
      expect(at(7)).toEqual([
        { column: 'E', code: 'format.yuanNegative' },
        { column: 'F', code: 'format.yuanNegative' },
        { column: 'G', code: 'format.notNegative' },
      ]);
      expect(at(8)).toEqual([{ column: 'A', code: 'landEfficiency.import_same_year_twice' }]);
      expect(at(9)).toEqual([
        { column: 'C', code: 'landEfficiency.year' },
        { column: 'D', code: 'landEfficiency.land_positive' },
      ]);
      const message = (r: number, column?: string) => job.problems.find((p) => p.row === r && (!column || p.column === column))?.message;
      expect(message(3)).toContain('查无此企业有限公司');
      expect(message(4)).toContain(e.target.name);
      expect(message(4)).toContain('不是本地企业');
      expect(message(5)).toContain('不是工业企业');
      expect(message(6, 'D')).toBe('最多保留两位小数');
      expect(message(8)).toContain('第 2 行');
      expect(await count()).toBe(before);
      expect(errorOf(await office.post(`/api/v1/imports/${job.id}/commit`)).code).toBe('import_not_ready');
      const marked = await office.get(`/api/v1/imports/${job.id}/marked.xlsx`);
      expect(marked.statusCode).toBe(200);
      expect(JSON.stringify((await readWorkbook(marked.rawPayload)).worksheets[0]?.getCell('B4').note)).toContain('不是本地企业');

      // The same problems in English for a reader who reads English.
      expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
      try {
        const english = (await office.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
        const en = (r: number, column: string) => english.problems.find((p) => p.row === r && p.column === column)?.message;
        expect(en(4, 'B')).toContain('is not a local enterprise');
        expect(en(5, 'A')).toContain('is not an industrial enterprise');
        expect(en(6, 'D')).toBe('At most two decimals');
        expect(en(8, 'A')).toContain('row 2');
      } finally {
        await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
      }
    });

    it('adds years and corrects a year entered already in one commit, each audited, classed by the thresholds', async () => {
      const set = await office.request('PUT', `/api/v1/land-efficiency/thresholds/${YEAR}`, {
        A: { taxWanPerMu: 30, outputWanPerMu: 500 },
        B: { taxWanPerMu: 15, outputWanPerMu: 300 },
        C: { taxWanPerMu: 5, outputWanPerMu: 150 },
      });
      expect(set.statusCode, set.body).toBe(200);
      const entered = await office.request('PUT', `/api/v1/enterprises/${e.second.id}/land-figures/${YEAR}`, {
        landMu: 80,
        taxYuan: 100 * WAN,
        outputYuan: 5000 * WAN,
        energyTce: 900,
      });
      expect(entered.statusCode, entered.body).toBe(200);
      const file = await workbookOf(
        HEADER,
        [
          [null, e.maker.uscc, YEAR, 120, 1800, 42_000, 3500],
          [e.second.name, null, YEAR, '80亩', 2000, 30_000, 900.5],
        ],
        '亩均效益',
      );
      const job = await uploadAndSettle(office, 'land_figures', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 1, update: 1 } });
      const commit = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);

      expect(await figuresOf(e.maker.id)).toMatchObject({ landMu: 120, taxYuan: 1800 * WAN, outputYuan: 42_000 * WAN, energyTce: 3500 });
      expect(await figuresOf(e.second.id)).toMatchObject({ landMu: 80, taxYuan: 2000 * WAN, outputYuan: 30_000 * WAN, version: 2 });
      expect((await lastAuditEvent(t().database, 'enterprises.land_figures.create', e.maker.id))?.after).toMatchObject({
        year: YEAR,
        landMu: 120,
      });
      expect((await lastAuditEvent(t().database, 'enterprises.land_figures.update', e.second.id))?.after).toMatchObject({
        taxYuan: 2000 * WAN,
        energyTce: 900.5,
      });
      expect((await lastAuditEvent(t().database, 'imports.commit', job.id))?.after).toMatchObject({
        kind: 'land_figures',
        create: 1,
        update: 1,
      });
      // 15 万元/亩 and 350 万元/亩 → B; 25 万元/亩 and 375 万元/亩 → B as well.
      const table = (await office.get(`/api/v1/land-efficiency?year=${YEAR}`)).json() as {
        items: { enterpriseId: string; landClass: string }[];
      };
      expect(table.items.find((i) => i.enterpriseId === e.maker.id)?.landClass).toBe('B');

      // A sheet without the energy column corrects the rest and keeps the energy.
      const again = await uploadAndSettle(
        office,
        'land_figures',
        await workbookOf(HEADER.slice(0, 6), [[null, e.second.uscc, YEAR, 80, 2400, 30_000]], '亩均效益'),
      );
      expect(again).toMatchObject({ status: 'ready', summary: { create: 0, update: 1 } });
      expect((await office.post(`/api/v1/imports/${again.id}/commit`)).statusCode).toBe(200);
      expect(await figuresOf(e.second.id)).toMatchObject({ taxYuan: 2400 * WAN, energyTce: 900.5, version: 3 });
    });

    it('exports the district’s year with class and per-亩 values; it imports back as no change; scope as the table', async () => {
      const url = (query: string) => `/api/v1/land-efficiency/export.xlsx?${query}`;
      const exported = await office.get(url(`year=${YEAR}`));
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const [header, ...rows] = await rowsOf(exported.rawPayload);
      expect(header).toEqual([...HEADER, '评价类别', '亩均税收（万元/亩）', '亩均产值（万元/亩）', '单位能耗产值（万元/吨标准煤）']);
      const row = rows.find((r) => r[1] === e.maker.uscc);
      expect(row).toEqual([e.maker.name, e.maker.uscc, YEAR, 120, 1800, 42_000, 3500, 'B', 15, 350, 12]);
      // The table's filter: class A has none of them.
      expect((await rowsOf((await office.get(url(`year=${YEAR}&landClass=A`))).rawPayload)).length).toBe(1);
      // Leaders read it; a street unit reads the register too; another district's reader names this district: 404.
      expect((await leader.get(url(`year=${YEAR}`))).statusCode).toBe(200);
      expect((await otherDistrict.get(url(`year=${YEAR}&regionCode=370105`))).statusCode).toBe(404);
      const badYear = await office.get(url('year=1999'));
      expect(badYear.statusCode).toBe(400);
      expect(errorOf(badYear).details?.[0]?.path).toBe('query.year');

      const back = await upload(office, 'land_figures', exported.rawPayload, '亩均效益.xlsx');
      expect(back.statusCode, back.body).toBe(202);
      const job = (await settled(office, (back.json() as ImportJob).id)) as ImportJob;
      expect(job.problems).toEqual([]);
      expect((job.reading?.unmapped ?? []).map((u) => u.reason)).toEqual(['computed', 'computed', 'computed', 'computed']);
      expect(job.summary).toMatchObject({ create: 0, update: 0 });
    });
  },
  { dataDir: testDataDir() },
);
