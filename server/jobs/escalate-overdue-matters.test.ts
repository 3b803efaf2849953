import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, todayInChina } from '../../common/domain/dates';
import type { MatterStatus } from '../../common/enums';
import { matterEntries, matters, regions, units } from '../db/schema';
import { insertProject, insertUnit, notificationsAbout, unitIdByName, unitOfUser, userIdOf } from '../test/factories';
import { describeEachDatabase, lastAuditEvent, testConfig } from '../test/harness';
import { escalateOverdueMattersJob } from './escalate-overdue-matters';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDatabase('scheduled job: escalate overdue matters', (t) => {
  /** A matter straight in the table, due on `deadline` (China Standard Time days relative to `now`). */
  async function insertMatter(now: Date, deadlineInDays: number, status: MatterStatus = 'in_progress', projectId?: string) {
    const { db } = t().database;
    const officeId = await userIdOf(t().database, 'office');
    const raisingUnitId = (await unitOfUser(t().database, officeId)).id;
    const [row] = await db
      .insert(matters)
      .values({
        regionCode: testConfig().regionCode,
        source: projectId ? 'project_problem' : 'hotline_12345',
        projectId: projectId ?? null,
        title: '施工噪音扰民',
        description: '夜间施工噪音',
        category: 'environment',
        leadUnitId: await unitIdByName(t().database, '北园街道办事处'),
        raisingUnitId,
        raisedBy: officeId,
        deadline: addDays(todayInChina(now), deadlineInDays),
        status,
      })
      .returning();
    if (!row) throw new Error('not inserted');
    return row;
  }
  const matterOf = async (id: string) => (await t().database.db.select().from(matters).where(eq(matters.id, id)))[0];
  const escalations = async (id: string) =>
    t()
      .database.db.select()
      .from(matterEntries)
      .where(and(eq(matterEntries.matterId, id), eq(matterEntries.kind, 'escalate')));
  /** The notifications about a matter: who was told, with which message. */
  const told = async (id: string) =>
    (await notificationsAbout(t().database, `/matters/${id}`)).map(({ to, key, kind }) => ({ to, key, kind }));
  const run = (now: Date) => escalateOverdueMattersJob.run({ db: t().database.db, now, log: silent });

  it('escalates an overdue matter one level at a time, at most once per interval, idempotently, to the right people', async () => {
    const { db } = t().database;
    const start = new Date('2031-03-10T02:00:00Z');
    const leaderId = await userIdOf(t().database, 'leader');
    const project = await insertProject(t().database, { leaderIds: [leaderId] });
    const overdue = await insertMatter(start, -1, 'in_progress', project.id);
    const dueToday = await insertMatter(start, 0);
    const closedLate = await insertMatter(start, -5, 'closed');

    expect((await run(start)).escalated).toBeGreaterThanOrEqual(1);
    let row = await matterOf(overdue.id);
    expect(row).toMatchObject({ escalationLevel: 'unit_head', escalatedAt: start, version: 2 });
    expect(row?.escalationTarget?.unitId).toBe(overdue.leadUnitId);
    expect(row?.escalationTarget?.userIds).toContain(await userIdOf(t().database, 'unit'));
    expect(await escalations(overdue.id)).toHaveLength(1);
    expect((await lastAuditEvent(t().database, 'matters.escalate', overdue.id))?.after).toMatchObject({ escalationLevel: 'unit_head' });
    // The lead unit's people are told, in the inbox, in the same transaction.
    const clerk = await userIdOf(t().database, 'unit');
    expect(await told(overdue.id)).toContainEqual({ to: clerk, key: 'matter.escalated.unit_head', kind: 'matter_escalated' });
    // Not past its deadline, or closed: left alone.
    expect((await matterOf(dueToday.id))?.escalationLevel).toBe('none');
    expect((await matterOf(closedLate.id))?.escalationLevel).toBe('none');

    // The same moment again (a second instance, a retry), and a day later: nothing more.
    await run(start);
    await run(new Date(start.getTime() + DAY_MS));
    expect((await matterOf(overdue.id))?.escalationLevel).toBe('unit_head');
    expect(await escalations(overdue.id)).toHaveLength(1);
    expect((await told(overdue.id)).filter((n) => n.to === clerk)).toHaveLength(1);

    // Three days later: the leader in charge of its project.
    const second = new Date(start.getTime() + 3 * DAY_MS);
    await run(second);
    row = await matterOf(overdue.id);
    expect(row).toMatchObject({ escalationLevel: 'leader_in_charge', escalatedAt: second });
    expect(row?.escalationTarget?.userIds).toEqual([leaderId]);
    expect((await told(overdue.id)).filter((n) => n.key === 'matter.escalated.leader_in_charge')).toEqual([
      { to: leaderId, key: 'matter.escalated.leader_in_charge', kind: 'matter_escalated' },
    ]);
    expect((await matterOf(dueToday.id))?.escalationLevel).toBe('unit_head');

    // Then the district's principal leader; with no unit in the region above, that is as far as it goes.
    const third = new Date(second.getTime() + 3 * DAY_MS);
    await run(third);
    expect((await matterOf(overdue.id))?.escalationLevel).toBe('principal_leader');
    const [district] = await db.select().from(regions).where(eq(regions.code, testConfig().regionCode));
    const parentCode = district?.parentCode;
    if (!parentCode) throw new Error('the test district has no parent region');
    // The demo's city units (济南市发改委, server/db/seed-data/demo-districts.ts) are set aside for this step.
    const ELSEWHERE = '370200';
    await db.update(units).set({ regionCode: ELSEWHERE }).where(eq(units.regionCode, parentCode));
    expect(await db.select().from(units).where(eq(units.regionCode, parentCode))).toEqual([]);
    await run(new Date(third.getTime() + 3 * DAY_MS));
    expect((await matterOf(overdue.id))?.escalationLevel).toBe('principal_leader');
    await db.update(units).set({ regionCode: parentCode }).where(eq(units.regionCode, ELSEWHERE));

    // On a platform that holds the city above (a unit there), the city is next.
    await insertUnit(t().database, { regionCode: parentCode, name: '市重点项目办' });
    const fifth = new Date(third.getTime() + 6 * DAY_MS);
    await run(fifth);
    row = await matterOf(overdue.id);
    expect(row).toMatchObject({ escalationLevel: 'region_above', escalatedAt: fifth });
    expect(row?.escalationTarget?.regionCode).toBe(parentCode);
    await run(new Date(fifth.getTime() + 9 * DAY_MS));
    const levels = (await escalations(overdue.id)).map((e) => e.escalationLevel);
    expect(levels).toEqual(['unit_head', 'leader_in_charge', 'principal_leader', 'region_above']);
    // The timeline's entries keep the matter's state and carry no author (the job).
    expect((await escalations(overdue.id)).every((e) => e.status === 'in_progress' && e.authorId === null)).toBe(true);
  });
});
