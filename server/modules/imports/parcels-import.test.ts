import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import { createAccount } from '../../db/accounts';
import { landParcels } from '../../db/schema';
import { insertProject, insertUnit, uniqueSuffix, unitIdByName } from '../../test/factories';
import { type Client, OTHER_REGION, TEST_PASSWORD, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const HEADER = [
  '地块编号 *',
  '地块名称 *',
  '所在园区',
  '面积（亩） *',
  '规划用途 *',
  '适宜产业',
  '状态',
  '投资强度（万元/亩）',
  '亩均税收（万元/亩）',
  '容积率',
];
type ParcelJson = { id: string; code: string; name: string; status: string; version: number; areaMu: number };

const readWorkbook = async (body: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
};
const rowsOf = async (body: Buffer) =>
  ((await readWorkbook(body)).worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

describeEachDatabase(
  'imports and export: parcels (地块)',
  (t) => {
    let office: Client;
    let invest: Client;
    let leader: Client;
    let unit: Client;
    let otherDistrict: Client;
    let park: { id: string; name: string };
    let projectId: string;
    let projectName: string;
    const count = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(landParcels))[0]?.n);

    async function newParcel(extra: Record<string, unknown> = {}): Promise<ParcelJson> {
      const response = await invest.post('/api/v1/parcels', {
        code: `XLS-${uniqueSuffix()}`,
        name: `表格地块${uniqueSuffix()}`,
        areaMu: 40,
        plannedUse: 'industrial',
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    }
    async function suppliedParcel(): Promise<ParcelJson> {
      const parcel = await newParcel({ status: 'available' });
      const response = await invest.post(`/api/v1/parcels/${parcel.id}/status`, { status: 'supplied', projectId, version: parcel.version });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    }

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      invest = await signInAs(t().app, 'invest');
      leader = await signInAs(t().app, 'leader');
      unit = await signInAs(t().app, 'unit');
      const created = await invest.post('/api/v1/parks', { name: `表格测试园区${uniqueSuffix()}` });
      expect(created.statusCode, created.body).toBe(201);
      park = created.json();
      const project = await insertProject(t().database, { leadUnitId: await unitIdByName(t().database, '区投资促进中心') });
      projectId = project.id;
      projectName = project.name;
      const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
      const username = `invest_${uniqueSuffix()}`;
      await createAccount(
        t().database.db,
        { ip: null, requestId: null },
        { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
      );
      otherDistrict = await signInAs(t().app, username);
    });

    it('hands the carriers’ keepers a template with drop-downs and its own instructions; others get 403', async () => {
      const response = await invest.get('/api/v1/imports/templates/parcels');
      expect(response.statusCode).toBe(200);
      const workbook = await readWorkbook(response.rawPayload);
      const data = workbook.worksheets[0];
      expect(data?.name).toBe('地块');
      const headers = ((data?.getRow(1).values ?? []) as string[]).slice(1);
      expect(headers.slice(0, 5)).toEqual(HEADER.slice(0, 5));
      const validations = (data as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
      const validated = (header: string) => {
        const letter = String.fromCharCode(65 + headers.indexOf(header));
        return Object.keys(validations).some((range) => range.startsWith(`${letter}2`));
      };
      for (const header of ['规划用途 *', '适宜产业', '状态']) expect(validated(header), header).toBe(true);
      const listed = (workbook.getWorksheet('lists')?.getSheetValues() ?? []).flat().map(String);
      expect(listed).toEqual(expect.arrayContaining(['工业', '物流仓储', '储备', '待供']));
      // A sheet adds parcels to the reserve or as available: 已供 is not offered.
      expect(listed).not.toContain('已供');
      const instructions = (workbook.worksheets[1]?.getSheetValues() ?? []).flat().map(String).join('\n');
      expect(instructions).toContain('万元/亩');
      expect(instructions).toContain('导入不改变地块的状态');
      // Leaders read parcels but do not keep them; a unit clerk neither.
      expect((await leader.get('/api/v1/imports/templates/parcels')).statusCode).toBe(403);
      expect((await unit.get('/api/v1/imports/templates/parcels')).statusCode).toBe(403);
      expect((await upload(leader, 'parcels', await workbookOf(HEADER, [], '地块'))).statusCode).toBe(403);
    });

    it('refuses a file with bad rows whole, each problem at its row and column — a supplied parcel’s locked fields too', async () => {
      const supplied = await suppliedParcel();
      const reserve = await newParcel();
      const before = await count();
      const fresh = `XLS-NEW-${uniqueSuffix()}`;
      const row = (code: string, cells: Partial<Record<string, string | number>> = {}) =>
        HEADER.map(
          (h) =>
            cells[h] ??
            (h === '地块编号 *'
              ? code
              : h === '地块名称 *'
                ? `表格地块${code}`
                : h === '面积（亩） *'
                  ? 25
                  : h === '规划用途 *'
                    ? '工业'
                    : null),
        );
      const file = await workbookOf(
        HEADER,
        [
          row(fresh, { 所在园区: park.name }),
          row(`XLS-A-${uniqueSuffix()}`, { 所在园区: '不存在的园区' }),
          row(`XLS-B-${uniqueSuffix()}`, { '规划用途 *': '养殖' }),
          row(`XLS-C-${uniqueSuffix()}`, { 状态: '已供' }),
          row(`XLS-D-${uniqueSuffix()}`, { '亩均税收（万元/亩）': 30 }),
          row(fresh),
          row(supplied.code, { '面积（亩） *': supplied.areaMu + 5, '规划用途 *': '工业', 状态: '已供' }),
          row(reserve.code, { 状态: '待供', '面积（亩） *': 40 }),
          row(`XLS-E-${uniqueSuffix()}`, { '面积（亩） *': -3 }),
        ],
        '地块',
      );
      const job = await uploadAndSettle(invest, 'parcels', file);
      expect(job.status).toBe('invalid');
      const at = (r: number) => job.problems.filter((p) => p.row === r).map((p) => ({ column: p.column, code: p.code }));
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual([{ column: 'C', code: 'carrier.import_park_unknown' }]);
      expect(at(4)).toEqual([{ column: 'E', code: 'import.unknown_value' }]);
      expect(at(5)).toEqual([{ column: 'G', code: 'carrier.import_status_new' }]);
      expect(at(6)).toEqual([{ column: 'H', code: 'carrier.import_standard_intensity' }]);
      expect(at(7)).toEqual([{ column: 'A', code: 'carrier.import_same_parcel_twice' }]);
      // The page's own rule, through the carriers' check-only twin of updateParcel.
      expect(at(8)).toEqual([{ column: 'D', code: 'carrier.supplied_fields_locked' }]);
      expect(at(9)).toEqual([{ column: 'G', code: 'carrier.import_status_moved' }]);
      expect(at(10).map((p) => p.column)).toEqual(['D']);
      const message = (r: number) => job.problems.find((p) => p.row === r)?.message;
      expect(message(3)).toContain('不存在的园区');
      expect(message(7)).toContain('第 2 行');
      expect(message(8)).toContain('已供地块');
      expect(message(9)).toContain('储备');
      expect(await count()).toBe(before);
      expect(errorOf(await invest.post(`/api/v1/imports/${job.id}/commit`)).code).toBe('import_not_ready');
      const marked = await invest.get(`/api/v1/imports/${job.id}/marked.xlsx`);
      expect(marked.statusCode).toBe(200);
      expect(JSON.stringify((await readWorkbook(marked.rawPayload)).worksheets[0]?.getCell('D8').note)).toContain('已供');
    });

    it('adds parcels and updates the district’s parcels by number in one commit, standards as plain 万元/亩, audited', async () => {
      const existing = await newParcel({ parkId: park.id });
      const fresh = `XLS-ADD-${uniqueSuffix()}`;
      const file = await workbookOf(
        HEADER,
        [
          [fresh, '表格新增标准地', park.name, '3.5公顷', '工业', '新型功能材料、智能制造装备', '待供', 320, 25, 1.2],
          [existing.code, existing.name, null, 42.5, '科研', null, '储备', null, null, null],
        ],
        '地块',
      );
      const job = await uploadAndSettle(invest, 'parcels', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 1, update: 1 } });
      const commit = await invest.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);

      const [added] = await t().database.db.select().from(landParcels).where(eq(landParcels.code, fresh));
      expect(added).toMatchObject({
        name: '表格新增标准地',
        parkId: park.id,
        areaMu: 52.5,
        plannedUse: 'industrial',
        status: 'available',
        stdInvestmentWanPerMu: 320,
        stdTaxWanPerMu: 25,
        stdPlotRatio: 1.2,
        stdOutputWanPerMu: null,
      });
      expect(added?.industries).toHaveLength(2);
      const [updated] = await t().database.db.select().from(landParcels).where(eq(landParcels.id, existing.id));
      expect(updated).toMatchObject({
        parkId: null,
        areaMu: 42.5,
        plannedUse: 'research',
        status: 'reserve',
        version: existing.version + 1,
      });
      expect((await lastAuditEvent(t().database, 'parcels.create', added?.id))?.after).toMatchObject({
        code: fresh,
        stdInvestmentWanPerMu: 320,
      });
      expect((await lastAuditEvent(t().database, 'parcels.update', existing.id))?.after).toMatchObject({ plannedUse: 'research' });
      expect((await lastAuditEvent(t().database, 'imports.commit', job.id))?.after).toMatchObject({
        kind: 'parcels',
        create: 1,
        update: 1,
      });
    });

    it('exports the list’s parcels with its filters in the import’s columns; the whole district imports back unchanged', async () => {
      const parcel = await newParcel({
        parkId: park.id,
        industries: ['new_materials'],
        standard: { investmentIntensityWan: 300, outputPerMuWan: 400, taxPerMuWan: 30, plotRatio: 1.5, energyPerUnit: 0.35 },
      });
      const url = (query: string) => `/api/v1/parcels/export.xlsx?${query}`;
      const exported = await invest.get(url(`q=${encodeURIComponent(parcel.code)}`));
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const [header, row] = await rowsOf(exported.rawPayload);
      expect(header).toEqual(expect.arrayContaining(HEADER));
      const cell = (name: string) => row?.[(header ?? []).indexOf(name)];
      expect(cell('地块编号 *')).toBe(parcel.code);
      expect(cell('所在园区')).toBe(park.name);
      expect(cell('面积（亩） *')).toBe(40);
      expect(cell('规划用途 *')).toBe('工业');
      expect(cell('状态')).toBe('储备');
      expect(cell('投资强度（万元/亩）')).toBe(300);
      expect(cell('单位能耗（吨标准煤/万元）')).toBe(0.35);
      // 供地项目: empty for a parcel not supplied; the project's name for a supplied one.
      expect(header?.at(-1)).toBe('供地项目');
      expect(cell('供地项目') ?? null).toBeNull();
      const supplied = await suppliedParcel();
      const [, suppliedRow] = await rowsOf((await invest.get(url(`q=${encodeURIComponent(supplied.code)}`))).rawPayload);
      expect(suppliedRow?.[(header ?? []).indexOf('供地项目')]).toBe(projectName);
      // The list's filters: another status or not-标准地 leaves it out.
      for (const query of ['status=supplied', 'standard=false', 'plannedUse=office']) {
        const filtered = await invest.get(url(`q=${encodeURIComponent(parcel.code)}&${query}`));
        expect((await rowsOf(filtered.rawPayload)).length, query).toBe(1);
      }
      // Same permission and scope as the list: leaders read it, a unit clerk does not, another district sees none of it.
      expect((await leader.get(url(`q=${encodeURIComponent(parcel.code)}`))).statusCode).toBe(200);
      expect((await unit.get(url(''))).statusCode).toBe(403);
      const foreign = await otherDistrict.get(url(''));
      expect(foreign.statusCode).toBe(200);
      expect((await rowsOf(foreign.rawPayload)).length).toBe(1);
      const badSort = await invest.get(url('sort=-nope'));
      expect(badSort.statusCode).toBe(400);
      expect(errorOf(badSort).details?.[0]?.path).toBe('query.sort');

      // The whole district's inventory (demo parcels of every status, 标准地, supplied ones) goes back in as no change.
      const whole = await office.get(url(''));
      const rows = await rowsOf(whole.rawPayload);
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.map((r) => r[(header ?? []).indexOf('状态')])).toContain('已供');
      const back = await upload(invest, 'parcels', whole.rawPayload, '地块.xlsx');
      expect(back.statusCode, back.body).toBe(202);
      const job = (await settled(invest, (back.json() as ImportJob).id)) as ImportJob;
      expect(job.problems).toEqual([]);
      // 供地项目 is the parcels page's to set: read back as Lantu's own column, left out without asking.
      expect((job.reading?.unmapped ?? []).map((u) => [u.header, u.reason])).toEqual([['供地项目', 'computed']]);
      expect(job.summary).toMatchObject({ create: 0, update: 0 });
    });
  },
  { dataDir: testDataDir() },
);
