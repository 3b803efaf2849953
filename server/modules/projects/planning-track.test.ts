import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/projects';
import { dictionaryItems, projects } from '../../db/schema';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { projectsWorkbook, testDataDir, uploadAndSettle } from '../imports/test-workbooks';
import { buildProject, unitIdByName } from '../../test/factories';

// The planning track (策划): the proposal, the feasibility study, the industry-chain position and the output and tax
// expected, through the API, the spreadsheets and their rules.

const PLANNING_TRACK = {
  proposal: '聚焦医疗器械产业链中游体外诊断设备环节，补链强链',
  feasibilityStatus: 'approved',
  feasibilityApprovedOn: '2026-03-18',
  chainCode: 'med_devices',
  chainSegment: 'midstream',
  chainNode: '体外诊断设备',
  expectedOutputYuan: 1_200_000_000,
  expectedTaxYuan: 60_000_000,
} as const;

describeEachDatabase(
  'projects API: the planning track',
  (t) => {
    let office: Client;
    let housingId: string;

    const create = (body: Record<string, unknown>) => office.post('/api/v1/projects', { leadUnitId: housingId, ...body });
    const firstDetail = (response: LightMyRequestResponse) => errorOf(response).details?.[0];

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      housingId = await unitIdByName(t().database, '区住房和城乡建设局');
    });

    it('stores the planning track, shows it, keeps it through an unrelated edit, and audits a change', async () => {
      const response = await create({ name: '体外诊断设备产业化项目', ...PLANNING_TRACK });
      expect(response.statusCode, response.body).toBe(201);
      const created: Project = response.json();
      expect(created).toMatchObject(PLANNING_TRACK);
      expect((await office.get(`/api/v1/projects/${created.id}`)).json()).toMatchObject(PLANNING_TRACK);

      const renamed = await office.patch(`/api/v1/projects/${created.id}`, {
        name: '体外诊断设备产业化一期项目',
        version: created.version,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject(PLANNING_TRACK);

      const cleared = await office.patch(`/api/v1/projects/${created.id}`, {
        chainCode: null,
        chainSegment: null,
        chainNode: '  ',
        expectedTaxYuan: 70_000_000,
        version: renamed.json().version,
      });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(cleared.json()).toMatchObject({ chainCode: null, chainSegment: null, chainNode: null, expectedTaxYuan: 70_000_000 });
      const event = await lastAuditEvent(t().database, 'projects.update', created.id);
      expect(event?.before).toMatchObject({ chainCode: 'med_devices', expectedTaxYuan: 60_000_000 });
      expect(event?.after).toMatchObject({ chainCode: null, expectedTaxYuan: 70_000_000 });
    });

    it('answers 400 naming the field when the planning track does not add up, and writes nothing', async () => {
      const before = (await t().database.db.select({ id: projects.id }).from(projects)).length;
      const expectField = async (body: Record<string, unknown>, path: string, message?: string) => {
        const response = await create({ name: '策划校验', ...body });
        expect(response.statusCode, path).toBe(400);
        expect(firstDetail(response)?.path).toBe(path);
        if (message) expect(firstDetail(response)?.message).toBe(message);
      };
      await expectField(
        { feasibilityStatus: 'preparing', feasibilityApprovedOn: '2026-03-18' },
        'feasibilityApprovedOn',
        '只有可行性研究“已批复”时才能填写可研批复日期',
      );
      await expectField({ feasibilityApprovedOn: '2026-03-18' }, 'feasibilityApprovedOn');
      await expectField({ chainSegment: 'upstream' }, 'chainCode', '填写链条环节或产业链节点时，请先选择产业链');
      await expectField({ chainNode: '伺服电机' }, 'chainCode');
      await expectField({ chainCode: 'castle' }, 'chainCode', '代码 castle 不存在或已停用');
      await expectField({ chainCode: 'med_devices', chainSegment: 'sideways' }, 'chainSegment');
      await expectField({ expectedOutputYuan: 100_000, expectedTaxYuan: 100_001 }, 'expectedTaxYuan', '预计年税收不能大于预计年产值');
      await expectField({ expectedOutputYuan: -1 }, 'expectedOutputYuan', '金额不能为负数');
      await expectField({ feasibilityStatus: 'maybe' }, 'feasibilityStatus');
      await expectField({ proposal: '议'.repeat(4001) }, 'proposal');
      expect(await t().database.db.select({ id: projects.id }).from(projects)).toHaveLength(before);
    });

    it('refuses a disabled chain for a new choice but keeps it on a project that already has it', async () => {
      const project = await buildProject(office, t().database, { chainCode: 'logistics' });
      await t().database.db.update(dictionaryItems).set({ enabled: false }).where(eq(dictionaryItems.code, 'logistics'));
      try {
        const edit = await office.patch(`/api/v1/projects/${project.id}`, { chainNode: '冷链物流', version: project.version });
        expect(edit.statusCode, edit.body).toBe(200);
        expect(firstDetail(await create({ name: '新物流项目', chainCode: 'logistics' }))?.path).toBe('chainCode');
      } finally {
        await t().database.db.update(dictionaryItems).set({ enabled: true }).where(eq(dictionaryItems.code, 'logistics'));
      }
    });

    it('holds a project in planning until the study and the chain are done, where the district asks for them', async () => {
      const current = (await office.get('/api/v1/project-gates')).json();
      const saved = await office.request('PUT', '/api/v1/project-gates', {
        gates: { ...current.gates, 'planning->advancing': ['owner', 'feasibility_study', 'chain_position'] },
        requiredApprovals: current.requiredApprovals,
        version: current.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const project = await buildProject(office, t().database, { ownerName: '山东康瑞医用材料有限公司', feasibilityStatus: 'preparing' });
      const refused = await office.post(`/api/v1/projects/${project.id}/move`, { to: 'advancing', version: project.version });
      expect(refused.statusCode).toBe(422);
      expect(errorOf(refused).details).toEqual([
        { path: 'feasibility_study', message: '完成可行性研究（已完成或已批复）' },
        { path: 'chain_position', message: '明确项目所属产业链' },
      ]);
      const done = await office.patch(`/api/v1/projects/${project.id}`, {
        feasibilityStatus: 'completed',
        chainCode: 'med_devices',
        version: project.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      const moved = await office.post(`/api/v1/projects/${project.id}/move`, { to: 'advancing', version: done.json().version });
      expect(moved.statusCode, moved.body).toBe(200);
    });

    it('imports the planning columns by their names, names a bad cell, and exports them back', async () => {
      const bad = await projectsWorkbook([
        { 项目名称: '策划列导入甲', 责任单位: '区住房和城乡建设局', 链条环节: '旁边', 可行性研究: '已批复' },
        { 项目名称: '策划列导入乙', 责任单位: '区住房和城乡建设局', 链条环节: '上游' },
      ]);
      const refused = await uploadAndSettle(office, 'projects', bad);
      expect(refused.status).toBe('invalid');
      expect(refused.problems.map((p) => ({ row: p.row, label: p.columnLabel }))).toEqual(
        expect.arrayContaining([
          { row: 2, label: '链条环节' },
          { row: 3, label: '产业链' },
        ]),
      );
      expect(refused.problems.find((p) => p.row === 2)?.message).toContain('旁边');

      const good = await projectsWorkbook([
        {
          项目名称: '策划列导入甲',
          责任单位: '区住房和城乡建设局',
          '项目建议（策划要点）': '补齐检验检测产业链计量校准环节',
          可行性研究: '已批复',
          可研批复日期: '2026年4月2日',
          产业链: '检验检测',
          链条环节: '中游',
          产业链节点: '计量校准',
          '预计达产年产值（万元）': '35,000',
          '预计达产年税收（万元）': 1750.5,
        },
      ]);
      const ready = await uploadAndSettle(office, 'projects', good);
      expect(ready.problems).toEqual([]);
      expect((await office.post(`/api/v1/imports/${ready.id}/commit`)).statusCode).toBe(200);
      const [row] = await t().database.db.select().from(projects).where(eq(projects.name, '策划列导入甲'));
      expect(row).toMatchObject({
        proposal: '补齐检验检测产业链计量校准环节',
        feasibilityStatus: 'approved',
        feasibilityApprovedOn: '2026-04-02',
        chainCode: 'testing',
        chainSegment: 'midstream',
        chainNode: '计量校准',
        expectedOutputYuan: 350_000_000,
        expectedTaxYuan: 17_505_000,
      });

      const exported = await office.get(`/api/v1/projects/export.xlsx?q=${encodeURIComponent('策划列导入甲')}`);
      expect(exported.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const [sheet] = workbook.worksheets;
      if (!sheet) throw new Error('the export has no sheet');
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
      const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header)).value;
      expect([cell('项目名称'), cell('可行性研究'), cell('产业链'), cell('链条环节'), cell('产业链节点')]).toEqual([
        '策划列导入甲',
        '已批复',
        '检验检测',
        '中游',
        '计量校准',
      ]);
      expect(cell('预计达产年税收（万元）')).toBe(1750.5);
    });
  },
  { dataDir: testDataDir() },
);
