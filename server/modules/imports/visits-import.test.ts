import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { composeUscc } from '../../../common/domain/uscc';
import type { ImportJob } from '../../../common/schemas/imports';
import { createAccount } from '../../db/accounts';
import { matters, users, visitDemands, visits } from '../../db/schema';
import { insertUnit, uniqueSuffix, unitOfUser } from '../../test/factories';
import { type Client, OTHER_REGION, TEST_PASSWORD, describeEachDatabase, lastAuditEvent, signInAs } from '../../test/harness';
import { settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const HEADER = [
  '走访日期 *',
  '企业名称',
  '企业统一社会信用代码',
  '走访单位',
  '走访人',
  '走访目的 *',
  '情况记录',
  '企业诉求',
  '诉求类别',
  '诉求承办单位',
  '诉求办结时限',
];

const readWorkbook = async (body: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
};
const rowsOf = async (body: Buffer) =>
  ((await readWorkbook(body)).worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

describeEachDatabase(
  'imports and export: visits (走访)',
  (t) => {
    let office: Client;
    let unit: Client;
    let leader: Client;
    let otherUnitStaff: Client;
    let otherDistrict: Client;
    let enterprise: { id: string; name: string; uscc: string };
    let unitName: string;
    let unitPersonName: string;
    let officeUnitName: string;
    const today = todayInChina();
    const visitCount = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(visits))[0]?.n);
    const matterCount = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(matters))[0]?.n);

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      unit = await signInAs(t().app, 'unit');
      leader = await signInAs(t().app, 'leader');
      const unitRow = await unitOfUser(t().database, unit.userId ?? '');
      unitName = unitRow.name;
      officeUnitName = (await unitOfUser(t().database, office.userId ?? '')).name;
      const [person] = await t()
        .database.db.select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, unit.userId ?? ''));
      unitPersonName = person?.name ?? '';
      const uscc = composeUscc('91', '370105', `MX${String(Date.now()).slice(-6)}`);
      const created = await office.post('/api/v1/enterprises', {
        name: `济南天桥表格走访企业${uniqueSuffix()}有限公司`,
        uscc,
        kind: 'local',
      });
      expect(created.statusCode, created.body).toBe(201);
      enterprise = { id: created.json().id, name: created.json().name, uscc: created.json().uscc };
      const otherUnit = await insertUnit(t().database, { regionCode: unitRow.regionCode, name: `表格走访其他单位${uniqueSuffix()}` });
      const clerk = `visit_clerk_${uniqueSuffix()}`;
      await createAccount(
        t().database.db,
        { ip: null, requestId: null },
        { username: clerk, displayName: clerk, unitId: otherUnit.id, roleCode: 'unit_staff', password: TEST_PASSWORD },
      );
      otherUnitStaff = await signInAs(t().app, clerk);
      const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区工信局${uniqueSuffix()}` });
      const foreigner = `visitor_${uniqueSuffix()}`;
      await createAccount(
        t().database.db,
        { ip: null, requestId: null },
        { username: foreigner, displayName: foreigner, unitId: foreignUnit.id, roleCode: 'project_office', password: TEST_PASSWORD },
      );
      otherDistrict = await signInAs(t().app, foreigner);
    });

    it('hands those who record visits a template with drop-downs and its own instructions; readers get 403', async () => {
      const response = await unit.get('/api/v1/imports/templates/visits');
      expect(response.statusCode).toBe(200);
      const workbook = await readWorkbook(response.rawPayload);
      const data = workbook.worksheets[0];
      expect(data?.name).toBe('走访');
      const headers = ((data?.getRow(1).values ?? []) as string[]).slice(1);
      expect(headers).toEqual(HEADER);
      const validations = (data as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
      const validated = (header: string) => {
        const letter = String.fromCharCode(65 + headers.indexOf(header));
        return Object.keys(validations).some((range) => range.startsWith(`${letter}2`));
      };
      for (const header of ['走访单位', '诉求类别', '诉求承办单位']) expect(validated(header), header).toBe(true);
      const listed = (workbook.getWorksheet('lists')?.getSheetValues() ?? []).flat().map(String);
      expect(listed).toEqual(expect.arrayContaining(['用地', '资金', unitName]));
      const instructions = (workbook.worksheets[1]?.getSheetValues() ?? []).flat().map(String).join('\n');
      expect(instructions).toContain('企业诉求每行一条');
      expect((await leader.get('/api/v1/imports/templates/visits')).statusCode).toBe(403);
      expect((await upload(leader, 'visits', await workbookOf(HEADER, [], '走访'))).statusCode).toBe(403);
    });

    it('refuses a file with bad rows whole, each problem at its row and column; no visit and no matter is written', async () => {
      const [visitsBefore, mattersBefore] = [await visitCount(), await matterCount()];
      const purpose = `表格走访核对${uniqueSuffix()}`;
      const row = (cells: Partial<Record<string, string | number | null>> = {}) =>
        HEADER.map((h) =>
          h in cells
            ? (cells[h] ?? null)
            : h === '走访日期 *'
              ? today
              : h === '企业名称'
                ? enterprise.name
                : h === '走访人'
                  ? '王科长'
                  : h === '走访目的 *'
                    ? purpose
                    : null,
        );
      const demand = { 企业诉求: '厂区门前道路积水', 诉求类别: '其他', 诉求承办单位: officeUnitName, 诉求办结时限: addDays(today, 15) };
      const file = await workbookOf(
        HEADER,
        [
          row(demand),
          row({ 企业名称: '查无此企业有限公司', '走访目的 *': `${purpose}A` }),
          row({ '走访日期 *': addDays(today, 2), '走访目的 *': `${purpose}B` }),
          row({ ...demand, 诉求类别: null, '走访目的 *': `${purpose}C` }),
          row({ ...demand, 诉求办结时限: addDays(today, -1), '走访目的 *': `${purpose}D` }),
          row({ 走访单位: officeUnitName, '走访目的 *': `${purpose}E` }),
          row({ 走访人: null, '走访目的 *': `${purpose}F` }),
          row(),
        ],
        '走访',
      );
      const job = await uploadAndSettle(unit, 'visits', file);
      expect(job.status).toBe('invalid');
      const at = (r: number) => job.problems.filter((p) => p.row === r).map((p) => ({ column: p.column, code: p.code }));
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual([{ column: 'B', code: 'import.enterprise_unknown' }]);
      expect(at(4)).toEqual([{ column: 'A', code: 'visit.date_future' }]);
      expect(at(5)).toEqual([{ column: 'I', code: 'visit.import_demand_needs' }]);
      // The demand is checked as the matters loop raises it.
      expect(at(6)).toEqual([{ column: 'K', code: 'matter.deadline_past' }]);
      expect(at(7)).toEqual([{ column: 'D', code: 'visit.unit_outside_scope' }]);
      expect(at(8)).toEqual([{ column: 'E', code: 'visit.visitors_required' }]);
      expect(at(9)).toEqual([{ column: 'F', code: 'visit.import_same_visit_twice' }]);
      expect(job.problems.find((p) => p.row === 9)?.message).toContain('第 2 行');
      expect(await visitCount()).toBe(visitsBefore);
      expect(await matterCount()).toBe(mattersBefore);
    });

    it('records visits in one commit; each line of 企业诉求 becomes a matter raised by the matters loop, audited', async () => {
      const purpose = `表格走访了解生产经营${uniqueSuffix()}`;
      const deadline = addDays(today, 20);
      const file = await workbookOf(
        HEADER,
        [
          [
            addDays(today, -2),
            null,
            enterprise.uscc,
            null,
            `${unitPersonName}、街道李干事`,
            purpose,
            '订单饱满，计划扩产',
            '厂区东侧道路破损，货车通行困难\n新招员工子女入学咨询',
            '其他',
            officeUnitName,
            deadline,
          ],
          [today, enterprise.name, null, unitName, '王科长', `${purpose}（回访）`, null, null, null, null, null],
        ],
        '走访',
      );
      const job = await uploadAndSettle(unit, 'visits', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', summary: { create: 2, update: 0 } });
      const commit = await unit.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);

      const [recorded] = await t()
        .database.db.select()
        .from(visits)
        .where(and(eq(visits.enterpriseId, enterprise.id), eq(visits.purpose, purpose)));
      expect(recorded).toMatchObject({
        visitDate: addDays(today, -2),
        visitorUserIds: [unit.userId],
        visitorNames: ['街道李干事'],
        notes: '订单饱满，计划扩产',
      });
      const links = await t()
        .database.db.select()
        .from(visitDemands)
        .where(eq(visitDemands.visitId, recorded?.id ?? ''));
      expect(links).toHaveLength(2);
      const raised = await t()
        .database.db.select()
        .from(matters)
        .where(
          inArray(
            matters.id,
            links.map((l) => l.matterId),
          ),
        );
      expect(raised.map((m) => m.title).sort()).toEqual(
        [`${enterprise.name}：厂区东侧道路破损，货车通行困难`, `${enterprise.name}：新招员工子女入学咨询`].sort(),
      );
      for (const matter of raised) {
        expect(matter).toMatchObject({ source: 'enterprise_demand', status: 'assigned', category: 'other', deadline });
        expect(await lastAuditEvent(t().database, 'matters.create', matter.id)).not.toBeNull();
      }
      expect((await lastAuditEvent(t().database, 'visits.create', recorded?.id))?.after).toMatchObject({
        demandMatterIds: expect.arrayContaining(links.map((l) => l.matterId)),
      });
      expect((await lastAuditEvent(t().database, 'imports.commit', job.id))?.after).toMatchObject({ kind: 'visits', create: 2, update: 0 });
    });

    it('exports the visits the list shows (its filters, the visits scope); the file goes back in recording nothing twice', async () => {
      const purpose = `表格导出走访${uniqueSuffix()}`;
      const created = await unit.post('/api/v1/visits', {
        enterpriseId: enterprise.id,
        visitDate: addDays(today, -5),
        visitorUserIds: [unit.userId],
        visitorNames: ['街道张干事'],
        purpose,
        notes: '需协调用电增容',
      });
      expect(created.statusCode, created.body).toBe(201);
      const url = (query: string) => `/api/v1/visits/export.xlsx?${query}`;
      const exported = await unit.get(url(`q=${encodeURIComponent(purpose)}`));
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const [header, row] = await rowsOf(exported.rawPayload);
      expect(header).toEqual(HEADER);
      const cell = (name: string) => row?.[(header ?? []).indexOf(name)];
      expect(cell('企业名称')).toBe(enterprise.name);
      expect(cell('企业统一社会信用代码')).toBe(enterprise.uscc);
      expect(cell('走访单位')).toBe(unitName);
      expect(cell('走访人')).toBe(`${unitPersonName}、街道张干事`);
      expect(cell('走访目的 *')).toBe(purpose);
      expect(new Date(cell('走访日期 *') as Date).toISOString().slice(0, 10)).toBe(addDays(today, -5));
      // The list's filters: a span of days without it leaves it out.
      const filtered = await unit.get(url(`q=${encodeURIComponent(purpose)}&from=${addDays(today, -3)}`));
      expect((await rowsOf(filtered.rawPayload)).length).toBe(1);
      // The visits scope: the keepers see it, another unit of the district and another district do not.
      expect((await rowsOf((await office.get(url(`q=${encodeURIComponent(purpose)}`))).rawPayload)).length).toBe(2);
      expect((await rowsOf((await otherUnitStaff.get(url(`q=${encodeURIComponent(purpose)}`))).rawPayload)).length).toBe(1);
      const foreign = await otherDistrict.get(url(''));
      expect(foreign.statusCode).toBe(200);
      expect((await rowsOf(foreign.rawPayload)).length).toBe(1);

      // The unit's whole export goes back in: every visit already recorded, so nothing is recorded again.
      const [visitsBefore, mattersBefore] = [await visitCount(), await matterCount()];
      const whole = await unit.get(url(''));
      expect((await rowsOf(whole.rawPayload)).length).toBeGreaterThan(2);
      const back = await upload(unit, 'visits', whole.rawPayload, '走访.xlsx');
      expect(back.statusCode, back.body).toBe(202);
      const job = (await settled(unit, (back.json() as ImportJob).id)) as ImportJob;
      expect(job.problems).toEqual([]);
      expect(job.reading?.unmapped ?? []).toEqual([]);
      expect(job.summary).toMatchObject({ create: 0, update: 0 });
      expect(await visitCount()).toBe(visitsBefore);
      expect(await matterCount()).toBe(mattersBefore);
    });
  },
  { dataDir: testDataDir() },
);
