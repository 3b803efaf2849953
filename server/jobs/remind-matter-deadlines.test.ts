import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, todayInChina } from '../../common/domain/dates';
import { matters } from '../db/schema';
import { insertMatter, notificationsAbout, unitIdByName, userIdOf } from '../test/factories';
import { describeEachDatabase } from '../test/harness';
import { remindMatterDeadlinesJob } from './remind-matter-deadlines';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describeEachDatabase('scheduled job: remind lead units of matters coming due', (t) => {
  // Far from the demo's matters, whose deadlines are around today.
  const now = new Date('2032-05-10T01:00:00Z');
  const today = todayInChina(now);
  const run = (at: Date = now) => remindMatterDeadlinesJob.run({ db: t().database.db, now: at, log: silent });
  /** What the members of the matter's lead unit were told about it. */
  const told = (id: string) => notificationsAbout(t().database, `/matters/${id}`);
  const matterDue = async (inDays: number, status: 'assigned' | 'in_progress' | 'closed' = 'in_progress') =>
    insertMatter(t().database, {
      leadUnitId: await unitIdByName(t().database, '北园街道办事处'),
      raisedBy: await userIdOf(t().database, 'office'),
      deadline: addDays(today, inDays),
      status,
    });

  it('tells the lead unit once per deadline, three days ahead and on the day, never a closed or overdue matter', async () => {
    const clerk = await userIdOf(t().database, 'unit');
    const soon = await matterDue(3);
    const dueToday = await matterDue(0, 'assigned');
    const later = await matterDue(4);
    const overdue = await matterDue(-1);
    const closed = await matterDue(1, 'closed');

    expect((await run()).reminded).toBe(2);
    expect(await told(soon.id)).toContainEqual({
      to: clerk,
      key: 'matter.deadline_soon',
      kind: 'matter_deadline',
      params: { title: soon.title, deadline: soon.deadline, days: 3 },
    });
    expect((await told(dueToday.id)).map((n) => n.key)).toContain('matter.deadline_today');
    for (const left of [later, overdue, closed]) expect(await told(left.id)).toEqual([]);

    // A second run (another instance, a retry) sends nothing again.
    const before = (await told(soon.id)).length;
    expect((await run()).reminded).toBe(0);
    expect(await told(soon.id)).toHaveLength(before);

    // The deadline moved (reassigned): the new one is reminded of when it comes near.
    const moved = addDays(today, 9);
    await t().database.db.update(matters).set({ deadline: moved }).where(eq(matters.id, soon.id));
    expect((await run()).reminded).toBe(0);
    expect((await run(new Date(now.getTime() + 7 * 24 * 3600 * 1000))).reminded).toBeGreaterThanOrEqual(1);
    expect((await told(soon.id)).filter((n) => n.params && (n.params as { deadline: string }).deadline === moved)).not.toEqual([]);
  });
});
