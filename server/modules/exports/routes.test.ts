import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import type { Project } from '../../../common/schemas/projects';
import { projectWarnings, users } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { loadLookups } from '../imports/columns/lookups';
import { projectSheetOwnColumns } from '../imports/columns/pool-column';
import { projectColumns } from '../imports/columns/projects';
import { LEDGER_HEADER_ROWS } from './ledger';
import { buildProject, insertPeriod, insertReport, placeInPool, unitIdByName, userIdOf } from '../../test/factories';
import { recomputeWarnings } from '../warnings';

// Every project of this file carries the marker; exports are narrowed to it with q=, so they assert exactly.
const MARKER = '导出测试';
const marked = (path: string, query = '') => `/api/v1/projects/${path}?q=${encodeURIComponent(MARKER)}${query ? `&${query}` : ''}`;

async function workbookOf(response: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The data rows of the list export as objects keyed by column key. */
function listRows(sheet: ExcelJS.Worksheet) {
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(projectSheetOwnColumns.map((c, i) => [c.key, row.getCell(i + 1).value])));
  });
  return rows;
}

const columnIndex = (key: string) => projectColumns.findIndex((c) => c.key === key) + 1;

describeEachDatabase('project exports: the list and the ledger', (t) => {
  let office: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let factory: Project;
  let street: Project;
  let injected: Project;
  let planning: Project;
  const year = Number(todayInChina().slice(0, 4));

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    const beiyuanId = await unitIdByName(t().database, '北园街道办事处');
    const leaderId = await userIdOf(t().database, 'leader');
    factory = await buildProject(office, t().database, {
      name: `智能装备制造基地${MARKER}`,
      code: '2019-370105-35-03-551201',
      ownerName: '济南智能装备有限公司',
      constructionContent: '新建厂房 12 万平方米，购置生产线 8 条',
      categoryCode: 'industrial',
      industryCode: '35',
      isProvincialKey: true,
      nature: 'continuing',
      totalInvestmentYuan: 2_000_012_345,
      fixedAssetInvestmentYuan: 1_500_000_000,
      // 6亿 completed before Lantu, as of last December: the ledger's since-start column starts from it.
      openingCompletedYuan: 600_000_000,
      openingCompletedAsOf: `${year - 1}-12-31`,
      clusterCode: 'smart_mfg',
      parkCode: 'smart_equip',
      streetCode: '370105014',
      plannedStart: `${year - 1}-03-01`,
      plannedCompletion: `${year + 1}-06-30`,
      needsLand: true,
      landSecured: true,
      landAreaMu: 120.5,
      leaderIds: [leaderId],
      contactName: '王工',
      contactPhone: '0531-88886666',
    });
    street = await buildProject(office, t().database, {
      name: `北园老旧小区改造${MARKER}`,
      leadUnitId: beiyuanId,
      categoryCode: 'urban_renewal',
      nature: 'new_start',
      needsLand: false,
      totalInvestmentYuan: 80_000_000,
      plannedStart: `${year}-04-01`,
      plannedCompletion: `${year}-12-31`,
    });
    injected = await buildProject(office, t().database, {
      name: `=HYPERLINK("http://x")${MARKER}`,
      ownerName: '@SUM(A1)',
      totalInvestmentYuan: 1_000_000,
      plannedStart: `${year}-01-01`,
    });
    planning = await buildProject(office, t().database, {
      name: `城市更新储备${MARKER}`,
      nature: 'reserve',
      totalInvestmentYuan: 30_000_000,
      plannedStart: `${year + 1}-01-01`,
    });
    await placeInPool(t().database, factory.id, 'implementing');
    await placeInPool(t().database, street.id, 'implementing');
    await placeInPool(t().database, injected.id, 'advancing');
    const plan = await office.post(`/api/v1/projects/${factory.id}/annual-plans`, {
      year,
      plannedYuan: 1_200_000_000,
      monthlyYuan: Array.from({ length: 12 }, () => 100_000_000),
      basedOn: null,
    });
    expect(plan.statusCode, plan.body).toBe(201);
  });

  it('answers 401 signed out and 400 with the field named for a bad filter or sort', async () => {
    for (const path of ['export.xlsx', 'ledger.xlsx']) {
      expect((await anonymous(t().app).get(`/api/v1/projects/${path}`)).statusCode).toBe(401);
      const badSort = await office.get(`/api/v1/projects/${path}?sort=-secret`);
      expect(badSort.statusCode).toBe(400);
      expect(errorOf(badSort).details?.[0]?.path).toBe('query.sort');
      const paged = await office.get(`/api/v1/projects/${path}?page=2`);
      expect(paged.statusCode).toBe(400);
    }
  });

  it('documents the downloads in the OpenAPI document as binary files of their type', async () => {
    const document = (await anonymous(t().app).get('/api/openapi.json')).json() as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { format?: string } }> }> } }>;
    };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    for (const [path, type] of [
      ['/api/v1/projects/export.xlsx', xlsx],
      ['/api/v1/projects/ledger.xlsx', xlsx],
      ['/api/v1/projects/{id}/summary.docx', docx],
    ] as const) {
      expect(document.paths[path]?.get.responses['200']?.content?.[type]?.schema.format, path).toBe('binary');
    }
  });

  it('downloads as an attachment with the Chinese file name, nosniff and the spreadsheet type', async () => {
    const today = todayInChina();
    const response = await office.get(marked('ledger.xlsx'));
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="ledger-[\d-]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(`重点项目台账-${today}.xlsx`);
    const list = await office.get(marked('export.xlsx'));
    expect(decodeURIComponent(String(list.headers['content-disposition']).split("UTF-8''")[1] ?? '')).toBe(`项目列表-${today}.xlsx`);
  });

  it('exports the filtered list in the import’s columns, in the list’s order', async () => {
    const sheet = await workbookOf(await office.get(marked('export.xlsx', 'sort=-totalInvestmentYuan')));
    // The import's columns, then the warning colour (computed: the import ignores a column it does not know).
    expect(sheet.getRow(1).values).toEqual([undefined, ...projectSheetOwnColumns.map((c) => c.header['zh-CN']), '预警（红黄绿灯）']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = listRows(sheet);
    expect(rows.map((r) => r.name)).toEqual([factory.name, street.name, planning.name, `'${injected.name}`]);
    const first = rows[0] ?? {};
    expect(first).toMatchObject({
      code: factory.code,
      leadUnitId: '区住房和城乡建设局',
      isProvincialKey: '是',
      nature: '续建',
      pool: '实施库',
    });
    expect(first.totalInvestmentYuan).toBe(200_001.2345);
    expect(sheet.getRow(2).getCell(columnIndex('totalInvestmentYuan')).numFmt).toBe('#,##0.00');

    // The list's filters apply: the implementing pool only, then a level.
    const implementing = listRows(await workbookOf(await office.get(marked('export.xlsx', 'pool=implementing'))));
    expect(implementing.map((r) => r.name).sort()).toEqual([factory.name, street.name].sort());
    const provincial = listRows(await workbookOf(await office.get(marked('export.xlsx', 'level=provincial'))));
    expect(provincial.map((r) => r.name)).toEqual([factory.name]);
  });

  it('exports only the projects in the caller’s scope', async () => {
    const unitRows = listRows(await workbookOf(await unitStaff.get(marked('export.xlsx'))));
    expect(unitRows.map((r) => r.name)).toEqual([street.name]);
    // Without a filter too, every row a unit user gets is led by his own unit.
    const everything = listRows(await workbookOf(await unitStaff.get('/api/v1/projects/export.xlsx')));
    expect(everything.length).toBeGreaterThan(0);
    expect(new Set(everything.map((r) => r.leadUnitId))).toEqual(new Set(['北园街道办事处']));
    const otherDistrict = listRows(await workbookOf(await otherAdmin.get(marked('export.xlsx'))));
    expect(otherDistrict).toEqual([]);
  });

  it('writes user text as text, never as a formula', async () => {
    const sheet = await workbookOf(await office.get(marked('export.xlsx', 'pool=advancing')));
    const name = sheet.getRow(2).getCell(columnIndex('name'));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(`'=HYPERLINK("http://x")${MARKER}`);
    expect(sheet.getRow(2).getCell(columnIndex('ownerName')).value).toBe("'@SUM(A1)");
  });

  it('reads back through the import’s columns to the same project', async () => {
    const sheet = await workbookOf(await office.get(marked('export.xlsx', 'sort=name')));
    const lookups = await loadLookups(t().database.db, { code: '370105', path: '370000/370100/370105/' });
    const exported = [factory, planning, street, injected];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values = Object.fromEntries(
        projectColumns.map((column, i) => {
          const parsed = column.parse(row.getCell(i + 1).value, lookups);
          if (!parsed.ok) throw new Error(`${column.key} in row ${number}: ${parsed.problem.code}`);
          return [column.key, parsed.value];
        }),
      );
      const original = exported.find((p) => p.name === values.name);
      if (!original) throw new Error(`row ${number} is no exported project: ${String(values.name)}`);
      for (const column of projectColumns) {
        const value = values[column.key];
        const expected =
          column.key === 'leaderIds'
            ? original.leaders.map((l) => l.id)
            : column.key === 'coUnitIds'
              ? original.coUnits.map((u) => u.id)
              : original[column.key];
        // An empty flag or nature cell leaves the field as it is (undefined); everything else comes back equal.
        if (value === undefined) expect([null, false, undefined], `${column.key} of ${original.name}`).toContain(expected);
        else expect(value ?? null, `${column.key} of ${original.name}`).toEqual(expected ?? (Array.isArray(value) ? [] : null));
      }
    });
  });

  it('writes the ledger: title, merged two-row header with units, groups by pool, 万元 totals equal to the rows', async () => {
    const sheet = await workbookOf(await office.get(marked('ledger.xlsx')));
    expect(sheet.getCell('A1').value).toBe(`天桥区${year}年重点项目推进台账`);
    const merges = (sheet.model as { merges: string[] }).merges;
    // 开工以来累计完成 (column O) after the year's group: one more column than before it, so the warning is R.
    expect(merges).toContain('A1:R1');
    expect(sheet.getCell('R3').value).toBe('预警');
    expect(merges).toContain('O3:O4');
    expect(sheet.getCell('O3').value).toBe('开工以来累计\n完成投资（万元）');
    expect(merges).toContain('A3:A4');
    expect(merges).toContain('L3:N3');
    expect(sheet.getCell('K3').value).toBe('总投资\n（万元）');
    expect(sheet.getCell('L3').value).toBe(`${year}年度投资（万元）`);
    expect(sheet.getCell('L4').value).toBe('年度计划投资\n（万元）');
    expect(String(sheet.getCell('N4').value)).toMatch(/^1–\d{1,2}月完成投资\n（万元）$/);

    // The year's projects, implementing first; the reserve project planned to start next year is on this year's list
    // (储备, in 策划库: projectOfYear).
    const labels: string[] = [];
    const dataRows: ExcelJS.Row[] = [];
    let totalRow: ExcelJS.Row | undefined;
    sheet.eachRow((row, n) => {
      if (n <= LEDGER_HEADER_ROWS) return;
      if (typeof row.getCell(1).value === 'number') dataRows.push(row);
      else labels.push(String(row.getCell(1).value));
      if (String(row.getCell(1).value).startsWith('合计')) totalRow = row;
    });
    expect(labels.slice(0, 7)).toEqual([
      '一、实施库项目',
      '小计（2个）',
      '二、推进库项目',
      '小计（1个）',
      '三、策划库项目',
      '小计（1个）',
      '合计（4个）',
    ]);
    expect(dataRows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 4]);
    expect(dataRows[3]?.getCell(2).value).toBe(planning.name);
    expect(
      dataRows
        .slice(0, 2)
        .map((r) => r.getCell(2).value)
        .sort(),
    ).toEqual([factory.name, street.name].sort());
    expect(dataRows[2]?.getCell(2).value).toBe(`'${injected.name}`);

    const factoryRow = dataRows.find((r) => r.getCell(2).value === factory.name);
    expect(factoryRow?.getCell(11).value).toBe(200_001.2345);
    expect(factoryRow?.getCell(11).numFmt).toBe('#,##0.00');
    expect(factoryRow?.getCell(12).value).toBe(120_000);
    // Since start: the opening amount (6亿) and no approved report yet.
    expect(factoryRow?.getCell(15).value).toBe(60_000);
    expect(factoryRow?.getCell(9).value).toBe('省级重点、区级重点');

    // The total row: SUBTOTAL formulas whose values equal the sum of the project rows, column by column.
    for (const column of [11, 12, 13, 15]) {
      const sum = dataRows.reduce((s, r) => s + Number(r.getCell(column).value ?? 0), 0);
      const cell = totalRow?.getCell(column).value as { formula: string; result: number };
      expect(cell.formula).toMatch(/^SUBTOTAL\(9,[A-Z]+5:[A-Z]+\d+\)$/);
      expect(cell.result).toBeCloseTo(sum, 6);
      expect(totalRow?.getCell(column).numFmt).toBe('#,##0.00');
    }
  });

  it('sets the ledger up for print: frozen header, A3 landscape fitted to the width, header rows repeated', async () => {
    const sheet = await workbookOf(await office.get(marked('ledger.xlsx')));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: LEDGER_HEADER_ROWS });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:4');
  });

  it('sets the list up for print as the ledger is: A3 landscape fitted to the width, its header row on every page', async () => {
    const sheet = await workbookOf(await office.get(marked('export.xlsx')));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('writes 需要新增用地 as 是, 否, or an empty cell while not stated', async () => {
    const rows = listRows(await workbookOf(await office.get(marked('export.xlsx', 'sort=name'))));
    const needsLand = (project: Project) => rows.find((r) => r.name === project.name)?.needsLand ?? null;
    expect([needsLand(factory), needsLand(street), needsLand(planning)]).toEqual(['是', '否', null]);
  });

  it('scopes the ledger like the list, and follows the reader’s language', async () => {
    const sheet = await workbookOf(await unitStaff.get(marked('ledger.xlsx')));
    const names: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > LEDGER_HEADER_ROWS && typeof row.getCell(1).value === 'number') names.push(row.getCell(2).value);
    });
    expect(names).toEqual([street.name]);
    await t().database.db.update(users).set({ locale: 'en-US' }).where(eq(users.username, 'viewer'));
    const viewer = await signInAs(t().app, 'viewer');
    const english = await workbookOf(await viewer.get(marked('ledger.xlsx')));
    expect(english.getCell('K3').value).toBe('Total investment (万元)');
    expect(english.getCell('A1').value).toBe(`Key projects progress ledger, 天桥区, ${year}`);
  });
  it('fills the ledger’s 1–N月完成投资 from approved reports and shows each project’s warning colour', async () => {
    const { database } = t();
    const leadUnitId = await unitIdByName(database, '区住房和城乡建设局');
    const period = await insertPeriod(database);
    // A report of January of this year approved (its period's own month does not matter to the sum), and one returned.
    await insertReport(
      database,
      { id: period.id, year, month: 1 },
      { projectId: factory.id, responsibleUnitId: leadUnitId, status: 'approved', investmentYuan: 300_000_000 },
    );
    const other = await insertPeriod(database);
    await insertReport(
      database,
      { id: other.id, year, month: 1 },
      { projectId: factory.id, responsibleUnitId: leadUnitId, status: 'returned', investmentYuan: 999_000_000 },
    );
    await database.db.transaction((tx) => recomputeWarnings(tx, [factory.id], todayInChina()));
    const [stored] = await database.db.select().from(projectWarnings).where(eq(projectWarnings.projectId, factory.id));
    const colour = stored?.colour;
    if (!colour) throw new Error('the factory has no colour');

    const sheet = await workbookOf(await office.get(marked('ledger.xlsx')));
    let factoryRow: ExcelJS.Row | undefined;
    sheet.eachRow((row, n) => {
      if (n > LEDGER_HEADER_ROWS && row.getCell(2).value === factory.name) factoryRow = row;
    });
    expect(factoryRow?.getCell(14).value).toBe(30_000);
    // 开工以来累计完成: the 6亿 before Lantu (as of last December) and January's approved 3亿; the returned one not.
    expect(factoryRow?.getCell(15).value).toBe(90_000);
    // The warning colour is the last fixed column (R, after the since-start column and the two dates).
    expect(factoryRow?.getCell(18).value).toBe({ red: '红灯', yellow: '黄灯', green: '绿灯' }[colour]);
    const list = await workbookOf(await office.get(marked('export.xlsx', 'pool=implementing')));
    const warnings: unknown[] = [];
    list.eachRow((row, n) => {
      if (n > 1 && row.getCell(columnIndex('name')).value === factory.name)
        warnings.push(row.getCell(projectSheetOwnColumns.length + 1).value);
    });
    expect(warnings).toEqual([{ red: '红灯', yellow: '黄灯', green: '绿灯' }[colour]]);
  });
});
