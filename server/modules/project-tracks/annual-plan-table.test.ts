import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { AnnualPlanGroup, AnnualPlanTable } from '../../../common/schemas/annual-plan-table';
import { annualPlans } from '../../db/schema';
import { insertProject, insertUnit, thisYear, uniqueSuffix, unitIdByName } from '../../test/factories';
import { type Client, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

const MONTHS = (yuan: number) => Array.from({ length: 12 }, () => yuan);

/** The workbook of an .xlsx answer. */
async function workbookOf(response: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** A cell's number (a formula's result), in 元 from 万元 (the sheets' unit), rounded to the 元. */
const yuanOf = (cell: ExcelJS.Cell) => {
  const value = cell.value as number | { result?: number } | null;
  const wan = typeof value === 'number' ? value : (value?.result ?? 0);
  return Math.round(wan * 10_000);
};

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every column of a group is the sum of the same column of the rows it holds. */
function expectSumsOf(group: AnnualPlanGroup, rows: AnnualPlanTable['items']) {
  expect(group.count).toBe(rows.length);
  expect(group.currentYuan).toBe(sumOf(rows.map((r) => r.currentYuan)));
  expect(group.baselineYuan).toBe(sumOf(rows.map((r) => r.baselineYuan ?? 0)));
  expect(group.changeYuan).toBe(sumOf(rows.map((r) => r.changeYuan ?? 0)));
  expect(group.draftYuan).toBe(sumOf(rows.filter((r) => r.baselineYuan === null).map((r) => r.currentYuan)));
  group.monthlyYuan.forEach((yuan, i) => {
    expect(yuan).toBe(sumOf(rows.map((r) => r.monthlyYuan[i] ?? 0)));
  });
}

// The district's annual-plan page: the year's plans of the reader's scope, equal to the ledger's annual-plan total.
describeEachDatabase('district annual-plan page', (t) => {
  let office: Client;
  let unitStaff: Client;
  let city: Client;
  const year = thisYear();

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    city = await signInAs(t().app, 'city');
  });

  const tableOf = async (client: Client, query = '') => {
    const response = await client.get(`/api/v1/annual-plans?year=${year}${query}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json() as AnnualPlanTable;
  };

  /** The ledger's 年度计划投资 total (the 合计 row), in 元, for the same reader and year. */
  const ledgerAnnualTotal = async (client: Client) => {
    const sheet = (await workbookOf(await client.get(`/api/v1/projects/ledger.xlsx?year=${year}`))).worksheets[0];
    if (!sheet) throw new Error('no ledger sheet');
    const column = (sheet.getRow(4).values as unknown[]).findIndex((v) => String(v).startsWith('年度计划投资'));
    expect(column).toBeGreaterThan(0);
    let total: number | null = null;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value ?? '').startsWith('合计')) total = yuanOf(row.getCell(column));
    });
    return total;
  };

  it('answers 401 signed out and 400 naming the field on a bad year or district', async () => {
    for (const path of ['/api/v1/annual-plans', '/api/v1/annual-plans/export.xlsx']) {
      expect((await anonymous(t().app).get(path)).statusCode).toBe(401);
      const badYear = await office.get(`${path}?year=1999`);
      expect(badYear.statusCode).toBe(400);
      expect(errorOf(badYear).details?.[0]?.path).toBe('query.year');
      const badRegion = await office.get(`${path}?regionCode=37`);
      expect(errorOf(badRegion).details?.[0]?.path).toBe('query.regionCode');
    }
  });

  it('totals are the sums of the rows, by unit, by category, by month and in all', async () => {
    const table = await tableOf(office);
    expect(table.items.length).toBeGreaterThan(10);
    expect(table.regionName).toBe('天桥区');
    expectSumsOf(table.total, table.items);
    for (const row of table.items) expect(sumOf(row.monthlyYuan)).toBe(row.currentYuan);
    for (const group of table.byUnit)
      expectSumsOf(
        group,
        table.items.filter((r) => r.leadUnitId === group.key),
      );
    for (const group of table.byCategory)
      expectSumsOf(
        group,
        table.items.filter((r) => r.categoryCode === group.key),
      );
    expect(sumOf(table.byUnit.map((g) => g.currentYuan))).toBe(table.total.currentYuan);
    expect(sumOf(table.byCategory.map((g) => g.currentYuan))).toBe(table.total.currentYuan);
    expect(table.byMonth.map((m) => m.plannedYuan)).toEqual(table.total.monthlyYuan);
    expect(table.byMonth[11]?.cumulativeYuan).toBe(table.total.currentYuan);
    // The demo district's plan: about 250亿元, frozen as the baseline at the end of January.
    expect(table.total.currentYuan).toBeGreaterThanOrEqual(240 * 100_000_000);
    expect(table.total.currentYuan).toBeLessThanOrEqual(260 * 100_000_000);
  });

  it('the grand total equals the ledger’s annual-plan total for the same reader, the office and a unit alike', async () => {
    const officeTable = await tableOf(office);
    expect(await ledgerAnnualTotal(office)).toBe(officeTable.total.currentYuan);
    const unitTable = await tableOf(unitStaff);
    expect(await ledgerAnnualTotal(unitStaff)).toBe(unitTable.total.currentYuan);
  });

  it('shows a unit only its own projects, and nobody another district’s', async () => {
    const beiyuan = await unitIdByName(t().database, '北园街道办事处');
    const other = await insertUnit(t().database, { regionCode: '370105' });
    const name = `年度计划范围${uniqueSuffix()}`;
    const outside = await insertProject(t().database, { name, leadUnitId: other.id });
    await t()
      .database.db.insert(annualPlans)
      .values({
        projectId: outside.id,
        year,
        plannedYuan: 1_200_000,
        monthlyYuan: MONTHS(100_000),
      });
    const unitTable = await tableOf(unitStaff);
    expect(unitTable.items.length).toBeGreaterThan(0);
    expect(new Set(unitTable.items.map((r) => r.leadUnitId))).toEqual(new Set([beiyuan]));
    expect(unitTable.items.some((r) => r.projectId === outside.id)).toBe(false);
    expect((await tableOf(office)).items.some((r) => r.projectId === outside.id)).toBe(true);
    // Naming another district narrows the reader's own scope: nothing of it is his.
    const elsewhere = await tableOf(office, '&regionCode=370102');
    expect(elsewhere.items).toEqual([]);
    expect(elsewhere.total.currentYuan).toBe(0);
  });

  it('lets a city reader see the city, or one district by its code', async () => {
    const [whole, tianqiao, officeTable] = await Promise.all([tableOf(city), tableOf(city, '&regionCode=370105'), tableOf(office)]);
    expect(tianqiao.regionName).toBe('天桥区');
    expect(tianqiao.total.currentYuan).toBe(officeTable.total.currentYuan);
    expect(whole.total.currentYuan).toBeGreaterThan(tianqiao.total.currentYuan);
    expect(whole.regionName).toBe('济南市');
  });

  it('lists who has not entered theirs, by lead unit, and drops a project once its plan is saved', async () => {
    const unit = await insertUnit(t().database, { regionCode: '370105', name: `未填报单位${uniqueSuffix()}` });
    const building = await insertProject(t().database, { leadUnitId: unit.id, pool: 'implementing' });
    const startingThisYear = await insertProject(t().database, {
      leadUnitId: unit.id,
      pool: 'advancing',
      plannedStart: `${year}-11-01`,
      plannedCompletion: `${year + 2}-06-30`,
    });
    const nextYear = await insertProject(t().database, {
      leadUnitId: unit.id,
      pool: 'advancing',
      plannedStart: `${year + 1}-03-01`,
      plannedCompletion: `${year + 2}-06-30`,
    });
    const idea = await insertProject(t().database, { leadUnitId: unit.id, pool: 'planning' });
    const before = await tableOf(office);
    const line = before.missing.find((m) => m.unitId === unit.id);
    expect(line?.unitName).toBe(unit.name);
    expect(line?.projects.map((p) => p.id).sort()).toEqual([building.id, startingThisYear.id].sort());
    const listed = new Set(before.missing.flatMap((m) => m.projects.map((p) => p.id)));
    expect(listed.has(nextYear.id)).toBe(false);
    expect(listed.has(idea.id)).toBe(false);
    expect(before.missingCount).toBe(listed.size);

    const saved = await office.post(`/api/v1/projects/${building.id}/annual-plans`, {
      year,
      plannedYuan: 2_400_000,
      monthlyYuan: MONTHS(200_000),
      basedOn: null,
    });
    expect(saved.statusCode).toBe(201);
    const after = await tableOf(office);
    expect(after.missing.find((m) => m.unitId === unit.id)?.projects.map((p) => p.id)).toEqual([startingThisYear.id]);
    expect(after.missingCount).toBe(before.missingCount - 1);
    expect(after.items.find((r) => r.projectId === building.id)).toMatchObject({
      currentYuan: 2_400_000,
      baselineYuan: null,
      changeYuan: null,
      versionNo: 1,
      frozen: false,
    });
    expect(after.total.currentYuan).toBe(before.total.currentYuan + 2_400_000);
    expect(after.total.draftCount).toBe(before.total.draftCount + 1);
  });

  it('sets the current version beside the frozen baseline once an adjustment is saved', async () => {
    const project = await insertProject(t().database, { name: `年中调整${uniqueSuffix()}` });
    const url = `/api/v1/projects/${project.id}/annual-plans`;
    const v1 = (await office.post(url, { year, plannedYuan: 1_200_000, monthlyYuan: MONTHS(100_000), basedOn: null })).json();
    expect((await office.post(`${url}/${v1.id}/freeze`, { version: v1.version })).statusCode).toBe(200);
    const frozen = await tableOf(office);
    expect(frozen.items.find((r) => r.projectId === project.id)).toMatchObject({
      baselineYuan: 1_200_000,
      currentYuan: 1_200_000,
      changeYuan: 0,
    });

    const list = (await office.get(`${url}?year=${year}`)).json();
    const adjusted = await office.post(url, {
      year,
      plannedYuan: 1_800_000,
      monthlyYuan: [...MONTHS(100_000).slice(0, 6), ...MONTHS(200_000).slice(0, 6)],
      reason: '年中调整：追加二期设备采购',
      basedOn: { id: list.current.id, version: list.current.version },
    });
    expect(adjusted.statusCode).toBe(201);
    const after = await tableOf(office);
    const row = after.items.find((r) => r.projectId === project.id);
    expect(row).toMatchObject({
      baselineYuan: 1_200_000,
      currentYuan: 1_800_000,
      changeYuan: 600_000,
      versionNo: 2,
      frozen: false,
      reason: '年中调整：追加二期设备采购',
    });
    expect(after.total.currentYuan - frozen.total.currentYuan).toBe(600_000);
    expect(after.total.changeYuan - frozen.total.changeYuan).toBe(600_000);
    expect(after.total.baselineYuan).toBe(frozen.total.baselineYuan);
    expect(after.total.adjustedCount).toBe(frozen.total.adjustedCount + 1);
    // Still the ledger's figure: it sums the current version too.
    expect(await ledgerAnnualTotal(office)).toBe(after.total.currentYuan);
  });

  it('exports the same rows and totals, A3 landscape fitted to the width with the header repeated', async () => {
    const table = await tableOf(office);
    const response = await office.get(`/api/v1/annual-plans/export.xlsx?year=${year}`);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toMatch(new RegExp(`^年度投资计划-${year}-[\\d-]+\\.xlsx$`));
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按项目', '按责任单位', '按项目类别', '未填报']);
    const [projectsSheet, unitsSheet, categoriesSheet, missingSheet] = workbook.worksheets;
    if (!projectsSheet || !unitsSheet || !categoriesSheet || !missingSheet) throw new Error('sheets missing');
    expect(String(projectsSheet.getCell('A1').value)).toBe(`天桥区${year}年度重点项目投资计划表`);
    expect(projectsSheet.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(projectsSheet.pageSetup.printTitlesRow).toBe('3:3');
    const header = projectsSheet.getRow(3).values as unknown[];
    const current = header.indexOf('当前计划');
    const baseline = header.indexOf('年初基准');
    const december = header.indexOf('12月');
    expect(current).toBeGreaterThan(0);
    // A row per project, in the page's order, then the total.
    const rows = table.items.length;
    for (let i = 0; i < rows; i += 1) {
      const item = table.items[i];
      const row = projectsSheet.getRow(4 + i);
      expect(row.getCell(2).value).toBe(item?.name);
      expect(yuanOf(row.getCell(current))).toBe(item?.currentYuan);
    }
    const totalRow = projectsSheet.getRow(4 + rows);
    expect(String(totalRow.getCell(1).value)).toBe(`合计（${rows}个）`);
    expect(yuanOf(totalRow.getCell(current))).toBe(table.total.currentYuan);
    expect(yuanOf(totalRow.getCell(baseline))).toBe(table.total.baselineYuan);
    expect(yuanOf(totalRow.getCell(december))).toBe(table.total.monthlyYuan[11]);
    let sheetSum = 0;
    for (let i = 0; i < rows; i += 1) sheetSum += yuanOf(projectsSheet.getRow(4 + i).getCell(current));
    expect(sheetSum).toBe(table.total.currentYuan);
    // By unit: a row per unit, and the same total.
    const unitCurrent = (unitsSheet.getRow(3).values as unknown[]).indexOf('当前计划');
    expect(yuanOf(unitsSheet.getRow(4 + table.byUnit.length).getCell(unitCurrent))).toBe(table.total.currentYuan);
    expect(unitsSheet.getRow(4).getCell(2).value).toBe(table.byUnit[0]?.name);
    expect(categoriesSheet.rowCount).toBe(3 + table.byCategory.length + 1);
    expect(missingSheet.rowCount).toBe(3 + table.missingCount);
  });
});
