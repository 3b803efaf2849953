import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { DEMO_DISTRICT_CODE } from '../../db/seed-data/demo-units';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { zipEntry } from '../../test/zip-entry';

/** The month before today's (China Standard Time): a closed or closing month the demo has reported. */
function lastMonth(): { year: number; month: number } {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** The visible text of a Word document's body, its runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describeEachDatabase('the monthly 通报 as Word', (t) => {
  let office: Client;
  const { year, month } = lastMonth();
  const url = (y: number, m: number) => `/api/v1/briefings/monthly?year=${y}&month=${m}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
  });

  it('downloads the month’s 通报: red title block, totals in officials’ words, the tables, a red project by name', async () => {
    const response = await office.get(url(year, month));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="briefing-${DEMO_DISTRICT_CODE}-${year}-${String(month).padStart(2, '0')}.docx"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(`天桥区重点项目建设情况通报-${year}年${month}月.docx`);

    const xml = await zipEntry(response.rawPayload, 'word/document.xml');
    const text = textOf(xml);
    // The 红头: the title in red, 第N期 the month.
    expect(text).toContain('天桥区重点项目建设情况通报');
    expect(xml).toMatch(/<w:color w:val="C00000"\/>(?:<[^>]+>)*<w:t(?:\s[^>]*)?>天桥区重点项目建设情况通报/);
    expect(text).toContain(`第${month}期`);
    // The totals are the dashboard's for the year: the same count of key projects, completion in officials' words.
    const dashboard = (await office.get(`/api/v1/dashboard?year=${year}`)).json() as { kpis: { projects: { count: number } } };
    expect(text).toContain(`共实施重点项目${dashboard.kpis.projects.count}个`);
    expect(text).toMatch(/完成年度计划的[\d.]+%，(快于|慢于|与)时间进度/);
    for (const section of ['主要指标完成情况', '各单位投资完成情况', '红黄预警项目', '逾期未办结问题', '未按期填报单位']) {
      expect(text).toContain(section);
    }
    // The indicator table holds the demo's published targets, with completion against time where it is a level.
    expect(text).toContain('年度目标');
    expect(xml).toContain('<w:tblBorders>');
    // A red project of the demo district, by name, with the page number field in the footer.
    const red = (await t().database.db.execute(
      sql`select name from projects where region_code = ${DEMO_DISTRICT_CODE} and warning_level = 3 and pool <> 'withdrawn' order by total_investment_yuan desc nulls last limit 1`,
    )) as unknown as { rows: { name: string }[] };
    const redName = red.rows[0]?.name;
    expect(redName, 'the demo has a red project').toBeTruthy();
    expect(text).toContain(redName);
    const footer = await zipEntry(response.rawPayload, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
  });

  it('ends with the month’s ranking from its snapshot: said not taken before, then every unit with its rank and score', async () => {
    const before = textOf(await zipEntry((await office.get(url(year, month))).rawPayload, 'word/document.xml'));
    expect(before).toContain('七、考核排名');
    expect(before).toContain('本月考核排名尚未生成');
    const taken = await office.post('/api/v1/assessment/scores', { year, month });
    // The demo's rule is this year's: last month can be scored when it is of this year.
    if (taken.statusCode === 422) return expect(year).toBeLessThan(Number(todayInChina().slice(0, 4)));
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking = taken.json() as {
      snapshot: { ruleVersion: number };
      groups: string[];
      items: { unitName: string; group: string | null; score: number; rank: number }[];
    };
    const text = textOf(await zipEntry((await office.get(url(year, month))).rawPayload, 'word/document.xml'));
    expect(text).toContain(`评分规则第${ranking.snapshot.ruleVersion}版`);
    expect(text).toContain('主要加减分');
    // The demo rule ranks 街道 and 区直部门 apart: a sub-heading and a table per group, each led by its rank 1.
    expect(ranking.groups).toEqual(['街道', '区直部门']);
    const streets = ranking.items.filter((line) => line.group === '街道');
    const bureaus = ranking.items.filter((line) => line.group === '区直部门');
    const streetsAt = text.indexOf(`（一）街道（${streets.length}个单位，组内排名）`);
    const bureausAt = text.indexOf(`（二）区直部门（${bureaus.length}个单位，组内排名）`);
    expect(streetsAt).toBeGreaterThan(0);
    expect(bureausAt).toBeGreaterThan(streetsAt);
    for (const [lines, from] of [
      [streets, streetsAt],
      [bureaus, bureausAt],
    ] as const) {
      const first = lines[0];
      expect(first?.rank).toBe(1);
      expect(text.indexOf(`1${first?.unitName}${first?.score.toFixed(2)}`, from)).toBeGreaterThan(from);
    }
    // The offices that run the assessment and the bureaus that lead no project are not ranked.
    const section = text.slice(text.indexOf('七、考核排名'));
    for (const out of ['区重点项目建设办公室', '区委督查室', '区大数据局', '区财政局']) expect(section).not.toContain(out);
  });

  it('refuses a month still to come and a month that is not one, naming the field in the reader’s language', async () => {
    const today = todayInChina();
    const nextYear = Number(today.slice(0, 4)) + 1;
    const future = await office.get(url(nextYear, 1));
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).details).toEqual([{ path: 'month', message: `${nextYear}年1月尚未到来，不能生成该月通报` }]);
    for (const bad of ['year=2026&month=13', 'year=2026&month=0', 'year=abc&month=1', 'month=1']) {
      expect((await office.get(`/api/v1/briefings/monthly?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('answers 404 for a month before any data, 403 to a unit, 401 signed out; another district gets only its own', async () => {
    const before = await office.get(url(2001, 1));
    expect(before.statusCode).toBe(404);
    expect(errorOf(before).message).toBe('2001年1月没有填报期，没有可通报的数据');
    const unitStaff = await signInAs(t().app, 'unit');
    expect((await unitStaff.get(url(year, month))).statusCode).toBe(403);
    expect((await anonymous(t().app).get(url(year, month))).statusCode).toBe(401);
    // 历下区 has no period of its own: nothing of 天桥区 comes back to it.
    const otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    const other = await otherAdmin.get(url(year, month));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('天桥');
  });
});
