import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { projectsWorkbook, testDataDir, uploadAndSettle, workbookOf } from '../../modules/imports/test-workbooks';
import { type Client, type TestContext, createTestApp, signInAs } from '../harness';

/**
 * Every file Lantu hands a person, opened by a real office suite: LibreOffice (headless) converts each one, and the
 * converted text must hold what the person reads. (LibreOffice opens a file it cannot parse as plain text rather
 * than refusing it, so the content is what proves the file was read as a workbook or a document.)
 * scripts/test.mjs runs this file only when LANTU_SOFFICE names LibreOffice's `soffice` (CI installs it).
 */
const soffice = process.env.LANTU_SOFFICE ?? '';
const run = promisify(execFile);

/** PDF user units (1/72 inch) of A3 landscape: 420 mm × 297 mm. */
const A3_LANDSCAPE = { width: (420 / 25.4) * 72, height: (297 / 25.4) * 72 };

describe('files open in LibreOffice', () => {
  let context: TestContext;
  let office: Client;
  let workDir: string;
  const files: Record<string, Buffer> = {};
  let projectCount = 0;
  let rankingFirst: { unitName: string; score: number } | null = null;
  let cityDistricts: { name: string; projects: number }[] = [];
  /** Last month: the demo has reported it, so its 通报 has every section filled. */
  const briefingMonth = (() => {
    const today = todayInChina();
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  })();

  /** Converts every file of the work folder whose name ends with `from` to `filter`, in one LibreOffice start. */
  async function convert(from: string, filter: string): Promise<void> {
    const names = (await readdir(workDir)).filter((name) => name.endsWith(from));
    const profile = `file://${path.join(workDir, 'profile')}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', workDir, ...names], {
      cwd: workDir,
      timeout: 120_000,
    });
  }

  const converted = (name: string, extension: string) => readFile(path.join(workDir, `${name}.${extension}`));

  beforeAll(async () => {
    context = await createTestApp('pglite', { dataDir: testDataDir() });
    office = await signInAs(context.app, 'office');
    workDir = await mkdtemp(path.join(tmpdir(), 'lantu-office-'));
    const download = async (url: string) => {
      const response = await office.get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
      return response.rawPayload;
    };
    const list = (await office.get('/api/v1/projects?q=zycf')).json() as { items: { id: string }[] };
    const kitchen = list.items[0]?.id;
    if (!kitchen) throw new Error('the demo project 中央厨房产业园 is missing');
    const bad = await uploadAndSettle(
      office,
      'projects',
      await projectsWorkbook([{ 项目名称: '标注检查', 责任单位: '查无此单位', '总投资（万元）': -5 }]),
    );
    const badEnterprise = await uploadAndSettle(
      office,
      'enterprises',
      await workbookOf(['企业名称 *', '统一社会信用代码', '企业类型 *'], [['标注检查企业', '91370105MA00000000', '本地企业']], '企业'),
    );
    files.enterpriseTemplate = await download('/api/v1/imports/templates/enterprises');
    files.enterpriseMarked = await download(`/api/v1/imports/${badEnterprise.id}/marked.xlsx`);
    files.enterprises = await download('/api/v1/enterprises/export.xlsx');
    files.parcelTemplate = await download('/api/v1/imports/templates/parcels');
    files.parcels = await download('/api/v1/parcels/export.xlsx');
    files.visitTemplate = await download('/api/v1/imports/templates/visits');
    files.visits = await download('/api/v1/visits/export.xlsx');
    files.template = await download('/api/v1/imports/templates/projects');
    files.marked = await download(`/api/v1/imports/${bad.id}/marked.xlsx`);
    files.list = await download('/api/v1/projects/export.xlsx?pool=implementing');
    files.ledger = await download('/api/v1/projects/ledger.xlsx');
    files.summary = await download(`/api/v1/projects/${kitchen}/summary.docx`);
    files.briefing = await download(`/api/v1/briefings/monthly?year=${briefingMonth.year}&month=${briefingMonth.month}`);
    // This month's ranking (考核排名), taken now with the demo's rule, as .xlsx.
    const today = todayInChina();
    const thisMonth = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
    const taken = await office.post('/api/v1/assessment/scores', thisMonth);
    expect(taken.statusCode, taken.body.slice(0, 200)).toBe(200);
    rankingFirst = (taken.json() as { items: { unitName: string; score: number }[] }).items[0] ?? null;
    files.ranking = await download(`/api/v1/assessment/scores.xlsx?year=${thisMonth.year}&month=${thisMonth.month}`);
    projectCount = ((await office.get(`/api/v1/dashboard?year=${briefingMonth.year}`)).json() as { kpis: { projects: { count: number } } })
      .kpis.projects.count;
    // The city user's 通报 of 济南市 over its districts, as Word and as a workbook.
    const city = await signInAs(context.app, 'city');
    for (const [name, suffix] of [
      ['cityBriefing', ''],
      ['cityBriefingBook', '.xlsx'],
    ] as const) {
      const response = await city.get(`/api/v1/briefings/monthly${suffix}?year=${briefingMonth.year}&month=${briefingMonth.month}`);
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      files[name] = response.rawPayload;
    }
    cityDistricts = (
      (await city.get(`/api/v1/dashboard/districts?year=${briefingMonth.year}`)).json() as { districts: typeof cityDistricts }
    ).districts;
    const documents = new Set(['summary', 'briefing', 'cityBriefing']);
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(workDir, `${name}.${documents.has(name) ? 'docx' : 'xlsx'}`), content);
    }
    // CSV in UTF-8 (76) with comma separators (44) and double quotes (34): the first sheet of each workbook.
    await convert('.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76');
    await convert('.xlsx', 'pdf');
    await convert('.docx', 'txt:Text (encoded):UTF8');
  }, 300_000);

  afterAll(async () => {
    await context?.app.close();
    await context?.database.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('reads the import template: its header row is the columns the import expects', async () => {
    const header = (await converted('template', 'csv')).toString('utf8').split('\n')[0] ?? '';
    for (const column of ['项目名称', '项目代码', '责任单位', '总投资（万元）']) expect(header).toContain(column);
  });

  it('reads the marked file: the person’s own values are still there', async () => {
    const csv = (await converted('marked', 'csv')).toString('utf8');
    expect(csv).toContain('标注检查');
    expect(csv).toContain('查无此单位');
  });

  it('reads the enterprise sheets: the template’s header, the marked file’s values, the register’s export', async () => {
    const header = (await converted('enterpriseTemplate', 'csv')).toString('utf8').split('\n')[0] ?? '';
    for (const column of ['企业名称', '统一社会信用代码', '企业类型', '企业标签']) expect(header).toContain(column);
    expect((await converted('enterpriseMarked', 'csv')).toString('utf8')).toContain('标注检查企业');
    const csv = (await converted('enterprises', 'csv')).toString('utf8');
    expect(csv.split('\n')[0]).toContain('统一社会信用代码');
    expect(csv).toContain('济南北园智能装备有限公司');
  });

  it('reads the parcels and visits sheets: the templates’ headers and the exports’ demo records', async () => {
    const parcelHeader = (await converted('parcelTemplate', 'csv')).toString('utf8').split('\n')[0] ?? '';
    for (const column of ['地块编号', '面积（亩）', '规划用途', '投资强度（万元/亩）']) expect(parcelHeader).toContain(column);
    const parcels = (await converted('parcels', 'csv')).toString('utf8');
    expect(parcels).toContain('TQ-2024-01');
    expect(parcels).toContain('新材料园北区01地块');
    const visitHeader = (await converted('visitTemplate', 'csv')).toString('utf8').split('\n')[0] ?? '';
    for (const column of ['走访日期', '企业名称', '走访目的', '企业诉求']) expect(visitHeader).toContain(column);
    const visits = (await converted('visits', 'csv')).toString('utf8');
    expect(visits.split('\n')[0]).toContain('走访单位');
    expect(visits).toContain('了解企业生产经营情况');
  });

  it('reads the list export: the implementing projects, 中央厨房产业园 among them', async () => {
    const csv = (await converted('list', 'csv')).toString('utf8');
    expect(csv.split('\n')[0]).toContain('项目名称');
    expect(csv).toContain('中央厨房产业园');
  });

  it('reads the ledger and prints it on A3 landscape', async () => {
    const csv = (await converted('ledger', 'csv')).toString('utf8');
    const year = todayInChina().slice(0, 4);
    expect(csv).toContain(`${year}年`);
    expect(csv).toContain('合计');
    const pdf = (await converted('ledger', 'pdf')).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF has a page size').not.toBeNull();
    expect(Number(box?.[1])).toBeCloseTo(A3_LANDSCAPE.width, -1);
    expect(Number(box?.[2])).toBeCloseTo(A3_LANDSCAPE.height, -1);
  });

  it('reads the Word 项目简介: the project’s name and its title', async () => {
    const text = (await converted('summary', 'txt')).toString('utf8');
    expect(text).toContain('项目简介');
    expect(text).toContain('中央厨房产业园');
  });

  it('reads the Word 通报: its title block, its sections, the totals and the tables’ rows as text', async () => {
    const text = (await converted('briefing', 'txt')).toString('utf8');
    expect(text).toContain('天桥区重点项目建设情况通报');
    expect(text).toContain(`第${briefingMonth.month}期`);
    expect(text).toContain(`共实施重点项目${projectCount}个`);
    expect(text).toMatch(/完成年度计划的[\d.]+%/);
    // The tables' header cells and a row of each come through as text: the indicator table and the units' table.
    for (const header of ['序号', '指标', '年度目标', '完成情况', '责任单位', '年度计划（万元）', '累计完成（万元）']) {
      expect(text).toContain(header);
    }
    expect(text).toMatch(/完成年度目标的[\d.]+%/);
    expect(text).toMatch(/\d{1,3}(,\d{3})*\.\d{2}/);
  });

  it('reads the city’s Word 通报 and its workbook: the title, each district with its project count', async () => {
    const text = (await converted('cityBriefing', 'txt')).toString('utf8');
    expect(text).toContain('济南市重点项目建设情况通报');
    expect(text).toContain('二、主要指标完成情况（分区县）');
    expect(cityDistricts.length).toBeGreaterThanOrEqual(3);
    for (const d of cityDistricts) expect(text).toMatch(new RegExp(`${d.name}\\s+${d.projects}\\s`));
    const csv = (await converted('cityBriefingBook', 'csv')).toString('utf8');
    expect(csv).toContain(`济南市重点项目建设情况通报 第${briefingMonth.month}期`);
    expect(csv).toContain(`所辖${cityDistricts.length}个区县`);
  });

  it('reads the ranking: its title, the header and the first unit with its score to two decimals', async () => {
    const csv = (await converted('ranking', 'csv')).toString('utf8');
    expect(csv).toContain('天桥区');
    expect(csv).toContain('考核排名');
    for (const header of ['名次', '单位', '得分']) expect(csv).toContain(header);
    expect(rankingFirst).not.toBeNull();
    expect(csv).toContain(rankingFirst?.unitName);
    expect(csv).toContain((rankingFirst?.score ?? 0).toFixed(2));
  });
});
