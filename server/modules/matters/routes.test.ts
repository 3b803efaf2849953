import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { MATTER_STATUSES } from '../../../common/enums';
import { createAccount, ensureRootUnit } from '../../db/accounts';
import { matterEntries, matters, users } from '../../db/schema';
import { insertMatter, insertProject, insertUnit, unitIdByName, uniqueSuffix, userIdOf } from '../../test/factories';
import { recomputeWarnings } from '../warnings';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
  testConfig,
} from '../../test/harness';
import { overdueMattersByProject, projectProblemsOverdueOn } from './index';

type MatterJson = {
  id: string;
  version: number;
  status: string;
  abilities: Record<string, boolean>;
  entries: { kind: string; text: string | null; authorName: string | null }[];
};

describeEachDatabase('matters API', (t) => {
  let office: Client;
  let unit: Client;
  let leader: Client;
  let viewer: Client;
  let co: Client;
  let stranger: Client;
  let beiyuan: string;
  let coUnitId: string;
  let strangerUnitId: string;
  const deadline = addDays(todayInChina(), 10);
  const url = (id: string, rest = '') => `/api/v1/matters/${id}${rest}`;
  const rowOf = async (id: string) => (await t().database.db.select().from(matters).where(eq(matters.id, id)))[0];
  const entryCount = async (id: string) =>
    (await t().database.db.select().from(matterEntries).where(eq(matterEntries.matterId, id))).length;

  /** A person of a new unit of the test district, with the role, who can sign in. */
  async function personOfNewUnit(role: 'unit_staff' | 'project_office' = 'unit_staff') {
    const unitRow = await insertUnit(t().database, { regionCode: testConfig().regionCode, name: `配合单位${uniqueSuffix()}` });
    const username = `matter_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: unitRow.id, roleCode: role, password: TEST_PASSWORD },
    );
    return { unitId: unitRow.id, client: await signInAs(t().app, username) };
  }

  const body = (extra: Record<string, unknown> = {}) => ({
    source: 'hotline_12345',
    title: `12345 工单：道路积水${uniqueSuffix()}`,
    description: '市民反映北园大街与生产路交叉口雨后积水严重',
    category: 'utilities',
    leadUnitId: beiyuan,
    coUnitIds: [coUnitId],
    deadline,
    ...extra,
  });

  async function raise(client: Client = office, extra: Record<string, unknown> = {}): Promise<MatterJson> {
    const response = await client.post('/api/v1/matters', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const step = (client: Client, matter: { id: string; version: number }, path: string, text?: string) =>
    client.post(url(matter.id, `/${path}`), { version: matter.version, ...(text === undefined ? {} : { text }) });

  /** Runs `body` with the client's language set to English (a user's setting wins over Accept-Language), then back. */
  async function inEnglish<T>(client: Client, body: () => Promise<T>): Promise<T> {
    expect((await client.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    try {
      return await body();
    } finally {
      await client.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
  }

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    leader = await signInAs(t().app, 'leader');
    viewer = await signInAs(t().app, 'viewer');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
    ({ unitId: coUnitId, client: co } = await personOfNewUnit());
    ({ unitId: strangerUnitId, client: stranger } = await personOfNewUnit());
  });

  it('answers 401 to every matter route when signed out', async () => {
    const matter = await raise();
    const guest = anonymous(t().app);
    expect((await guest.get('/api/v1/matters')).statusCode).toBe(401);
    expect((await guest.get('/api/v1/matters/stats')).statusCode).toBe(401);
    expect((await guest.get(url(matter.id))).statusCode).toBe(401);
    expect((await guest.post('/api/v1/matters', body())).statusCode).toBe(401);
    expect((await step(guest, matter, 'accept')).statusCode).toBe(401);
    expect((await rowOf(matter.id))?.version).toBe(1);
  });

  it('raises and assigns a matter (交办): stored, opened by its 交办 entry, audited, seen by the lead unit and the co-unit only', async () => {
    const matter = await raise();
    expect(matter).toMatchObject({ status: 'assigned', source: 'hotline_12345', leadUnitId: beiyuan, deadline, overdue: false });
    expect(matter.entries.map((e) => e.kind)).toEqual(['assign']);
    const stored = await rowOf(matter.id);
    expect(stored).toMatchObject({ status: 'assigned', regionCode: testConfig().regionCode, escalationLevel: 'none' });
    const event = await lastAuditEvent(t().database, 'matters.create', matter.id);
    expect(event?.after).toMatchObject({ leadUnitId: beiyuan, coUnitIds: [coUnitId], deadline });

    expect((await unit.get(url(matter.id))).json().abilities).toMatchObject({ accept: true, close: false });
    expect((await co.get(url(matter.id))).json().abilities).toMatchObject({ accept: false, contribute: false });
    expect((await stranger.get(url(matter.id))).statusCode).toBe(404);
    const listed = (client: Client) =>
      client.get(`/api/v1/matters?pageSize=200&unitId=${beiyuan}`).then((r) => r.json().items.map((m: { id: string }) => m.id));
    expect(await listed(unit)).toContain(matter.id);
    expect(await listed(stranger)).not.toContain(matter.id);
    const otherDistrict = await signInAs(t().app, OTHER_REGION.adminUsername);
    expect((await otherDistrict.get(url(matter.id))).statusCode).toBe(404);
  });

  it('refuses bad input naming each field, in both languages, and writes nothing', async () => {
    const before = (await t().database.db.select().from(matters)).length;
    const bad = await office.post('/api/v1/matters', body({ source: 'project_problem', coUnitIds: [beiyuan] }));
    expect(bad.statusCode).toBe(400);
    const paths = errorOf(bad).details?.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['projectId', 'coUnitIds']));
    expect(errorOf(bad).details?.find((d) => d.path === 'projectId')?.message).toBe('项目问题须选择所属项目');

    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code });
    const rules = await office.post(
      '/api/v1/matters',
      body({ category: 'nonsense', leadUnitId: foreignUnit.id, deadline: addDays(todayInChina(), -1) }),
    );
    expect(rules.statusCode).toBe(400);
    expect(Object.fromEntries((errorOf(rules).details ?? []).map((d) => [d.path, d.message]))).toEqual({
      leadUnitId: '单位不存在或不属于本区县',
      category: '问题类别不在字典中或已停用',
      deadline: '办理期限不能早于今天',
    });
    const english = await inEnglish(office, () => office.post('/api/v1/matters', body({ category: 'nonsense' })));
    expect(errorOf(english).details?.[0]).toEqual({ path: 'category', message: 'The category is not in the dictionary or is disabled' });
    const hidden = await insertProject(t().database, { regionCode: OTHER_REGION.code, leadUnitId: foreignUnit.id });
    const outOfScope = await office.post('/api/v1/matters', body({ source: 'project_problem', projectId: hidden.id }));
    expect(errorOf(outOfScope).details?.[0]).toEqual({ path: 'projectId', message: '项目不存在或不在您的数据范围内' });
    expect((await t().database.db.select().from(matters)).length).toBe(before);
  });

  it('lets only those with matter.create raise one: a unit clerk is refused 403', async () => {
    const response = await unit.post('/api/v1/matters', body());
    expect(response.statusCode).toBe(403);
  });

  it('goes round the loop with a send-back, each step by its own person, refusing every other with nothing changed', async () => {
    let matter = await raise();
    const refuse = async (client: Client, path: string, status: number, code: string, text?: string) => {
      const before = await rowOf(matter.id);
      const entries = await entryCount(matter.id);
      const response = await step(client, matter, path, text);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(status);
      expect(errorOf(response).code).toBe(code);
      expect(await rowOf(matter.id)).toEqual(before);
      expect(await entryCount(matter.id)).toBe(entries);
      return errorOf(response);
    };
    const take = async (client: Client, path: string, status: string, text?: string) => {
      const response = await step(client, matter, path, text);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
      matter = response.json();
      expect(matter.status).toBe(status);
      expect((await rowOf(matter.id))?.status).toBe(status);
    };

    // Out of order, whoever asks: named by the state it is in.
    const early = await refuse(unit, 'start', 409, 'matter_wrong_state');
    expect(early.message).toBe('事项当前为“已交办”，不能“开始办理”（只能在“已签收”时进行）');
    // Not his step: a co-unit cannot accept, the stranger does not even see it.
    expect((await refuse(co, 'accept', 403, 'matter_not_your_step')).message).toBe('“签收”须由牵头单位办理');
    await refuse(stranger, 'accept', 404, 'not_found');
    // A leader and the inspector read but do not handle (no matter.handle): 403 by permission.
    await refuse(leader, 'accept', 403, 'forbidden');
    const assigned = matter;
    await take(unit, 'accept', 'accepted');
    // A second click of the same button: the version it read is gone.
    const second = await step(unit, assigned, 'accept');
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('version_conflict');
    expect((await rowOf(matter.id))?.version).toBe(2);
    await take(unit, 'start', 'in_progress');
    await refuse(co, 'contribute', 400, 'validation_failed');
    await take(co, 'contribute', 'in_progress', '区城管局已安排排水车辆');
    await refuse(co, 'feedback', 403, 'matter_not_your_step', '已处理');
    await refuse(unit, 'submit-review', 409, 'matter_wrong_state');
    await take(unit, 'feedback', 'answered', '已疏通雨水井，积水消除');
    await refuse(unit, 'close', 403, 'forbidden');
    await take(unit, 'submit-review', 'under_review');
    expect(matter.abilities).toMatchObject({ close: false, sendBack: false });
    expect((await office.get(url(matter.id))).json().abilities).toMatchObject({ close: true, sendBack: true, accept: false });
    await refuse(office, 'send-back', 400, 'validation_failed');
    await take(office, 'send-back', 'in_progress', '现场复查仍有积水，请彻底整改');
    expect((await lastAuditEvent(t().database, 'matters.send_back', matter.id))?.after).toMatchObject({
      status: 'in_progress',
      text: '现场复查仍有积水，请彻底整改',
    });
    await take(unit, 'feedback', 'answered', '已更换排水管道');
    await take(unit, 'submit-review', 'under_review');
    await take(office, 'close', 'closed');
    await refuse(office, 'close', 409, 'matter_wrong_state');

    const detail = (await unit.get(url(matter.id))).json() as MatterJson & { closedAt: string | null };
    expect(detail.closedAt).not.toBeNull();
    expect(detail.entries.map((e) => e.kind)).toEqual([
      'assign',
      'accept',
      'start',
      'contribute',
      'feedback',
      'submit_review',
      'send_back',
      'feedback',
      'submit_review',
      'close',
    ]);
    expect(detail.entries[3]).toMatchObject({ text: '区城管局已安排排水车辆', authorName: expect.any(String) });
    expect(Object.values(detail.abilities).some(Boolean)).toBe(false);
  });

  it('words a refusal in English for an English reader', async () => {
    const matter = await raise();
    const notHis = await inEnglish(co, () => co.post(url(matter.id, '/accept'), { version: 1 }));
    expect(errorOf(notHis).message).toBe('The matter can be accepted only by the lead unit');
    const wrongState = await inEnglish(co, () => co.post(url(matter.id, '/start'), { version: 1 }));
    expect(errorOf(wrongState).message).toBe('The matter is "Assigned": it cannot be started (only when "Accepted")');
  });

  it('lets a leader raise an instruction (批示) and the inspector a finding (督查), each seeing his own; the office reviews them', async () => {
    const instruction = await raise(leader, { source: 'leader_instruction', coUnitIds: [] });
    const finding = await raise(viewer, { source: 'inspection', coUnitIds: [] });
    expect((await leader.get(url(instruction.id))).statusCode).toBe(200);
    expect((await viewer.get(url(finding.id))).statusCode).toBe(200);
    // The leader (own scope) does not see the inspector's finding.
    expect((await leader.get(url(finding.id))).statusCode).toBe(404);
    expect((await office.get(url(instruction.id))).statusCode).toBe(200);
  });

  it('shows a project problem to whoever sees its project (its leader in charge) and lists it on the project', async () => {
    const leaderId = await userIdOf(t().database, 'leader');
    const project = await insertProject(t().database, { leadUnitId: strangerUnitId, leaderIds: [leaderId] });
    const problem = await raise(office, { source: 'project_problem', projectId: project.id, leadUnitId: strangerUnitId, coUnitIds: [] });
    expect(problem).toMatchObject({ projectId: project.id, projectName: project.name });
    expect((await leader.get(url(problem.id))).statusCode).toBe(200);
    const listed = await leader.get(`/api/v1/matters?projectId=${project.id}`);
    expect(listed.json().items.map((m: { id: string }) => m.id)).toEqual([problem.id]);
    expect((await unit.get(url(problem.id))).statusCode).toBe(404);
  });

  it('lists, counts and tallies exactly the matters each reader may open, whichever reason lets him see them', async () => {
    const database = t().database;
    const leaderId = await userIdOf(database, 'leader');
    const officeId = await userIdOf(database, 'office');
    const clerkId = await userIdOf(database, 'unit');
    const lixiaUnit = await database.db.transaction((tx) => ensureRootUnit(tx, OTHER_REGION.code, '历下区大数据局'));
    const cityUnit = await database.db.transaction((tx) => ensureRootUnit(tx, '370100', '济南市发展和改革委员会'));
    const cityName = `matter_city_${uniqueSuffix()}`;
    await createAccount(
      database.db,
      { ip: null, requestId: null },
      { username: cityName, displayName: cityName, unitId: cityUnit, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, cityName));
    const readers = {
      leader,
      clerk: unit,
      office,
      lixia: await signInAs(t().app, OTHER_REGION.adminUsername),
      city: await signInAs(t().app, cityName),
    };
    // One matter for each reason a leader (own scope, in charge of projects) or a unit clerk sees one, and some for none.
    const led = await insertProject(database, { leadUnitId: strangerUnitId, leaderIds: [leaderId] });
    const created = await insertProject(database, { leadUnitId: strangerUnitId, createdBy: leaderId });
    const ofBeiyuan = await insertProject(database, { leadUnitId: beiyuan });
    const ledElsewhere = await insertProject(database, { regionCode: OTHER_REGION.code, leadUnitId: lixiaUnit, leaderIds: [leaderId] });
    const byOffice = { leadUnitId: strangerUnitId, raisedBy: officeId };
    const lixiaMatter = { regionCode: OTHER_REGION.code, raisingUnitId: lixiaUnit };
    const made = {
      instruction: await insertMatter(database, { leadUnitId: strangerUnitId, raisedBy: leaderId, source: 'leader_instruction' }),
      ofLed: await insertMatter(database, { ...byOffice, projectId: led.id, source: 'project_problem', status: 'accepted' }),
      ofCreated: await insertMatter(database, { ...byOffice, projectId: created.id, status: 'closed', closedAt: new Date() }),
      ofBeiyuanProject: await insertMatter(database, { ...byOffice, projectId: ofBeiyuan.id, deadline: addDays(todayInChina(), -2) }),
      led: await insertMatter(database, { leadUnitId: beiyuan, raisedBy: officeId, status: 'in_progress' }),
      raisedByClerk: await insertMatter(database, { leadUnitId: strangerUnitId, raisedBy: clerkId }),
      coUnit: await insertMatter(database, { ...byOffice, coUnitIds: [beiyuan], status: 'under_review' }),
      none: await insertMatter(database, byOffice),
      ofLedElsewhereHere: await insertMatter(database, { ...byOffice, projectId: ledElsewhere.id }),
      ofLedElsewhere: await insertMatter(database, {
        ...lixiaMatter,
        leadUnitId: lixiaUnit,
        raisedBy: officeId,
        projectId: ledElsewhere.id,
      }),
      raisedElsewhere: await insertMatter(database, { ...lixiaMatter, leadUnitId: lixiaUnit, raisedBy: leaderId }),
      beiyuanElsewhere: await insertMatter(database, { ...lixiaMatter, leadUnitId: beiyuan, raisedBy: officeId, coUnitIds: [beiyuan] }),
    };
    const all = await database.db.select({ id: matters.id, status: matters.status }).from(matters);
    const listedBy = async (client: Client, query = '') => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const response = await client.get(`/api/v1/matters?pageSize=200&page=${page}${query}`);
        expect(response.statusCode, response.body).toBe(200);
        const { items, total } = response.json() as { items: { id: string }[]; total: number };
        ids.push(...items.map((m) => m.id));
        if (items.length < 200) return { ids: ids.sort(), total };
      }
    };
    const seen: Record<string, string[]> = {};
    for (const [who, client] of Object.entries(readers)) {
      // The rule, one matter at a time (GET /matters/:id), against the board, its counts by state and the statistics.
      const openable: typeof all = [];
      for (const row of all) if ((await client.get(url(row.id))).statusCode === 200) openable.push(row);
      const ids = openable.map((m) => m.id).sort();
      seen[who] = ids;
      const listed = await listedBy(client);
      expect(listed.ids, who).toEqual(ids);
      expect(listed.total, who).toBe(ids.length);
      for (const status of MATTER_STATUSES) {
        const byState = await listedBy(client, `&status=${status}`);
        expect(byState.ids, `${who} ${status}`).toEqual(
          openable
            .filter((m) => m.status === status)
            .map((m) => m.id)
            .sort(),
        );
      }
      const stats = await client.get('/api/v1/matters/stats?by=source');
      if (stats.statusCode === 200) expect(stats.json().total.raised, who).toBe(ids.length);
    }
    const sees = (who: string, ...names: (keyof typeof made)[]) => names.map((name) => seen[who]?.includes(made[name].id));
    expect(sees('leader', 'instruction', 'ofLed', 'ofCreated')).toEqual([true, true, true]);
    expect(sees('leader', 'led', 'coUnit', 'none', 'ofLedElsewhereHere', 'ofLedElsewhere', 'raisedElsewhere')).toEqual(
      Array(6).fill(false),
    );
    expect(sees('clerk', 'led', 'raisedByClerk', 'coUnit', 'ofBeiyuanProject')).toEqual([true, true, true, true]);
    expect(sees('clerk', 'instruction', 'ofLed', 'none', 'beiyuanElsewhere')).toEqual([false, false, false, false]);
    expect(sees('lixia', 'ofLedElsewhere', 'raisedElsewhere', 'beiyuanElsewhere', 'none')).toEqual([true, true, true, false]);
    expect(seen.city?.length).toBe(all.length);
    // Every matter of the database opened by each of five readers: a few hundred requests.
  }, 120_000);

  describe('overdue matters', () => {
    it('are marked overdue, filtered, and counted per project for the warnings', async () => {
      const project = await insertProject(t().database, { leadUnitId: beiyuan });
      const officeId = await userIdOf(t().database, 'office');
      const officeUnit = (await rowOf((await raise()).id))?.raisingUnitId ?? '';
      const [late] = await t()
        .database.db.insert(matters)
        .values({
          regionCode: testConfig().regionCode,
          source: 'project_problem',
          projectId: project.id,
          title: '征地补偿未到位',
          description: '项目用地征收补偿款尚未拨付',
          category: 'land',
          leadUnitId: beiyuan,
          raisingUnitId: officeUnit,
          raisedBy: officeId,
          deadline: addDays(todayInChina(), -5),
          status: 'in_progress',
        })
        .returning();
      if (!late) throw new Error('not inserted');
      const shown = (await unit.get(url(late.id))).json();
      expect(shown).toMatchObject({ overdue: true, daysOverdue: 5 });
      const overdue = (await unit.get('/api/v1/matters?overdue=true&pageSize=200')).json().items.map((m: { id: string }) => m.id);
      expect(overdue).toContain(late.id);
      const notOverdue = (await unit.get('/api/v1/matters?overdue=false&pageSize=200')).json().items.map((m: { id: string }) => m.id);
      expect(notOverdue).not.toContain(late.id);
      const counted = await overdueMattersByProject(t().database.db, [project.id], todayInChina());
      expect(counted.get(project.id)).toEqual({ projectId: project.id, count: 1, maxDaysOverdue: 5 });
      // The warnings' input: the overdue problem with its deadline, open; once closed today, still counted for yesterday only.
      expect((await projectProblemsOverdueOn(t().database.db, [project.id], todayInChina())).get(project.id)).toEqual([
        { deadline: late.deadline, closedOn: null },
      ]);
      await t().database.db.update(matters).set({ status: 'closed', closedAt: new Date() }).where(eq(matters.id, late.id));
      expect((await projectProblemsOverdueOn(t().database.db, [project.id], todayInChina())).get(project.id)).toBeUndefined();
      const yesterday = addDays(todayInChina(), -1);
      expect((await projectProblemsOverdueOn(t().database.db, [project.id], yesterday)).get(project.id)).toEqual([
        { deadline: late.deadline, closedOn: todayInChina() },
      ]);
    });
  });

  it('recolours the project in the same step when an overdue project problem is closed (销号)', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan });
    const late = await insertMatter(t().database, {
      source: 'project_problem',
      projectId: project.id,
      leadUnitId: beiyuan,
      raisedBy: await userIdOf(t().database, 'office'),
      deadline: addDays(todayInChina(), -3),
      status: 'under_review',
    });
    await recomputeWarnings(t().database.db, [project.id], todayInChina());
    const reasonsOf = async () =>
      ((await office.get(`/api/v1/projects/${project.id}/warning`)).json() as { reasons: { code: string }[] }).reasons.map((r) => r.code);
    expect(await reasonsOf()).toContain('matter_overdue');
    const closed = await step(office, late, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await reasonsOf()).not.toContain('matter_overdue');
  });

  it('computes the statistics from the timelines: raised, resolved, rates and average days, by unit, category and source', async () => {
    const { unitId: leadId, client: lead } = await personOfNewUnit();
    const first = await raise(office, { leadUnitId: leadId, coUnitIds: [], category: 'land' });
    await raise(office, { leadUnitId: leadId, coUnitIds: [], category: 'funding', source: 'inspection' });
    let m = first;
    for (const [client, path, text] of [
      [lead, 'accept'],
      [lead, 'start'],
      [lead, 'feedback', '已协调解决'],
      [lead, 'submit-review'],
      [office, 'close'],
    ] as [Client, string, string?][]) {
      const response = await step(client, m, path, text);
      expect(response.statusCode, response.body).toBe(200);
      m = response.json();
    }
    const byUnit = (await office.get('/api/v1/matters/stats?by=unit')).json();
    expect(byUnit.lines.find((l: { key: string }) => l.key === leadId)).toMatchObject({
      raised: 2,
      resolved: 1,
      resolvedOnTime: 1,
      overdue: 0,
      resolutionRate: 0.5,
      onTimeRate: 1,
      averageDays: 0,
    });
    const bySource = (await office.get('/api/v1/matters/stats?by=source')).json();
    expect(bySource.lines.find((l: { key: string }) => l.key === 'inspection')?.name).toBe('督查反馈');
    const byCategory = (await inEnglish(office, () => office.get('/api/v1/matters/stats?by=category'))).json();
    expect(byCategory.lines.find((l: { key: string }) => l.key === 'land')?.name).toBe('Land');
    expect(byCategory.total.raised).toBe(byCategory.lines.reduce((n: number, l: { raised: number }) => n + l.raised, 0));
    // The new unit's clerk sees only his unit's two.
    const own = (await lead.get('/api/v1/matters/stats?by=unit')).json();
    expect(own.total).toMatchObject({ raised: 2, resolved: 1 });
    expect((await office.get('/api/v1/matters/stats?by=nonsense')).statusCode).toBe(400);
  });
});
