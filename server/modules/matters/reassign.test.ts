import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { createAccount } from '../../db/accounts';
import { matterEntries, matters, notifications } from '../../db/schema';
import { insertMatter, insertUnit, unitIdByName, uniqueSuffix, userIdOf } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
  testConfig,
} from '../../test/harness';

describeEachDatabase('reassigning a matter (改派)', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;
  let newUnit: { id: string; memberId: string };
  const url = (id: string) => `/api/v1/matters/${id}/reassign`;
  const rowOf = async (id: string) => (await t().database.db.select().from(matters).where(eq(matters.id, id)))[0];
  const later = addDays(todayInChina(), 20);

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
    const row = await insertUnit(t().database, { regionCode: testConfig().regionCode, name: `改派单位${uniqueSuffix()}` });
    const username = `reassign_${uniqueSuffix()}`;
    const account = await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: row.id, roleCode: 'unit_staff', password: TEST_PASSWORD },
    );
    newUnit = { id: row.id, memberId: account.id };
  });

  /** A matter the project office raised for 北园, accepted by it, as the office reads it. */
  async function acceptedMatter() {
    const raised = await office.post('/api/v1/matters', {
      source: 'inspection',
      title: `督查发现：工地围挡破损${uniqueSuffix()}`,
      description: '北园大街工地围挡破损，影响通行',
      category: 'other',
      leadUnitId: beiyuan,
      deadline: addDays(todayInChina(), 5),
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const accepted = await unit.post(`/api/v1/matters/${raised.json().id}/accept`, { version: raised.json().version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return (await office.get(`/api/v1/matters/${raised.json().id}`)).json() as {
      id: string;
      version: number;
      abilities: Record<string, boolean>;
    };
  }

  it('gives the matter another lead unit and deadline: it starts again from 交办, the unit is told, the reason is on the timeline, audited', async () => {
    const matter = await acceptedMatter();
    expect(matter.abilities.reassign).toBe(true);
    expect((await unit.get(`/api/v1/matters/${matter.id}`)).json().abilities.reassign).toBe(false);

    const response = await office.post(url(matter.id), {
      version: matter.version,
      leadUnitId: newUnit.id,
      deadline: later,
      reason: '围挡属区住建局监管范围',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'assigned', leadUnitId: newUnit.id, deadline: later });
    const last = response.json().entries.at(-1);
    expect(last).toMatchObject({ kind: 'reassign', text: '围挡属区住建局监管范围' });
    expect((await lastAuditEvent(t().database, 'matters.reassign', matter.id))?.before).toMatchObject({
      leadUnitId: beiyuan,
      status: 'accepted',
    });
    const told = await t()
      .database.db.select()
      .from(notifications)
      .where(eq(notifications.link, `/matters/${matter.id}`));
    expect(told.map((n) => ({ to: n.recipientId, kind: n.kind }))).toContainEqual({ to: newUnit.memberId, kind: 'matter_assigned' });
    // The former lead unit no longer sees it (it was neither raiser nor co-unit).
    expect((await unit.get(`/api/v1/matters/${matter.id}`)).statusCode).toBe(404);
  });

  it('moves only the deadline of an overdue, escalated matter: no longer overdue, escalation cleared, state kept', async () => {
    const overdue = await insertMatter(t().database, {
      leadUnitId: beiyuan,
      raisedBy: await userIdOf(t().database, 'office'),
      deadline: addDays(todayInChina(), -4),
      status: 'in_progress',
      escalationLevel: 'unit_head',
      escalatedAt: new Date(),
    });
    const response = await office.post(url(overdue.id), { version: overdue.version, deadline: later, reason: '需等待管线迁改完成' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'in_progress', leadUnitId: beiyuan, deadline: later, overdue: false });
    expect(await rowOf(overdue.id)).toMatchObject({ escalationLevel: 'none', escalatedAt: null });
  });

  it('refuses what it cannot do, naming the field in the reader’s language, and writes nothing', async () => {
    const matter = await acceptedMatter();
    const entries = async () => (await t().database.db.select().from(matterEntries).where(eq(matterEntries.matterId, matter.id))).length;
    const before = { row: await rowOf(matter.id), entries: await entries() };
    const foreign = await insertUnit(t().database, { regionCode: OTHER_REGION.code });
    const cases: [Client, Record<string, unknown>, number, string | null, string][] = [
      [office, { reason: '调整' }, 400, 'leadUnitId', '请选择新的牵头单位或新的办理期限'],
      [office, { deadline: addDays(todayInChina(), -1), reason: '调整' }, 400, 'deadline', '办理期限不能早于今天'],
      [office, { leadUnitId: foreign.id, reason: '调整' }, 400, 'leadUnitId', '单位不存在或不属于本区县'],
      [office, { leadUnitId: beiyuan, reason: '调整' }, 400, 'leadUnitId', '牵头单位和办理期限都与现在相同'],
      [office, { deadline: later }, 400, 'reason', ''],
      [unit, { deadline: later, reason: '想晚点办' }, 403, null, '没有执行此操作的权限'],
    ];
    for (const [client, extra, status, field, message] of cases) {
      const response = await client.post(url(matter.id), { version: matter.version, ...extra });
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(errorOf(response).details?.map((d) => d.path)).toContain(field);
      if (message && field) expect(errorOf(response).details?.find((d) => d.path === field)?.message).toBe(message);
      if (message && !field) expect(errorOf(response).message).toBe(message);
    }
    const stale = await office.post(url(matter.id), { version: matter.version - 1, deadline: later, reason: '调整' });
    expect(stale.statusCode).toBe(409);
    expect(await rowOf(matter.id)).toEqual(before.row);
    expect(await entries()).toBe(before.entries);
  });
});
