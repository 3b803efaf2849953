import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { addDays, daysBetween, todayInChina } from '../../../common/domain/dates';
import type { Db } from '../../db/client';
import { matters } from '../../db/schema';
import { notify } from '../notifications';

/** How many days before its deadline an open matter's lead unit is reminded (DOMAIN.md: 到期前提醒). */
export const DEADLINE_REMINDER_DAYS = 3;

/**
 * Reminds the lead unit of every open matter due within DEADLINE_REMINDER_DAYS (as of `now`, China Standard Time),
 * once per deadline: a deadline moved by reassigning is reminded of again. The reminder is recorded on the matter
 * with its notification in one transaction, so a second run (another instance, a retry) sends nothing twice.
 * Matters already overdue are the escalation job's. Answers how many lead units were reminded.
 */
export async function remindMatterDeadlines(db: Db, now: Date): Promise<{ reminded: number }> {
  const today = todayInChina(now);
  const due = and(
    ne(matters.status, 'closed'),
    sql`${matters.deadline} between ${today}::date and ${addDays(today, DEADLINE_REMINDER_DAYS)}::date`,
    or(isNull(matters.deadlineRemindedFor), ne(matters.deadlineRemindedFor, matters.deadline)),
  );
  const candidates = await db.select({ id: matters.id }).from(matters).where(due).orderBy(matters.deadline, matters.id);
  let reminded = 0;
  for (const { id } of candidates) {
    const sent = await db.transaction(async (tx) => {
      const [matter] = await tx
        .update(matters)
        .set({ deadlineRemindedFor: sql`${matters.deadline}` })
        .where(and(eq(matters.id, id), due))
        .returning({ title: matters.title, deadline: matters.deadline, leadUnitId: matters.leadUnitId });
      if (!matter) return false;
      const days = daysBetween(today, matter.deadline);
      await notify(tx, {
        recipients: { unitIds: [matter.leadUnitId] },
        kind: 'matter_deadline',
        messageKey: days === 0 ? 'matter.deadline_today' : 'matter.deadline_soon',
        params: { title: matter.title, deadline: matter.deadline, days },
        link: `/matters/${id}`,
      });
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded };
}
