import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { insertProject, insertUnit, uniqueSuffix } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Ranking = {
  snapshot: { ruleVersion: number } | null;
  groups: string[];
  items: {
    unitName: string;
    group: string | null;
    score: number | null;
    rank: number | null;
    error: string | null;
    terms: { text: string; sign: number; value: number }[];
  }[];
  notes: string[];
};

const today = todayInChina();
const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
const zh = { 'accept-language': 'zh-CN' };
const xlsxUrl = (m: { year: number; month: number }) => `/api/v1/assessment/scores.xlsx?year=${m.year}&month=${m.month}`;
const jsonUrl = (m: { year: number; month: number }) => `/api/v1/assessment/scores?year=${m.year}&month=${m.month}`;

async function sheetOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describeEachDatabase('assessment: a month’s ranking as .xlsx', (t) => {
  let office: Client;
  let unit: Client;
  let lixia: Client;

  beforeAll(async () => {
    const { app } = t();
    office = await signInAs(app, 'office');
    unit = await signInAs(app, 'unit');
    lixia = await signInAs(app, OTHER_REGION.adminUsername);
  });

  it('holds the ranking as the JSON answers it: title with district, month and version; 名次, 单位, 得分 and a column per term; a block per group', async () => {
    expect((await office.post('/api/v1/assessment/scores', current, zh)).statusCode).toBe(200);
    const ranking: Ranking = (await unit.get(jsonUrl(current))).json();
    const file = await unit.get(xlsxUrl(current), zh);
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent(`${current.year}年${current.month}月考核排名.xlsx`));
    const workbook = await sheetOf(file.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['考核排名']);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const title = String(sheet.getCell('A1').value);
    expect(title).toContain('天桥区');
    expect(title).toContain(`${current.year}年${current.month}月`);
    expect(title).toContain(`第${ranking.snapshot?.ruleVersion}版`);
    const terms = ranking.items.find((i) => i.terms.length)?.terms ?? [];
    expect(terms.length).toBeGreaterThan(5); // the demo rule's 14 terms
    expect(rowValues(sheet, 3)).toEqual([
      '名次',
      '单位',
      '得分',
      ...terms.map((term) => (term.sign === -1 ? `− ${term.text}` : term.text)),
    ]);
    // The demo rule ranks 街道 and 区直部门 apart: each block opens with a row naming the group and its size.
    expect(ranking.groups).toEqual(['街道', '区直部门']);
    let row = 4;
    for (const group of ranking.groups) {
      const lines = ranking.items.filter((item) => item.group === group);
      expect(String(sheet.getCell(row, 1).value)).toBe(`${group}（${lines.length}个单位）`);
      row += 1;
      expect(lines[0]?.rank).toBe(1);
      for (const item of lines) {
        const values = rowValues(sheet, row);
        expect(values.slice(0, 3)).toEqual([item.rank, item.unitName, item.score]);
        expect(values.slice(3)).toEqual(item.terms.map((term) => term.value));
        const sum = (values.slice(3) as number[]).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(item.score ?? Number.NaN, 9);
        row += 1;
      }
    }
    expect(row).toBe(4 + ranking.groups.length + ranking.items.length);
    // The notes on variables reading 0 follow the table.
    expect(ranking.notes.map((_, i) => String(sheet.getCell(row + i, 1).value))).toEqual(ranking.notes);
  });

  it('names why a unit could not be scored, without a rank, last', async () => {
    const { database } = t();
    const late = await insertUnit(database, { regionCode: OTHER_REGION.code, name: `历下导出甲局${uniqueSuffix()}` });
    await insertProject(database, { regionCode: OTHER_REGION.code, leadUnitId: late.id, plannedStart: '2000-01-01' });
    expect((await lixia.post('/api/v1/assessment/rules', { year: 2001, formula: '10 / not_started_by_deadline' })).statusCode).toBe(201);
    expect((await lixia.post('/api/v1/assessment/scores', { year: 2001, month: 1 }, zh)).statusCode).toBe(200);
    const ranking: Ranking = (await lixia.get(jsonUrl({ year: 2001, month: 1 }))).json();
    const sheet = (await sheetOf((await lixia.get(xlsxUrl({ year: 2001, month: 1 }), zh)).rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(rowValues(sheet, 3)).toEqual(['名次', '单位', '得分', '10 / not_started_by_deadline', '未能计分的原因']);
    expect(rowValues(sheet, 4)).toEqual([1, late.name, 10, 10]);
    const failed = ranking.items.filter((i) => i.error !== null);
    expect(failed.length).toBeGreaterThan(0);
    for (const item of failed) {
      const row = sheet.getRow(4 + ranking.items.indexOf(item));
      expect(row.getCell(1).value).toBeNull();
      expect(row.getCell(2).value).toBe(item.unitName);
      expect(row.getCell(3).value).toBeNull();
      expect(row.getCell(5).value).toBe(item.error);
    }
  });

  it('refuses before sending a byte: a month not taken 404 (named), a bad month 400, signed out 401; another district’s is not there', async () => {
    const none = await office.get(xlsxUrl({ year: 2001, month: 2 }), zh);
    expect(none.statusCode).toBe(404);
    expect(errorOf(none).code).toBe('score_snapshot_missing');
    expect(errorOf(none).message).toContain('2001年2月');
    expect(none.headers['content-type']).toContain('application/json');
    expect((await office.get('/api/v1/assessment/scores.xlsx?year=2026&month=13')).statusCode).toBe(400);
    expect((await office.get('/api/v1/assessment/scores.xlsx?year=2026')).statusCode).toBe(400);
    expect((await anonymous(t().app).get(xlsxUrl(current))).statusCode).toBe(401);
    // 历下区's 2001 ranking is its own: 天桥区's office finds none for that month.
    expect((await office.get(xlsxUrl({ year: 2001, month: 1 }))).statusCode).toBe(404);
  });
});
