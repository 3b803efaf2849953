import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/projects';
import { projectCodeHistory, projectCoUnits, projectLeaders, projects } from '../../db/schema';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { buildProject, placeInPool, unitIdByName, userIdOf } from '../../test/factories';

describeEachDatabase('projects API: creating and editing', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let invest: Client;
  let otherAdmin: Client;
  let housingId: string;
  let beiyuanId: string;
  let financeId: string;
  let leaderId: string;
  let unitUserId: string;
  let otherAdminId: string;

  const create = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/projects', { leadUnitId: housingId, ...body });
  const firstDetail = (response: LightMyRequestResponse) => errorOf(response).details?.[0];

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    invest = await signInAs(t().app, 'invest');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    housingId = await unitIdByName(t().database, '区住房和城乡建设局');
    beiyuanId = await unitIdByName(t().database, '北园街道办事处');
    financeId = await unitIdByName(t().database, '区财政局');
    leaderId = await userIdOf(t().database, 'leader');
    unitUserId = await userIdOf(t().database, 'unit');
    otherAdminId = await userIdOf(t().database, OTHER_REGION.adminUsername);
  });

  it('answers 403 to a user without project.create or project.update', async () => {
    expect((await create(viewer, { name: '督查不能建' })).statusCode).toBe(403);
    expect((await create(unitStaff, { name: '街道不能建', leadUnitId: beiyuanId })).statusCode).toBe(403);
    const project = await buildProject(office, t().database);
    expect((await viewer.patch(`/api/v1/projects/${project.id}`, { name: '改名', version: 1 })).statusCode).toBe(403);
  });

  it('creates a project, derives its district, pinyin and code region, and audits it', async () => {
    const response = await create(office, {
      name: '天桥广场更新改造',
      leadUnitId: beiyuanId,
      code: '２０１９－３７０１０５－４７－０３－９８７６５２',
      ownerName: '',
      categoryCode: 'urban_renewal',
      industryCode: 'E',
      leadingIndustryCode: 'logistics_trade',
      clusterCode: 'trade',
      streetCode: '370105014',
      totalInvestmentYuan: 1_200_000_000,
      fixedAssetInvestmentYuan: 1_000_000_000,
      plannedStart: '2025-03-01',
      plannedCompletion: '2027-06-30',
      coUnitIds: [financeId, financeId],
      leaderIds: [leaderId],
    });
    expect(response.statusCode).toBe(201);
    const created: Project = response.json();
    expect(created).toMatchObject({ regionCode: '370105', code: '2019-370105-47-03-987652', codeRegionName: '天桥区', pool: 'planning' });
    const [row] = await t().database.db.select().from(projects).where(eq(projects.id, created.id));
    expect(row).toMatchObject({
      regionCode: '370105',
      namePinyin: 'tqgcgxgz',
      code: '2019-370105-47-03-987652',
      codeRegionCode: '370105',
      ownerName: null,
      nature: 'reserve',
      isDistrictKey: true,
      totalInvestmentYuan: 1_200_000_000,
      version: 1,
    });
    const coUnits = await t().database.db.select().from(projectCoUnits).where(eq(projectCoUnits.projectId, created.id));
    expect(coUnits.map((c) => c.unitId)).toEqual([financeId]);
    const leaders = await t().database.db.select().from(projectLeaders).where(eq(projectLeaders.projectId, created.id));
    expect(leaders.map((l) => l.userId)).toEqual([leaderId]);
    const [history] = await t().database.db.select().from(projectCodeHistory).where(eq(projectCodeHistory.projectId, created.id));
    expect(history).toMatchObject({ previousCode: null, code: '2019-370105-47-03-987652' });
    const event = await lastAuditEvent(t().database, 'projects.create', created.id);
    expect(event?.actorName).toBe('office');
    expect(event?.regionCode).toBe('370105');
    expect(event?.after).toMatchObject({ name: '天桥广场更新改造', leaderIds: [leaderId], coUnitIds: [financeId], code: created.code });
  });

  it('answers 400 naming the wrong segment of the 项目代码', async () => {
    const cases: [string, string][] = [
      ['2019-370199-47-03-012345', '项目代码第2段（行政区划代码）370199不是已知的行政区划'],
      ['2019-37O105-47-03-012345', '项目代码第2段（行政区划代码）37O105只能包含数字'],
      ['2019-370105-47-03-01234', '项目代码第5段（流水号）01234应为 6 位数字'],
      ['20190370105470301234', '项目代码格式应为 NNNN-NNNNNN-NN-NN-NNNNNN（24 位，含 4 个连字符）'],
    ];
    for (const [code, message] of cases) {
      const response = await create(office, { name: '代码校验', code });
      expect(response.statusCode, code).toBe(400);
      expect(firstDetail(response)).toEqual({ path: 'code', message });
    }
  });

  it('answers 400 naming the field for bad dates, money, dictionary codes, units, leaders and streets', async () => {
    const expectField = async (body: Record<string, unknown>, path: string, messagePart?: string) => {
      const response = await create(office, { name: '校验项目', ...body });
      expect(response.statusCode, path).toBe(400);
      const detail = firstDetail(response);
      expect(detail?.path).toBe(path);
      if (messagePart) expect(detail?.message).toContain(messagePart);
    };
    await expectField({ plannedStart: '2025-06-01', plannedCompletion: '2025-05-31' }, 'plannedCompletion', '计划竣工日期');
    await expectField({ actualStart: '2025-06-01', actualCompletion: '2024-01-01' }, 'actualCompletion', '实际竣工日期');
    await expectField({ totalInvestmentYuan: -1 }, 'totalInvestmentYuan', '金额不能为负数');
    await expectField({ totalInvestmentYuan: 1.5 }, 'totalInvestmentYuan', '整数');
    // Absurd amounts: more than 10 万亿元, and figures past what a number holds exactly.
    await expectField({ totalInvestmentYuan: 10_000_000_000_001 }, 'totalInvestmentYuan', '10 万亿元');
    await expectField({ fixedAssetInvestmentYuan: 1e300 }, 'fixedAssetInvestmentYuan', '10 万亿元');
    await expectField({ expectedTaxYuan: Number.MAX_SAFE_INTEGER }, 'expectedTaxYuan', '10 万亿元');
    await expectField({ landAreaMu: 2_000_000 }, 'landAreaMu');
    await expectField({ resettlementUnits: -3 }, 'resettlementUnits');
    await expectField({ totalInvestmentYuan: 100, fixedAssetInvestmentYuan: 101 }, 'fixedAssetInvestmentYuan');
    await expectField({ categoryCode: 'castle' }, 'categoryCode', 'castle');
    await expectField({ industryCode: 'Z' }, 'industryCode');
    await expectField({ leadingIndustryCode: 'urban_renewal' }, 'leadingIndustryCode');
    await expectField({ clusterCode: 'innovation', parkCode: 'materials' }, 'parkCode', '组团');
    await expectField({ leadUnitId: '00000000-0000-4000-8000-000000000000' }, 'leadUnitId', '数据范围');
    await expectField({ coUnitIds: [financeId, housingId] }, 'coUnitIds.1', '责任单位');
    await expectField({ leaderIds: [leaderId, otherAdminId] }, 'leaderIds.1', '包挂领导');
    await expectField({ streetCode: '370102001' }, 'streetCode');
    await expectField({ name: 'x'.repeat(10_000) }, 'name');
    const bad = await create(office, { name: '', nature: 'someday', contactPhone: 'call me', surplus: true });
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['name', 'nature', 'contactPhone', 'surplus']));
    // An edit is checked the same way, and a refused one leaves the project as it was.
    const project = await buildProject(office, t().database, { totalInvestmentYuan: 5_000_000 });
    const absurd = await office.patch(`/api/v1/projects/${project.id}`, { totalInvestmentYuan: 1e16, version: project.version });
    expect(firstDetail(absurd)?.path).toBe('totalInvestmentYuan');
    expect((await office.get(`/api/v1/projects/${project.id}`)).json()).toMatchObject({
      totalInvestmentYuan: 5_000_000,
      version: project.version,
    });
  });

  it('keeps the outline of the site as a GeoJSON polygon, and refuses an open ring or a point outside China', async () => {
    // 天桥区 around 北园大街: four corners and the first again.
    const ring = [
      [116.99, 36.69],
      [117.01, 36.69],
      [117.01, 36.7],
      [116.99, 36.7],
      [116.99, 36.69],
    ];
    const response = await create(office, { name: '范围线项目', outline: { type: 'Polygon', coordinates: [ring] } });
    expect(response.statusCode, response.body).toBe(201);
    const project = response.json() as Project;
    expect((await office.get(`/api/v1/projects/${project.id}`)).json().outline).toEqual({ type: 'Polygon', coordinates: [ring] });
    // An edit that does not send the outline keeps it; null clears it.
    const renamed = await office.patch(`/api/v1/projects/${project.id}`, { name: '范围线项目（改）', version: project.version });
    expect(renamed.json().outline).toEqual({ type: 'Polygon', coordinates: [ring] });
    const cleared = await office.patch(`/api/v1/projects/${project.id}`, { outline: null, version: project.version + 1 });
    expect(cleared.json().outline).toBeNull();

    const open = await create(office, { name: '未闭合', outline: { type: 'Polygon', coordinates: [ring.slice(0, 4)] } });
    expect(firstDetail(open)).toMatchObject({ path: 'outline.coordinates.0' });
    expect(firstDetail(open)?.message).toContain('首尾相接');
    const abroad = await create(office, {
      name: '境外',
      outline: { type: 'Polygon', coordinates: [[...ring.slice(0, 4), [2.35, 48.85]]] },
    });
    expect(firstDetail(abroad)?.path).toBe('outline.coordinates.0.4.0');
    const notPolygon = await create(office, { name: '点', outline: { type: 'Point', coordinates: [117, 36.7] } });
    expect(firstDetail(notPolygon)?.path).toMatch(/^outline/);
  });

  it('refuses units outside the actor’s scope and writes nothing', async () => {
    const before = await t().database.db.select({ id: projects.id }).from(projects);
    const investUnit = await unitIdByName(t().database, '区投资促进中心');
    const outside = await create(invest, { name: '投促项目', leadUnitId: housingId });
    expect(firstDetail(outside)?.path).toBe('leadUnitId');
    const coOutside = await create(invest, { name: '投促项目', leadUnitId: investUnit, coUnitIds: [housingId] });
    expect(firstDetail(coOutside)?.path).toBe('coUnitIds.0');
    const foreign = await create(otherAdmin, { name: '历下项目', leadUnitId: housingId });
    expect(firstDetail(foreign)?.path).toBe('leadUnitId');
    expect(await t().database.db.select({ id: projects.id }).from(projects)).toHaveLength(before.length);
    expect((await create(invest, { name: '投促自己的项目', leadUnitId: investUnit })).statusCode).toBe(201);
  });

  it('refuses a 项目代码 already used in the district with 409', async () => {
    await buildProject(office, t().database, { code: '2020-370105-35-02-987653' });
    const again = await create(office, { name: '重复代码', code: '2020-370105-35-02-987653' });
    expect(again.statusCode).toBe(409);
    expect(firstDetail(again)?.path).toBe('code');
  });

  it('updates with the current version, answers 409 to a stale one, and audits the changed fields with the link lists', async () => {
    const project = await buildProject(office, t().database, { name: '版本测试项目', totalInvestmentYuan: 100 });
    const ok = await office.patch(
      `/api/v1/projects/${project.id}`,
      { ownerName: '济南城投', leaderIds: [leaderId], coUnitIds: [financeId], version: 1 },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, ownerName: '济南城投', leaders: [{ id: leaderId }], coUnits: [{ id: financeId }] });
    const stale = await office.patch(`/api/v1/projects/${project.id}`, { ownerName: '旧的', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const mismatch = await office.patch(`/api/v1/projects/${project.id}`, { ownerName: '旧的', version: 2 }, { 'if-match': '"1"' });
    expect(mismatch.statusCode).toBe(409);
    const event = await lastAuditEvent(t().database, 'projects.update', project.id);
    expect(event?.before).toEqual({ ownerName: null, leaderIds: [], coUnitIds: [] });
    expect(event?.after).toEqual({ ownerName: '济南城投', leaderIds: [leaderId], coUnitIds: [financeId] });
    const [row] = await t().database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row?.ownerName).toBe('济南城投');
  });

  it('keeps the code history: a first code freely, a new code only with a reason', async () => {
    const project = await buildProject(office, t().database, { name: '赋码项目' });
    const first = await office.patch(`/api/v1/projects/${project.id}`, { code: '2021-370105-47-01-987654', version: 1 });
    expect(first.statusCode).toBe(200);
    const noReason = await office.patch(`/api/v1/projects/${project.id}`, { code: '2207-370105-04-01-987655', version: 2 });
    expect(firstDetail(noReason)?.path).toBe('codeChangeReason');
    const corrected = await office.patch(`/api/v1/projects/${project.id}`, {
      code: '2207-370105-04-01-987655',
      codeChangeReason: '在线平台重新赋码',
      version: 2,
    });
    expect(corrected.statusCode).toBe(200);
    const history = await t()
      .database.db.select()
      .from(projectCodeHistory)
      .where(eq(projectCodeHistory.projectId, project.id))
      .orderBy(desc(projectCodeHistory.at));
    expect(history.map((h) => [h.previousCode, h.code, h.reason])).toEqual(
      expect.arrayContaining([
        [null, '2021-370105-47-01-987654', null],
        ['2021-370105-47-01-987654', '2207-370105-04-01-987655', '在线平台重新赋码'],
      ]),
    );
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'code_change', from: '2021-370105-47-01-987654', to: '2207-370105-04-01-987655' });
    expect(timeline.at(-1)).toMatchObject({ kind: 'created', actorName: '李明（重点项目办）' });
  });

  it('names who changed the project in 项目动态 as people know him, not by his username', async () => {
    const project = await buildProject(office, t().database);
    expect((await office.patch(`/api/v1/projects/${project.id}`, { ownerName: '济南动态业主有限公司', version: 1 })).statusCode).toBe(200);
    const timeline = (await office.get(`/api/v1/projects/${project.id}/timeline`)).json().items as {
      kind: string;
      action?: string;
      actorName: string;
    }[];
    const edit = timeline.find((entry) => entry.kind === 'event' && entry.action === 'projects.update');
    expect(edit?.actorName).toBe('李明（重点项目办）');
  });

  it('never clears the code of a project that has left planning', async () => {
    const project = await buildProject(office, t().database, { code: '2021-370105-47-01-987656' });
    const version = await placeInPool(t().database, project.id, 'advancing');
    const cleared = await office.patch(`/api/v1/projects/${project.id}`, { code: null, codeChangeReason: '清除', version });
    expect(cleared.statusCode).toBe(400);
    expect(firstDetail(cleared)?.path).toBe('code');
    const uncoded = await buildProject(office, t().database);
    const uncodedVersion = await placeInPool(t().database, uncoded.id, 'advancing');
    expect((await office.patch(`/api/v1/projects/${uncoded.id}`, { ownerName: '业主', version: uncodedVersion })).statusCode).toBe(200);
  });

  it('lets unit staff edit their unit’s projects, but not one they see only as its leader in charge', async () => {
    const own = await buildProject(office, t().database, { leadUnitId: beiyuanId });
    const edited = await unitStaff.patch(`/api/v1/projects/${own.id}`, { contactName: '张伟', version: 1 });
    expect(edited.statusCode).toBe(200);
    const toOther = await unitStaff.patch(`/api/v1/projects/${own.id}`, { leadUnitId: housingId, version: 2 });
    expect(firstDetail(toOther)?.path).toBe('leadUnitId');
    const other = await buildProject(office, t().database, { name: '住建局项目' });
    expect((await unitStaff.patch(`/api/v1/projects/${other.id}`, { contactName: '张伟', version: 1 })).statusCode).toBe(404);
    await office.patch(`/api/v1/projects/${other.id}`, { leaderIds: [unitUserId], version: 1 });
    const seen = await unitStaff.get(`/api/v1/projects/${other.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.update).toBe(false);
    expect((await unitStaff.patch(`/api/v1/projects/${other.id}`, { contactName: '张伟', version: 2 })).statusCode).toBe(403);
  });

  it('shows a leader a project only once he is in charge of it', async () => {
    const leader = await signInAs(t().app, 'leader');
    const project = await buildProject(office, t().database, { name: '包挂测试项目' });
    expect((await leader.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    await office.patch(`/api/v1/projects/${project.id}`, { leaderIds: [leaderId], version: 1 });
    expect((await leader.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(200);
    const listed = (await leader.get('/api/v1/projects?q=包挂测试')).json();
    expect(listed.items.map((p: Project) => p.id)).toEqual([project.id]);
  });
});
