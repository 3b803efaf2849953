import { beforeAll, expect, it } from 'vitest';
import type { Project, ProjectListItem } from '../../../common/schemas/projects';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { buildProject, placeInPool, unitIdByName, userIdOf } from '../../test/factories';

const names = (body: { items: ProjectListItem[] }) => body.items.map((p) => p.name).sort();
// The test database may hold demo projects too: every project of this file carries the marker, and lists are
// narrowed to it (or to the file's own ids) so that they assert exactly.
const MARKER = '蓝图测试';
const marked = (query = '') => `/api/v1/projects?q=${encodeURIComponent(MARKER)}&pageSize=200${query ? `&${query}` : ''}`;

describeEachDatabase('projects API: reading and listing', (t) => {
  let office: Client;
  let unitStaff: Client;
  let leader: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let beiyuanId: string;
  let housingId: string;
  let leaderId: string;
  let square: Project;
  let factory: Project;
  let street: Project;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    leader = await signInAs(t().app, 'leader');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuanId = await unitIdByName(t().database, '北园街道办事处');
    housingId = await unitIdByName(t().database, '区住房和城乡建设局');
    leaderId = await userIdOf(t().database, 'leader');
    square = await buildProject(office, t().database, {
      name: '天桥广场蓝图测试项目',
      code: '2019-370105-47-03-987651',
      categoryCode: 'urban_renewal',
      industryCode: '47',
      isCityKey: true,
      nature: 'new_start',
      totalInvestmentYuan: 500_000_000,
      plannedStart: '2024-03-01',
      plannedCompletion: '2025-12-31',
      streetCode: '370105014',
      leaderIds: [leaderId],
    });
    factory = await buildProject(office, t().database, {
      name: '智能装备制造基地蓝图测试',
      industryCode: '35',
      isProvincialKey: true,
      nature: 'continuing',
      totalInvestmentYuan: 2_000_000_000,
      clusterCode: 'smart_mfg',
      parkCode: 'smart_equip',
      actualStart: '2021-05-01',
    });
    street = await buildProject(office, t().database, {
      name: '北园街道老旧小区改造蓝图测试',
      leadUnitId: beiyuanId,
      plannedStart: '2026-04-01',
    });
    await placeInPool(t().database, factory.id, 'implementing');
  });

  it('answers 401 to every project endpoint when signed out', async () => {
    const client = anonymous(t().app);
    const id = square.id;
    const calls = [
      client.get('/api/v1/projects'),
      client.get(`/api/v1/projects/${id}`),
      client.post('/api/v1/projects', { name: 'x', leadUnitId: housingId }),
      client.patch(`/api/v1/projects/${id}`, { version: 1 }),
      client.get(`/api/v1/projects/${id}/gates`),
      client.post(`/api/v1/projects/${id}/move`, { to: 'advancing', version: 1 }),
      client.get(`/api/v1/projects/${id}/timeline`),
      client.get('/api/v1/project-gates'),
      client.request('PUT', '/api/v1/project-gates', { gates: {}, requiredApprovals: {}, version: 0 }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('shows one project with the names the page needs and the actor’s abilities', async () => {
    const response = await office.get(`/api/v1/projects/${square.id}`);
    expect(response.statusCode).toBe(200);
    const body: Project = response.json();
    expect(body).toMatchObject({
      name: '天桥广场蓝图测试项目',
      regionCode: '370105',
      code: '2019-370105-47-03-987651',
      codeRegionCode: '370105',
      codeRegionName: '天桥区',
      streetName: expect.stringContaining('北园'),
      leadUnitName: '区住房和城乡建设局',
      leaders: [{ id: leaderId, name: '刘志强（副区长）' }],
      coUnits: [],
      pool: 'planning',
      abilities: { update: true, move: true, moveBack: false, plan: true, annualPlan: true, freezePlan: true },
    });
    const asViewer: Project = (await viewer.get(`/api/v1/projects/${square.id}`)).json();
    expect(asViewer.abilities).toEqual({ update: false, move: false, moveBack: false, plan: false, annualPlan: false, freezePlan: false });
  });

  it('answers 404 outside the actor’s scope: another district, another unit’s project, a leader not in charge', async () => {
    expect((await otherAdmin.get(`/api/v1/projects/${square.id}`)).statusCode).toBe(404);
    expect((await unitStaff.get(`/api/v1/projects/${factory.id}`)).statusCode).toBe(404);
    expect((await unitStaff.get(`/api/v1/projects/${street.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/projects/${factory.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/projects/${square.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.patch(`/api/v1/projects/${factory.id}`, { name: '越权', version: 1 })).statusCode).toBe(404);
    for (const path of ['', '/gates', '/timeline']) {
      expect((await otherAdmin.get(`/api/v1/projects/${factory.id}${path}`)).statusCode).toBe(404);
    }
    expect((await office.get('/api/v1/projects/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const badId = await office.get('/api/v1/projects/not-a-uuid');
    expect(errorOf(badId).details?.[0]?.path).toBe('params.id');
  });

  it('lists only the projects in scope, with list abilities per role', async () => {
    const all = (await office.get(marked())).json();
    expect(names(all)).toEqual(['北园街道老旧小区改造蓝图测试', '天桥广场蓝图测试项目', '智能装备制造基地蓝图测试']);
    expect(all.abilities).toEqual({ create: true, import: true, export: true });
    const own = (await unitStaff.get(marked())).json();
    expect(names(own)).toEqual(['北园街道老旧小区改造蓝图测试']);
    expect(own.abilities).toEqual({ create: false, import: true, export: true });
    expect(own.items[0].abilities.update).toBe(true);
    // Whatever else is in the database, a street clerk sees only his street's projects and a leader only his own.
    const everything: ProjectListItem[] = (await unitStaff.get('/api/v1/projects?pageSize=200')).json().items;
    expect(everything.every((p) => p.leadUnitId === beiyuanId)).toBe(true);
    expect(names((await leader.get(marked())).json())).toEqual(['天桥广场蓝图测试项目']);
    const leaders: ProjectListItem[] = (await leader.get('/api/v1/projects?pageSize=200')).json().items;
    expect(leaders.every((p) => p.leaders.some((l) => l.id === leaderId))).toBe(true);
    expect((await otherAdmin.get(marked())).json().total).toBe(0);
    expect((await viewer.get(marked())).json().abilities.create).toBe(false);
  });

  it('lists with lead unit, street and leaders filled in one go', async () => {
    const items: ProjectListItem[] = (await office.get(marked())).json().items;
    const row = items.find((p) => p.id === square.id);
    expect(row).toMatchObject({
      leadUnitName: '区住房和城乡建设局',
      streetName: expect.stringContaining('北园'),
      leaders: [{ id: leaderId, name: '刘志强（副区长）' }],
      totalInvestmentYuan: 500_000_000,
      isCityKey: true,
    });
    expect(items.find((p) => p.id === factory.id)?.leaders).toEqual([]);
  });

  it('filters by pool, nature, level, category, industry section, unit, leader, street, cluster, park and year', async () => {
    const list = async (query: string) => names((await office.get(marked(query))).json());
    expect(await list('pool=implementing')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('pool=planning,implementing')).toHaveLength(3);
    expect(await list('nature=new_start,continuing')).toEqual(['天桥广场蓝图测试项目', '智能装备制造基地蓝图测试']);
    expect(await list('level=provincial')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('level=provincial,city')).toEqual(['天桥广场蓝图测试项目', '智能装备制造基地蓝图测试']);
    expect(await list('categoryCode=urban_renewal')).toEqual(['天桥广场蓝图测试项目']);
    // Section C (制造业) finds division 35; division 47 is in section E.
    expect(await list('industryCode=C')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('industryCode=35')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('industryCode=E')).toEqual(['天桥广场蓝图测试项目']);
    expect(await list(`leadUnitId=${beiyuanId}`)).toEqual(['北园街道老旧小区改造蓝图测试']);
    expect(await list(`leaderId=${leaderId}`)).toEqual(['天桥广场蓝图测试项目']);
    expect(await list('streetCode=370105014')).toEqual(['天桥广场蓝图测试项目']);
    expect(await list('clusterCode=smart_mfg')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('parkCode=smart_equip')).toEqual(['智能装备制造基地蓝图测试']);
    // 2025: the square's planned span and the factory's open actual span; 2026: the factory and the street's planned start.
    expect(await list('year=2025')).toEqual(['天桥广场蓝图测试项目', '智能装备制造基地蓝图测试']);
    expect(await list('year=2026')).toEqual(['北园街道老旧小区改造蓝图测试', '智能装备制造基地蓝图测试']);
    expect(await list('year=2020')).toEqual([]);
    // 新开工 as counted: the actual start in the year (the factory started in 2021), not the nature.
    expect(await list('startedIn=2021')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await list('startedIn=2026')).toEqual([]);
    const bad = await office.get('/api/v1/projects?pool=library&year=1800');
    expect(errorOf(bad).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['query.pool.0', 'query.year']));
  });

  it('finds by a piece of the name, by pinyin initials and by the start of the 项目代码', async () => {
    const ours = new Set([square.id, factory.id, street.id]);
    const search = async (q: string) => {
      const items: ProjectListItem[] = (await office.get(`/api/v1/projects?pageSize=200&q=${encodeURIComponent(q)}`)).json().items;
      return items.filter((p) => ours.has(p.id)).map((p) => p.name);
    };
    expect(await search('广场蓝图')).toEqual(['天桥广场蓝图测试项目']);
    expect(await search('tqgc')).toEqual(['天桥广场蓝图测试项目']);
    expect(await search('TQGC')).toEqual(['天桥广场蓝图测试项目']);
    expect(await search('zbzz')).toEqual(['智能装备制造基地蓝图测试']);
    expect(await search('2019-370105-47-03-98')).toEqual(['天桥广场蓝图测试项目']);
    expect(await search('２０１９－３７０１０５－４７－０３－９８')).toEqual(['天桥广场蓝图测试项目']);
    expect(await search('370105-47-03-98')).toEqual([]);
    expect((await office.get(`/api/v1/projects?q=${encodeURIComponent('100%_')}`)).json().total).toBe(0);
  });

  it('sorts by the allowed fields, empty values last, and refuses any other', async () => {
    const order = async (sort: string) => (await office.get(marked(`sort=${sort}`))).json().items.map((p: ProjectListItem) => p.name);
    expect(await order('-totalInvestmentYuan')).toEqual([
      '智能装备制造基地蓝图测试',
      '天桥广场蓝图测试项目',
      '北园街道老旧小区改造蓝图测试',
    ]);
    expect(await order('totalInvestmentYuan')).toEqual([
      '天桥广场蓝图测试项目',
      '智能装备制造基地蓝图测试',
      '北园街道老旧小区改造蓝图测试',
    ]);
    // By pinyin: bei… < tian… < zhi…
    expect(await order('name')).toEqual(['北园街道老旧小区改造蓝图测试', '天桥广场蓝图测试项目', '智能装备制造基地蓝图测试']);
    expect(await order('plannedStart')).toEqual(['天桥广场蓝图测试项目', '北园街道老旧小区改造蓝图测试', '智能装备制造基地蓝图测试']);
    // The default is the latest change first.
    expect((await office.get(marked())).json().items[0].name).toBe('北园街道老旧小区改造蓝图测试');
    const bad = await office.get('/api/v1/projects?sort=ownerName');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('query.sort');
  });

  it('pages the list', async () => {
    const first = (await office.get(`/api/v1/projects?q=${encodeURIComponent(MARKER)}&sort=name&pageSize=2`)).json();
    const second = (await office.get(`/api/v1/projects?q=${encodeURIComponent(MARKER)}&sort=name&pageSize=2&page=2`)).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((p: ProjectListItem) => p.name)).toEqual(['智能装备制造基地蓝图测试']);
  });
});
