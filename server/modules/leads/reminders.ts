import { eq } from 'drizzle-orm';
import { todayInChina } from '../../../common/domain/dates';
import { overdueClocks } from '../../../common/domain/leads';
import type { Db } from '../../db/client';
import { leadClockReminders, leads } from '../../db/schema';
import type { MessageKey } from '../../lib/messages';
import { notify } from '../notifications';
import { clockFacts } from './presenter';
import { overdueCondition } from './repository';

/**
 * Reminds each lead's owner of every service clock that has run out (as of `now`, China Standard Time), once per
 * clock and due day: a clock met and run out again (a new 14-day follow-up window) reminds again. Each reminder is
 * stored with the notification in one transaction, so a second run (another instance, a retry) sends nothing twice.
 * Answers how many reminders were sent.
 */
export async function remindOverdueLeads(db: Db, now: Date): Promise<{ reminded: number }> {
  const today = todayInChina(now);
  const candidates = await db.select().from(leads).where(overdueCondition(today)).orderBy(leads.receivedOn, leads.id);
  let reminded = 0;
  for (const lead of candidates) {
    for (const clock of overdueClocks(clockFacts(lead), today)) {
      const sent = await db.transaction(async (tx) => {
        const [stored] = await tx
          .insert(leadClockReminders)
          .values({ leadId: lead.id, clock: clock.clock, dueOn: clock.dueOn })
          .onConflictDoNothing()
          .returning({ leadId: leadClockReminders.leadId });
        if (!stored) return false;
        await notify(tx, {
          recipients: { userIds: [lead.ownerId] },
          kind: 'lead_clock',
          messageKey: `lead.clock_overdue.${clock.clock}` as MessageKey,
          params: { name: lead.name, dueOn: clock.dueOn, days: clock.daysOverdue },
          link: `/leads/${lead.id}`,
        });
        return true;
      });
      if (sent) reminded++;
    }
  }
  return { reminded };
}

/** The reminders already sent for a lead (tests, the lead page's history). */
export const remindersOf = (db: Db, leadId: string) => db.select().from(leadClockReminders).where(eq(leadClockReminders.leadId, leadId));
