import { and, eq, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { IMPORT_KINDS, type ImportJob } from '../../../common/schemas/imports';
import { projectCodeHistory, projects, regions, units, users } from '../../db/schema';
import { verifyAuditChain } from '../../lib/audit-chain';
import { type Client, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { buildProject, unitIdByName } from '../../test/factories';
import { projectsWorkbook, settled, testDataDir, upload, uploadAndSettle, workbookOf } from './test-workbooks';

const LEAD = '北园街道办事处';

describeEachDatabase(
  'imports: projects',
  (t) => {
    let office: Client;
    let unitStaff: Client;
    let viewer: Client;
    const projectCount = async () => Number((await t().database.db.select({ n: sql<number>`count(*)` }).from(projects))[0]?.n);

    beforeAll(async () => {
      office = await signInAs(t().app, 'office');
      unitStaff = await signInAs(t().app, 'unit');
      viewer = await signInAs(t().app, 'viewer');
    });

    it('answers 401 signed out and 403 without the import permission', async () => {
      expect((await anonymous(t().app).get('/api/v1/imports')).statusCode).toBe(401);
      const file = await projectsWorkbook([{ 项目名称: '无权导入', 责任单位: LEAD }]);
      expect((await upload(viewer, 'projects', file)).statusCode).toBe(403);
    });

    it('creates every project of a clean file in one commit, audited', async () => {
      const file = await projectsWorkbook([
        { 项目名称: '导入测试一号项目', 责任单位: LEAD, '总投资（万元）': 12345.67, 计划开工日期: '2026/3/1', 项目类别: '产业项目' },
        { 项目名称: '导入测试二号项目', 责任单位: LEAD, 项目代码: '2019-370105-47-03-111111', 计划竣工日期: '2027年6月30日' },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      expect(job.problems).toEqual([]);
      expect(job).toMatchObject({ status: 'ready', totalRows: 2, processedRows: 2, summary: { create: 2, update: 0 } });
      const commit = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);
      expect(commit.json()).toMatchObject({ status: 'committed', summary: { create: 2, update: 0 } });
      const [first] = await t().database.db.select().from(projects).where(eq(projects.name, '导入测试一号项目'));
      expect(first).toMatchObject({
        totalInvestmentYuan: 123_456_700,
        plannedStart: '2026-03-01',
        categoryCode: 'industrial',
        pool: 'planning',
      });
      expect(await lastAuditEvent(t().database, 'projects.create', first?.id)).not.toBeNull();
      expect(await lastAuditEvent(t().database, 'imports.commit', job.id)).not.toBeNull();

      const again = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(again.statusCode).toBe(409);
      expect(errorOf(again).code).toBe('import_not_ready');
    });

    it('updates existing projects matched by 项目代码, else by name, keeping the code history', async () => {
      const byCode = await buildProject(office, t().database, { name: '按代码匹配的项目', code: '2019-370105-47-03-222222' });
      const byName = await buildProject(office, t().database, { name: '按名称匹配的项目', code: '2019-370105-47-03-333333' });
      const file = await projectsWorkbook([
        { 项目代码: '2019-370105-47-03-222222', 项目名称: '按代码匹配的项目（改名）', 责任单位: LEAD, '总投资（万元）': 100 },
        { 项目代码: '2019-370105-47-03-333334', 项目名称: '按名称匹配的项目', 责任单位: LEAD },
        { 项目名称: '导入新建的项目', 责任单位: LEAD },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 1, update: 2 });
      expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      const [renamed] = await t().database.db.select().from(projects).where(eq(projects.id, byCode.id));
      expect(renamed).toMatchObject({ name: '按代码匹配的项目（改名）', totalInvestmentYuan: 1_000_000, version: byCode.version + 1 });
      const [recoded] = await t().database.db.select().from(projects).where(eq(projects.id, byName.id));
      expect(recoded?.code).toBe('2019-370105-47-03-333334');
      const history = await t().database.db.select().from(projectCodeHistory).where(eq(projectCodeHistory.projectId, byName.id));
      expect(history.map((h) => h.code)).toContain('2019-370105-47-03-333334');
      expect(history.find((h) => h.code === '2019-370105-47-03-333334')?.reason).toMatch(/Excel 导入/);
      expect(await lastAuditEvent(t().database, 'projects.update', byName.id)).not.toBeNull();
      // The import's events went into the hash chain a batch at a time; the chain still verifies end to end.
      expect((await verifyAuditChain(t().database.db)).broken).toEqual([]);
    });

    it('leaves a project alone when its row changes nothing, and updates only the rows that do', async () => {
      const same = await buildProject(office, t().database, { name: '原样导入的项目', code: '2019-370105-47-03-666666' });
      const changed = await buildProject(office, t().database, { name: '改投资的项目', code: '2019-370105-47-03-777777' });
      const file = await projectsWorkbook([
        { 项目代码: same.code, 项目名称: same.name, 责任单位: '区住房和城乡建设局' },
        { 项目代码: changed.code, 项目名称: changed.name, 责任单位: '区住房和城乡建设局', '总投资（万元）': 88 },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 0, update: 1 });
      expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(200);
      const versionOf = async (id: string) =>
        (await t().database.db.select({ version: projects.version }).from(projects).where(eq(projects.id, id)))[0]?.version;
      expect(await versionOf(same.id)).toBe(same.version);
      expect(await versionOf(changed.id)).toBe(changed.version + 1);
      expect(await lastAuditEvent(t().database, 'projects.update', same.id)).toBeNull();
    });

    it('reports every bad row with its row, column and reason, and writes nothing', async () => {
      await buildProject(office, t().database, { name: '已有代码的项目', code: '2019-370105-47-03-444444' });
      const before = await projectCount();
      const file = await projectsWorkbook([
        { 项目名称: '类别不存在', 责任单位: LEAD, 项目类别: '不存在的类别' },
        { 项目名称: '代码第二段错', 责任单位: LEAD, 项目代码: '2019-999999-47-03-111111' },
        { 项目名称: '金额为负', 责任单位: LEAD, '总投资（万元）': -5 },
        { 项目名称: '竣工早于开工', 责任单位: LEAD, 计划开工日期: '2026-03-01', 计划竣工日期: '2025-03-01' },
        { 项目名称: '单位不存在', 责任单位: '不存在的单位' },
        { 项目名称: '代码重复甲', 责任单位: LEAD, 项目代码: '2019-370105-47-03-555555' },
        { 项目名称: '代码重复乙', 责任单位: LEAD, 项目代码: '2019-370105-47-03-555555' },
        { 项目名称: null, 责任单位: LEAD },
        { 项目名称: '长'.repeat(10_000), 责任单位: LEAD },
        { 项目名称: '日期写错', 责任单位: LEAD, 计划开工日期: '明年春天' },
        { 项目名称: '金额荒唐', 责任单位: LEAD, '总投资（万元）': 2_000_000_000 },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      expect(job.status).toBe('invalid');
      const at = (row: number) =>
        job.problems.filter((p) => p.row === row).map((p) => ({ column: p.columnLabel, code: p.code, message: p.message }));
      expect(at(2)).toEqual([{ column: '项目类别', code: 'import.unknown_value', message: '“不存在的类别”不在项目类别中' }]);
      expect(at(3)).toMatchObject([{ column: '项目代码', code: 'projectCode.segment2.region_unknown' }]);
      expect(at(4)).toMatchObject([{ column: '总投资（万元）', code: 'format.yuanNegative' }]);
      expect(at(5)).toMatchObject([{ column: '计划竣工日期', code: 'project.planned_completion_before_start' }]);
      expect(at(6)).toMatchObject([{ column: '责任单位', code: 'import.unknown_value' }]);
      expect(at(7)).toEqual([]);
      expect(at(8)).toMatchObject([{ column: '项目代码', code: 'import.duplicate_in_file', message: '项目代码与第 7 行重复' }]);
      expect(at(9)).toMatchObject([{ column: '项目名称', code: 'import.required' }]);
      expect(at(10)).toMatchObject([{ column: '项目名称', code: 'zod' }]);
      expect(at(10)[0]?.message).toMatch(/200/);
      expect(at(11)).toMatchObject([{ column: '计划开工日期', code: 'import.date_invalid' }]);
      expect(at(12)).toMatchObject([{ column: '总投资（万元）', code: 'format.yuanTooLarge' }]);
      expect(job.problems.every((p) => p.column !== null)).toBe(true);
      expect(job.summary).toBeNull();
      expect(await projectCount()).toBe(before);
      const commit = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode).toBe(409);
      expect(await projectCount()).toBe(before);
    });

    it('refuses a row that leaves a required custom field of its category empty, naming the field', async () => {
      const admin = await signInAs(t().app, 'admin');
      const defined = await admin.post('/api/v1/custom-fields', {
        key: 'import_required',
        label: '导入必填字段',
        labelEn: 'Import required field',
        type: 'text',
        required: true,
        categoryCode: 'livelihood',
      });
      expect(defined.statusCode, defined.body).toBe(201);
      try {
        const before = await projectCount();
        const file = await projectsWorkbook([
          { 项目名称: '缺自定义字段的项目', 责任单位: LEAD, 项目类别: '社会民生' },
          { 项目名称: '别的类别不受影响', 责任单位: LEAD, 项目类别: '产业项目' },
        ]);
        const job = await uploadAndSettle(office, 'projects', file);
        expect(job.status).toBe('invalid');
        expect(job.problems).toEqual([
          expect.objectContaining({ row: 2, field: 'customValues.import_required', message: '请填写「导入必填字段」' }),
        ]);
        expect((await office.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(409);
        expect(await projectCount()).toBe(before);
      } finally {
        const { id, version } = defined.json() as { id: string; version: number };
        await admin.delete(`/api/v1/custom-fields/${id}`, { 'if-match': String(version) });
      }
    });

    it('answers problems in the reader’s language', async () => {
      const english = await signInAs(t().app, 'office');
      const file = await projectsWorkbook([{ 项目名称: '英文读者', 责任单位: LEAD, 项目类别: '没有这个' }]);
      const job = await uploadAndSettle(english, 'projects', file);
      const response = await english.get(`/api/v1/imports/${job.id}`, { 'accept-language': 'en-US' });
      const problem = (response.json() as ImportJob).problems[0];
      expect(problem).toMatchObject({ row: 2, column: 'C' });
      expect(problem?.message).toMatch(/not in the list of project categories|不在项目类别中/);
    });

    it('marks every bad cell of the user’s own file red with a comment, and lists the problems', async () => {
      const file = await projectsWorkbook([
        { 项目名称: '标注一', 责任单位: '查无此单位' },
        { 项目名称: '标注二', 责任单位: LEAD, '总投资（万元）': -1 },
      ]);
      const job = await uploadAndSettle(office, 'projects', file);
      const response = await office.get(`/api/v1/imports/${job.id}/marked.xlsx`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="import-marked.xlsx"; filename\*=UTF-8''/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const unitCell = sheet.getCell('B2');
      expect(unitCell.value).toBe('查无此单位');
      expect((unitCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
      expect(JSON.stringify(unitCell.note)).toContain('查无此单位');
      expect((sheet.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
      const list = workbook.getWorksheet('问题清单');
      expect(list?.rowCount).toBe(3);
      expect(list?.getRow(2).values).toEqual([undefined, 2, 'B', '责任单位', '“查无此单位”不在本区单位中']);
    });

    it('refuses an unknown kind naming every kind a sheet may be', async () => {
      const response = await upload(office, 'houses', await workbookOf(['项目名称'], [['甲']]));
      expect(response.statusCode).toBe(400);
      const [detail] = errorOf(response).details ?? [];
      expect(detail?.path).toBe('kind');
      for (const kind of IMPORT_KINDS) expect(detail?.message).toContain(kind);
    });

    it('refuses a file that is not an .xlsx, a zip without a workbook, and a zip bomb, by content', async () => {
      const text = await upload(office, 'projects', Buffer.from('项目名称,责任单位\n甲,乙\n'), '伪装.xlsx');
      expect(text.statusCode).toBe(400);
      expect(errorOf(text)).toMatchObject({ code: 'not_xlsx' });
      const zip = new JSZip();
      zip.file('readme.txt', 'not a workbook');
      const plainZip = await upload(office, 'projects', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      expect(errorOf(plainZip).code).toBe('not_xlsx');
      const bomb = new JSZip();
      bomb.file('[Content_Types].xml', '<Types/>');
      bomb.file('xl/workbook.xml', '<workbook/>');
      bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(50 * 1024 * 1024));
      const bombed = await upload(office, 'projects', await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      expect(bombed.statusCode).toBe(413);
      expect(errorOf(bombed)).toMatchObject({ code: 'zip_bomb' });
      expect(errorOf(bombed).message).toMatch(/200/);
      const jobs = (await office.get('/api/v1/imports')).json() as { items: ImportJob[] };
      expect(jobs.items.some((j) => j.fileName === '伪装.xlsx')).toBe(false);
    });

    it('refuses a sheet of more than 100,000 rows, naming the limit', async () => {
      const header = ['项目名称', '责任单位'];
      const rows = Array.from({ length: 100_001 }, (_, i) => [`行${i}`, LEAD]);
      const response = await upload(office, 'projects', await workbookOf(header, rows));
      expect(response.statusCode).toBe(413);
      expect(errorOf(response)).toMatchObject({ code: 'too_many_rows', message: '文件超过 100,000 行数据，请拆分后分批导入' });
    }, 120_000);

    it('lets a unit user update only his scope’s projects: a project outside it looks like no project at all', async () => {
      const own = await buildProject(office, t().database, { name: '北园自己的项目', leadUnitId: await unitIdByName(t().database, LEAD) });
      const other = await buildProject(office, t().database, { name: '住建局的项目' });
      await buildProject(office, t().database, { name: '住建局的同名项目' });
      await buildProject(office, t().database, { name: '住建局的同名项目' });
      const mixed = await projectsWorkbook([
        { 项目名称: '北园自己的项目', 责任单位: LEAD, 联系人: '张三' },
        { 项目名称: '住建局的项目', 责任单位: '区住房和城乡建设局', 联系人: '李四' },
        { 项目名称: '北园想新建的项目', 责任单位: LEAD },
        { 项目名称: '住建局的同名项目', 责任单位: LEAD },
      ]);
      const job = await uploadAndSettle(unitStaff, 'projects', mixed);
      // The same answer for a project he may not see (row 3), a new one (row 4) and a name shared by two projects he
      // may not see (row 5): he may not create projects — never "not editable" or "ambiguous", which would tell him
      // that projects outside his scope exist.
      expect(job.problems.map((p) => [p.row, p.code])).toEqual([
        [3, 'import.cannot_create'],
        [4, 'import.cannot_create'],
        [5, 'import.cannot_create'],
      ]);
      const clean = await projectsWorkbook([{ 项目名称: '北园自己的项目', 责任单位: LEAD, 联系人: '张三' }]);
      const ok = await uploadAndSettle(unitStaff, 'projects', clean);
      expect(ok.summary).toEqual({ create: 0, update: 1 });
      expect((await unitStaff.post(`/api/v1/imports/${ok.id}/commit`)).statusCode).toBe(200);
      const [row] = await t().database.db.select().from(projects).where(eq(projects.id, own.id));
      expect(row?.contactName).toBe('张三');
      const [untouched] = await t().database.db.select().from(projects).where(eq(projects.id, other.id));
      expect(untouched?.contactName).toBeNull();
      // Jobs are the creator's own unless one may manage every project of the district.
      expect((await unitStaff.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(200);
      const officeJob = await uploadAndSettle(office, 'projects', clean);
      expect((await unitStaff.get(`/api/v1/imports/${officeJob.id}`)).statusCode).toBe(404);
      expect((await office.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(200);
    });

    it('refuses a stale job: a matched project edited after the check is not overwritten', async () => {
      const project = await buildProject(office, t().database, { name: '检查后被修改的项目' });
      const job = await uploadAndSettle(
        office,
        'projects',
        await projectsWorkbook([{ 项目名称: '检查后被修改的项目', 责任单位: LEAD, 联系人: '导入值' }]),
      );
      expect(job.status).toBe('ready');
      const edit = await office.patch(`/api/v1/projects/${project.id}`, { contactName: '他人修改', version: project.version });
      expect(edit.statusCode).toBe(200);
      const commit = await office.post(`/api/v1/imports/${job.id}/commit`);
      expect(commit.statusCode).toBe(409);
      expect(errorOf(commit).code).toBe('import_stale');
      const [row] = await t().database.db.select().from(projects).where(eq(projects.id, project.id));
      expect(row?.contactName).toBe('他人修改');
      expect((await settled(office, job.id)).status).toBe('failed');
    });

    it('gives a template with the headers, hidden drop-down lists, a frozen header and instructions', async () => {
      const response = await office.get('/api/v1/imports/templates/projects');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain("filename*=UTF-8''%E9%A1%B9%E7%9B%AE");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const [data, instructions, lists] = workbook.worksheets;
      if (!data) throw new Error('no data sheet');
      expect(data.getCell('B1').value).toBe('项目名称 *');
      expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(lists?.state).toBe('hidden');
      expect(instructions?.getCell('A1').value).toBe('填写说明');
      const category = data.getCell('E2').dataValidation;
      expect(category).toMatchObject({ type: 'list' });
      expect(String(category?.formulae?.[0])).toMatch(/^lists!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
      // 包挂领导: a drop-down of the district's leaders, one name each, with a note on writing several.
      const headers = (data.getRow(1).values as unknown[]).map(String);
      const leaderColumn = headers.indexOf('包挂领导');
      const leaderList = data.getRow(2).getCell(leaderColumn).dataValidation;
      expect(leaderList).toMatchObject({ type: 'list', showInputMessage: true });
      // Typing several names is no error (Excel shows no alert: the import checks each name).
      expect(leaderList?.showErrorMessage).toBeFalsy();
      expect(leaderList?.prompt).toContain('顿号“、”');
      const [, listColumn, firstRow, lastRow] = String(leaderList?.formulae?.[0]).match(/^lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/) ?? [];
      const offered = Array.from(
        { length: Number(lastRow) - Number(firstRow) + 1 },
        (_, i) => lists?.getCell(`${listColumn}${Number(firstRow) + i}`).value,
      );
      const districtLeaders = await t()
        .database.db.select({ name: users.displayName })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .innerJoin(regions, eq(regions.code, units.regionCode))
        .where(and(eq(users.roleCode, 'leader'), eq(users.status, 'active'), like(regions.path, '370000/370100/370105/%')));
      const leaderNames = districtLeaders.map((r) => r.name);
      expect(leaderNames.length).toBeGreaterThan(0);
      expect([...offered].sort()).toEqual([...leaderNames].sort());
      // The co-operating units likewise offer one unit at a time.
      const coUnits = data.getRow(2).getCell(headers.indexOf('配合单位')).dataValidation;
      expect(coUnits).toMatchObject({ type: 'list', showInputMessage: true });
      expect(coUnits?.showErrorMessage).toBeFalsy();
      // The template, filled in, imports as it is.
      data.getCell('B2').value = '模板填写的项目';
      data.getRow(2).getCell(headers.findIndex((header) => String(header).startsWith('责任单位'))).value = LEAD;
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const job = await uploadAndSettle(office, 'projects', filled);
      expect(job.problems).toEqual([]);
      expect(job.summary).toEqual({ create: 1, update: 0 });
    });
  },
  { dataDir: testDataDir() },
);
