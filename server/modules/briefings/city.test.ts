import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { snapshotScoresJob } from '../../jobs/snapshot-scores';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { zipEntry } from '../../test/zip-entry';
import { previousMonth } from '../warnings';

/** The visible text of a Word document's body, its runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
/** The text of each table row of a Word document, its cells' texts joined by '|'. */
const rowsOf = (xml: string) =>
  [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])).join('|'),
  );
const figure = (value: string | number) => Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
const wan = (yuan: number) => (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type Comparison = {
  districts: { code: string; name: string }[];
  rows: {
    name: string;
    cells: ({ targetValue: string; actual: string | null; standing: string } | null)[];
    total: { targetValue: string; actual: string; standing: string } | null;
  }[];
};
type Districts = {
  districts: {
    name: string;
    rank: number;
    projects: number;
    plannedYuan: number;
    completedYuan: number;
    words: string;
    red: number;
    yellow: number;
    openMatters: number;
    overdueMatters: number;
  }[];
};

describeEachDatabase('the monthly 通报 of a city, by district', (t) => {
  let city: Client;
  let office: Client;
  const today = todayInChina();
  const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const url = (m: { year: number; month: number }) => `/api/v1/briefings/monthly?year=${m.year}&month=${m.month}`;
  const documentOf = async (client: Client, m: { year: number; month: number }) => {
    const response = await client.get(url(m));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return { response, xml: await zipEntry(response.rawPayload, 'word/document.xml') };
  };

  beforeAll(async () => {
    city = await signInAs(t().app, 'city');
    office = await signInAs(t().app, 'office');
  });

  it('the city user downloads this month’s 通报 of 济南市: each district with the by-district figures of the API', async () => {
    const { response, xml } = await documentOf(city, current);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="briefing-370100-${current.year}-${String(current.month).padStart(2, '0')}.docx"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      `济南市重点项目建设情况通报-${current.year}年${current.month}月.docx`,
    );
    const text = textOf(xml);
    const rows = rowsOf(xml);
    expect(xml).toMatch(/<w:color w:val="C00000"\/>(?:<[^>]+>)*<w:t(?:\s[^>]*)?>济南市重点项目建设情况通报/);
    expect(text).toContain(`第${current.month}期`);
    for (const section of [
      '一、总体情况',
      '二、主要指标完成情况（分区县）',
      '三、各区县投资完成情况',
      '四、各区县考核排名',
      '五、红黄预警项目',
      '六、逾期未办结问题',
      '七、未按期填报情况',
    ])
      expect(text).toContain(section);

    // The headline totals are the city dashboard's: every project of its districts.
    const dashboard = (await city.get(`/api/v1/dashboard?year=${current.year}`)).json() as {
      kpis: { projects: { count: number }; warnings: { red: { count: number }; yellow: { count: number } } };
    };
    const side = (await city.get(`/api/v1/dashboard/districts?year=${current.year}`)).json() as Districts;
    expect(side.districts.map((d) => d.name)).toEqual(expect.arrayContaining(['天桥区', '槐荫区', '历城区']));
    expect(text).toContain(`所辖${side.districts.length}个区县共实施重点项目${dashboard.kpis.projects.count}个`);
    expect(text).toContain(`红色预警项目${dashboard.kpis.warnings.red.count}个、黄色预警项目${dashboard.kpis.warnings.yellow.count}个`);

    // 二: a line per district under each indicator, with the by-district API's target, actual and standing.
    const comparison = (await city.get(`/api/v1/targets/indicators/by-district?year=${current.year}`)).json() as Comparison;
    expect(comparison.rows.length).toBeGreaterThan(0);
    let lines = 0;
    for (const row of comparison.rows) {
      const at = rows.findIndex((r) => r.split('|')[1] === row.name);
      expect(at, row.name).toBeGreaterThan(0);
      const block = rows.slice(at, at + comparison.districts.length + 1).map((r) => r.split('|'));
      row.cells.forEach((cell, i) => {
        if (!cell) return;
        const line = block.find((r) => r[2] === comparison.districts[i]?.name);
        expect(line, `${row.name} ${comparison.districts[i]?.name}`).toBeDefined();
        // The figure, then its unit of measure (and the target's qualifier).
        expect(line?.[3]?.startsWith(figure(cell.targetValue)), line?.join('|')).toBe(true);
        if (cell.actual === null) expect(line?.[4]).toBe('—');
        else expect(line?.[4]?.startsWith(figure(cell.actual)), line?.join('|')).toBe(true);
        expect(line?.[5]).toBe(cell.standing);
        lines++;
      });
      if (row.total) {
        const total = block.find((r) => r[2] === '合计');
        expect(total?.[3]?.startsWith(figure(row.total.targetValue))).toBe(true);
        expect(total?.[4]?.startsWith(figure(row.total.actual))).toBe(true);
        expect(total?.[5]).toBe(row.total.standing);
      }
    }
    // Every district has indicators in the demo, so each name stands in the table.
    for (const d of comparison.districts) expect(rows.some((r) => r.split('|')[2] === d.name)).toBe(true);
    expect(lines).toBeGreaterThanOrEqual(comparison.rows.length);

    // 三: completion against time by district, as the dashboard's 区县对比 ranks them.
    for (const d of side.districts)
      expect(rows).toContain(`${d.rank}|${d.name}|${d.projects}|${wan(d.plannedYuan)}|${wan(d.completedYuan)}|${d.words}`);
    // 五, 六: red and yellow, open and overdue matters counted by district.
    for (const d of side.districts.filter((x) => x.red > 0 || x.yellow > 0)) expect(rows).toContain(`${d.name}|${d.red}|${d.yellow}`);
    for (const d of side.districts) expect(rows).toContain(`${d.name}|${d.openMatters}|${d.overdueMatters}`);
    // 七: each district's period of the month and the units still owing reports.
    for (const d of side.districts) expect(rows.some((r) => r.startsWith(`${d.name}|`) && /\|(未开启|未关闭|已关闭)\|/.test(r))).toBe(true);
  });

  it('lists each district’s red projects with their reasons, and last month’s ranking of the districts once taken', async () => {
    const last = previousMonth(today);
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    expect((await snapshotScoresJob.run({ db: t().database.db, now: new Date(), log })).failed).toBeNull();
    const { xml } = await documentOf(city, last);
    const text = textOf(xml);
    const rows = rowsOf(xml);
    const ranking = (await city.get(`/api/v1/assessment/scores?year=${last.year}&month=${last.month}`)).json() as {
      snapshot: { ruleVersion: number } | null;
      items: { unitName: string; rank: number; score: number }[];
    };
    if (!ranking.snapshot) {
      // January: last month is of last year, which has no city rule in the demo.
      expect(last.year).toBeLessThan(current.year);
      expect(text).toContain('本月考核排名尚未生成');
    } else {
      expect(text).toContain(`评分规则第${ranking.snapshot.ruleVersion}版`);
      for (const line of ranking.items)
        expect(rows.some((r) => r.startsWith(`${line.rank}|${line.unitName}|${line.score.toFixed(2)}|`))).toBe(true);
    }
    // The red projects of 天桥区 (the city's dashboard attention) stand by name, with the district beside them.
    const attention = (await office.get(`/api/v1/dashboard?year=${last.year}`)).json() as {
      attention: { name: string; colour: string; reasons: string[] }[];
    };
    const red = attention.attention.find((p) => p.colour === 'red');
    expect(red, 'the demo has a red project').toBeDefined();
    expect(text).toContain('红色预警项目及原因');
    expect(rows.some((r) => r.includes(`|天桥区|${red?.name}|`) && (red?.reasons[0] ? r.includes(red.reasons[0]) : true))).toBe(true);
  });

  it('the .xlsx has the document’s numbers: a sheet per table, counts and 万元 as numbers', async () => {
    const response = await city.get(`/api/v1/briefings/monthly.xlsx?year=${current.year}&month=${current.month}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(response.headers['content-disposition'])).toContain(
      `filename="briefing-370100-${current.year}-${String(current.month).padStart(2, '0')}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['总体情况', '主要指标', '投资完成', '红黄预警', '逾期问题', '填报情况']),
    );
    const values = (name: string) =>
      (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const side = (await city.get(`/api/v1/dashboard/districts?year=${current.year}`)).json() as Districts;
    const investment = values('投资完成');
    expect(investment[0]?.[0]).toBe('三、各区县投资完成情况');
    for (const d of side.districts) {
      const row = investment.find((r) => r[1] === d.name);
      expect(row).toEqual([d.rank, d.name, d.projects, d.plannedYuan / 10_000, d.completedYuan / 10_000, d.words]);
    }
    for (const d of side.districts) expect(values('逾期问题')).toContainEqual([d.name, d.openMatters, d.overdueMatters]);
    // The indicators sheet: the same lines as the document's table, the API's figures.
    const comparison = (await city.get(`/api/v1/targets/indicators/by-district?year=${current.year}`)).json() as Comparison;
    const indicatorLines = values('主要指标');
    const first = comparison.rows[0];
    const cell = first?.cells.find((c) => c !== null);
    expect(indicatorLines.some((r) => r[1] === first?.name && r[5] === cell?.standing)).toBe(true);
    expect(String(values('总体情况')[0]?.[0])).toBe(`济南市重点项目建设情况通报 第${current.month}期`);

    // A district office's workbook is his district's: its units, never another district.
    const own = await office.get(`/api/v1/briefings/monthly.xlsx?year=${current.year}&month=${current.month}`);
    expect(own.statusCode).toBe(200);
    const district = new ExcelJS.Workbook();
    await district.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(district.worksheets.map((w) => w.name)).toContain('各单位投资完成');
    const dashboard = (await office.get(`/api/v1/dashboard?year=${current.year}`)).json() as {
      byUnit: { name: string | null; count: number; plannedYuan: number; completedYuan: number; words: string }[];
    };
    const unitRows = (district.getWorksheet('各单位投资完成')?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    const unit = dashboard.byUnit.find((u) => u.plannedYuan > 0);
    expect(unitRows.some((r) => r[1] === unit?.name && r[2] === unit?.count && r[3] === (unit?.plannedYuan ?? 0) / 10_000)).toBe(true);
    expect(JSON.stringify(district.worksheets.map((w) => w.getSheetValues()))).not.toContain('槐荫区');
  });

  it('a district office still gets his district’s 通报; a district reader without target.manage is refused', async () => {
    const { xml } = await documentOf(office, current);
    const text = textOf(xml);
    expect(text).toContain('天桥区重点项目建设情况通报');
    expect(text).toContain('三、各单位投资完成情况');
    expect(text).not.toContain('分区县');
    expect(text).not.toContain('槐荫区');
    // A district's reader of targets who is not its project office (a unit's staff) is refused, told why.
    const refused = await (await signInAs(t().app, 'unit')).get(url(current));
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).message).toContain('项目办公室');
    expect((await city.get(url({ year: current.year + 1, month: 1 }))).statusCode).toBe(400);
    expect((await city.get(url({ year: 2001, month: 1 }))).statusCode).toBe(404);
  });
});
