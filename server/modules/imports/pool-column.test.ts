import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../../../common/schemas/imports';
import type { ProjectTimeline } from '../../../common/schemas/projects';
import { poolMoves, projects } from '../../db/schema';
import { type Client, describeEachDatabase, lastAuditEvent, signInAs } from '../../test/harness';
import { buildProject, placeInPool } from '../../test/factories';
import { projectsWorkbook, settled, testDataDir, upload, uploadAndSettle } from './test-workbooks';

// The 所属库 column: a new project lands in the pool its row names, through what a sheet can tell of the gates on
// the way; an existing project keeps its pool.

const LEAD = '北园街道办事处';
const MARKER = '所属库测试';

/** A row that meets every condition a sheet can tell of the gates up to the implementing pool. */
const ready = (name: string, code: string) => ({
  项目名称: `${name}${MARKER}`,
  责任单位: LEAD,
  项目代码: code,
  项目业主: '济南某某实业有限公司',
  '总投资（万元）': 50_000,
  国民经济行业: '制造业',
  包挂领导: '刘志强（副区长）',
  是否需要用地: '否',
});

describeEachDatabase(
  'imports: the 所属库 column',
  (t) => {
    let office: Client;
    const stored = async (name: string) => (await t().database.db.select().from(projects).where(eq(projects.name, name)))[0];
    const problemsOf = (job: ImportJob) =>
      job.problems.map((p) => ({ row: p.row, column: p.columnLabel, code: p.code, message: p.message }));

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
    });

    it('creates a project in the pool its row names, with the move on its timeline and in the audit', async () => {
      const file = await projectsWorkbook([
        { ...ready('入实施库', '2019-370105-47-03-881001'), 所属库: '实施库' },
        { 项目名称: `留空入策划库${MARKER}`, 责任单位: LEAD },
      ]);
      const response = await upload(office, 'projects', file, '去年台账.xlsx');
      expect(response.statusCode, response.body).toBe(202);
      const { id } = response.json() as ImportJob;
      const job = await settled(office, id);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 2, update: 0 });
      expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);

      const implementing = await stored(`入实施库${MARKER}`);
      expect(implementing?.pool).toBe('implementing');
      expect((await stored(`留空入策划库${MARKER}`))?.pool).toBe('planning');
      const timeline = (await office.get(`/api/v1/projects/${implementing?.id}/timeline`)).json() as ProjectTimeline;
      expect(timeline.items.map((i) => i.kind)).toEqual(['pool_move', 'code_change', 'created']);
      expect(timeline.items[0]).toMatchObject({
        from: 'planning',
        to: 'implementing',
        reason: '导入：去年台账.xlsx 第 2 行',
        actorName: '李明（重点项目办）',
      });
      const moved = await lastAuditEvent(t().database, 'projects.move', implementing?.id);
      expect(moved?.after).toMatchObject({ pool: 'implementing', reason: '导入：去年台账.xlsx 第 2 行' });
      const planningMoves = await t()
        .database.db.select()
        .from(poolMoves)
        .where(eq(poolMoves.projectId, (await stored(`留空入策划库${MARKER}`))?.id ?? ''));
      expect(planningMoves).toEqual([]);
    });

    it('names each gate condition a row does not meet, on its column or else on 所属库, in the reader’s language', async () => {
      const before = await t().database.db.select({ id: projects.id }).from(projects);
      const withCodes = await projectsWorkbook([
        { ...ready('缺代码', ''), 所属库: '实施库' },
        { 项目名称: `什么都没有${MARKER}`, 责任单位: LEAD, 项目代码: '2019-370105-47-03-881002', 所属库: '推进库' },
        { ...ready('入退库', '2019-370105-47-03-881003'), 所属库: '退库' },
        { ...ready('不认识的库', '2019-370105-47-03-881004'), 所属库: '储备库' },
        // 是否需要用地 left empty: "not stated", so 落实项目用地 is unmet, named on that column.
        { ...ready('未说明用地', '2019-370105-47-03-881010'), 是否需要用地: null, 所属库: '实施库' },
      ]);
      const job = await uploadAndSettle(office, 'projects', withCodes);
      expect(job.status).toBe('invalid');
      const at = (row: number) => problemsOf(job).filter((p) => p.row === row);
      expect(at(2)).toEqual([{ row: 2, column: '项目代码', code: 'import.pool_gate', message: '导入到实施库须先取得项目代码' }]);
      expect(at(3).map((p) => [p.column, p.message])).toEqual([
        ['项目业主', '导入到推进库须先明确项目业主'],
        ['总投资（万元）', '导入到推进库须先填写总投资'],
        ['国民经济行业', '导入到推进库须先选择所属行业'],
        ['包挂领导', '导入到推进库须先明确包挂领导'],
      ]);
      expect(at(4)).toMatchObject([{ column: '所属库', code: 'import.pool_withdrawn' }]);
      expect(at(5)).toMatchObject([{ column: '所属库', code: 'import.unknown_value' }]);
      expect(at(6).map((p) => [p.column, p.message])).toEqual([['是否需要用地', '导入到实施库须先落实项目用地（先说明是否需要新增用地）']]);

      // Without a 项目代码 column, the condition is named on 所属库; in English for an English reader.
      const { 项目代码: _code, ...noCode } = ready('无代码列', '');
      const english = await uploadAndSettle(office, 'projects', await projectsWorkbook([{ ...noCode, 所属库: 'Completed' }]));
      expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
      const shown = (await office.get(`/api/v1/imports/${english.id}`)).json() as ImportJob;
      await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
      expect(problemsOf(shown)).toEqual([
        { row: 2, column: 'Pool', code: 'import.pool_gate', message: 'To be imported into Implementing: Obtain the project code' },
      ]);
      expect(await t().database.db.select({ id: projects.id }).from(projects)).toHaveLength(before.length);
    });

    it('follows the district’s gate configuration, waiving only what a sheet cannot tell', async () => {
      const initial = (await office.get('/api/v1/project-gates')).json();
      const configured = await office.request('PUT', '/api/v1/project-gates', {
        gates: {
          'planning->advancing': ['owner', 'chain_position'],
          'advancing->implementing': ['project_code', 'approvals_done', 'land_secured', 'plan_start_and_completion'],
          'implementing->completed': ['completion_actual', 'feasibility_study'],
        },
        requiredApprovals: initial.requiredApprovals,
        version: initial.version,
      });
      expect(configured.statusCode, configured.body).toBe(200);
      try {
        const file = await projectsWorkbook([
          {
            ...ready('按本区条件入竣工', '2019-370105-47-03-881009'),
            是否需要用地: '是',
            用地是否落实: '否',
            所属库: '竣工',
          },
        ]);
        const job = await uploadAndSettle(office, 'projects', file);
        // Total investment, industry and leader are no longer asked; approvals, plan and completion date are waived.
        expect(problemsOf(job).map((p) => [p.column, p.message])).toEqual([
          ['用地是否落实', '导入到实施库须先落实项目用地'],
          ['所属库', '导入到推进库须先明确项目所属产业链'],
          ['所属库', '导入到竣工须先完成可行性研究（已完成或已批复）'],
        ]);
      } finally {
        const current = (await office.get('/api/v1/project-gates')).json();
        await office.request('PUT', '/api/v1/project-gates', {
          gates: initial.gates,
          requiredApprovals: initial.requiredApprovals,
          version: current.version,
        });
      }
    });

    it('lets only the project office create beyond the planning pool', async () => {
      const unitAsIs = await signInAs(t().app, 'unit');
      const file = await projectsWorkbook([
        { ...ready('单位入推进库', '2019-370105-47-03-881005'), 所属库: '推进库' },
        { 项目名称: `单位入策划库${MARKER}`, 责任单位: LEAD, 所属库: '策划库' },
      ]);
      // A unit creates nothing by default.
      const refused = await uploadAndSettle(unitAsIs, 'projects', file);
      expect(problemsOf(refused).map((p) => p.code)).toEqual(['import.cannot_create', 'import.cannot_create']);

      const admin = await signInAs(t().app, 'admin');
      const role = (await admin.get('/api/v1/roles/unit_staff')).json();
      // With the right to create, a unit still creates in planning only.
      const granted = await admin.patch('/api/v1/roles/unit_staff', {
        permissions: [...role.permissions, 'project.create'],
        version: role.version,
      });
      expect(granted.statusCode, granted.body).toBe(200);
      const unit = await signInAs(t().app, 'unit');
      const job = await uploadAndSettle(unit, 'projects', file);
      expect(problemsOf(job)).toEqual([
        {
          row: 2,
          column: '所属库',
          code: 'import.pool_needs_office',
          message: '只有重点项目办可以把新项目直接导入到推进库；请留空（进入策划库）或交重点项目办导入',
        },
      ]);
    });

    it('never moves an existing project: another pool is a problem and nothing is written; the same pool is fine', async () => {
      const planning = await buildProject(office, t().database, { name: `已在策划库${MARKER}`, code: '2019-370105-47-03-881006' });
      const building = await buildProject(office, t().database, { name: `已在实施库${MARKER}`, code: '2019-370105-47-03-881007' });
      const version = await placeInPool(t().database, building.id, 'implementing');
      const refused = await uploadAndSettle(
        office,
        'projects',
        await projectsWorkbook([
          { 项目代码: planning.code, 项目名称: planning.name, 责任单位: '区住房和城乡建设局', 所属库: '实施库', '总投资（万元）': 9 },
          { 项目代码: building.code, 项目名称: building.name, 责任单位: '区住房和城乡建设局', 所属库: '实施库', '总投资（万元）': 9 },
        ]),
      );
      expect(problemsOf(refused)).toEqual([
        {
          row: 2,
          column: '所属库',
          code: 'import.pool_of_existing',
          message: '导入不改变已有项目的所属库（该项目在策划库），请在项目页移库',
        },
      ]);
      expect((await office.post(`/api/v1/imports/${refused.id}/commit`)).statusCode).toBe(409);
      const rows = await t()
        .database.db.select()
        .from(projects)
        .where(inArray(projects.id, [planning.id, building.id]));
      expect(rows.map((r) => [r.pool, r.version, r.totalInvestmentYuan]).sort()).toEqual(
        [
          ['planning', planning.version, null],
          ['implementing', version, null],
        ].sort(),
      );
      expect(await t().database.db.select().from(poolMoves).where(eq(poolMoves.projectId, planning.id))).toEqual([]);

      // Equal (or empty) leaves the pool alone and the row updates the rest.
      const same = await uploadAndSettle(
        office,
        'projects',
        await projectsWorkbook([
          { 项目代码: building.code, 项目名称: building.name, 责任单位: '区住房和城乡建设局', 所属库: '实施库', '总投资（万元）': 9 },
        ]),
      );
      expect(same.problems).toEqual([]);
      expect(same.summary).toEqual({ create: 0, update: 1 });
    });

    it('exports each project’s pool, and the exported list imports back changing nothing', async () => {
      const withdrawn = await buildProject(office, t().database, { name: `已退库${MARKER}`, code: '2019-370105-47-03-881008' });
      await placeInPool(t().database, withdrawn.id, 'withdrawn');
      const response = await office.get(`/api/v1/projects/export.xlsx?q=${encodeURIComponent(MARKER)}&sort=name`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
      const pools = new Map<string, string>();
      sheet.eachRow((row, number) => {
        if (number > 1)
          pools.set(String(row.getCell(headers.indexOf('项目名称')).value), String(row.getCell(headers.indexOf('所属库')).value));
      });
      expect(pools.get(`入实施库${MARKER}`)).toBe('实施库');
      expect(pools.get(`已在策划库${MARKER}`)).toBe('策划库');
      expect(pools.get(`已退库${MARKER}`)).toBe('退库');

      const before = await t().database.db.select({ id: projects.id, version: projects.version, pool: projects.pool }).from(projects);
      const again = await uploadAndSettle(office, 'projects', Buffer.from(response.rawPayload));
      expect(again.problems).toEqual([]);
      expect(again.summary).toEqual({ create: 0, update: 0 });
      expect((await office.post(`/api/v1/imports/${again.id}/commit`)).statusCode).toBe(200);
      const after = await t().database.db.select({ id: projects.id, version: projects.version, pool: projects.pool }).from(projects);
      expect(after).toEqual(expect.arrayContaining(before));
      expect(after).toHaveLength(before.length);
    });

    it('offers the pools in the template’s drop-down, without 退库', async () => {
      const response = await office.get('/api/v1/imports/templates/projects');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const [data, , lists] = workbook.worksheets;
      if (!data || !lists) throw new Error('no sheets');
      const headers = (data.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
      const column = headers.indexOf('所属库');
      expect(column).toBeGreaterThan(0);
      const range = String(data.getCell(2, column).dataValidation?.formulae?.[0]);
      const [, letter, first, last] = /^lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(range) ?? [];
      const names = Array.from(
        { length: Number(last) - Number(first) + 1 },
        (_, i) => lists.getCell(`${letter}${Number(first) + i}`).value,
      );
      expect(names).toEqual(['策划库', '推进库', '实施库', '竣工']);
    });
  },
  { dataDir: testDataDir() },
);
