import { addDays, compareDates, todayInChina } from '../../../common/domain/dates';
import type { Db } from '../../db/client';
import { reportReminders } from '../../db/schema/notifications';
import type { MessageKey } from '../../lib/messages';
import { openPeriods, unitsOwingReports } from '../reports';
import { notify } from './notify';

/** A deadline reminder is sent this many days before the deadline (or on the first day after, if the period opened later). */
export const REMIND_DAYS_BEFORE = 3;

type ReminderKind = 'before' | 'on' | 'after';

const MESSAGES: Record<ReminderKind, { key: MessageKey; kind: 'report_reminder' | 'report_overdue' }> = {
  before: { key: 'notification.report.due_soon', kind: 'report_reminder' },
  on: { key: 'notification.report.due_today', kind: 'report_reminder' },
  after: { key: 'notification.report.overdue', kind: 'report_overdue' },
};

/** Which reminder a day calls for, given the deadline: before (within 3 days), on the day, after it; else none. */
export function reminderDue(today: string, deadline: string): ReminderKind | null {
  const order = compareDates(today, deadline);
  if (order === 0) return 'on';
  if (order > 0) return 'after';
  return compareDates(today, addDays(deadline, -REMIND_DAYS_BEFORE)) >= 0 ? 'before' : null;
}

/**
 * The deadline reminders of the day (China Standard Time of `now`): for every open period whose deadline is near,
 * today or past, every unit that still owes reports of it is told (in the app and on its channels) — each kind once
 * per period and unit, whenever and however often this runs (the `report_reminders` row is claimed first, in the
 * same transaction as the notifications).
 */
export async function sendReportReminders(db: Db, now: Date): Promise<{ periods: number; units: number }> {
  const today = todayInChina(now);
  let periods = 0;
  let reminded = 0;
  for (const period of await openPeriods(db)) {
    const kind = reminderDue(today, period.deadline);
    if (!kind) continue;
    periods += 1;
    const message = MESSAGES[kind];
    reminded += await db.transaction(async (tx) => {
      let count = 0;
      for (const unit of await unitsOwingReports(tx, period.id)) {
        const claimed = await tx
          .insert(reportReminders)
          .values({ periodId: period.id, unitId: unit.unitId, kind, sentAt: now })
          .onConflictDoNothing()
          .returning();
        if (claimed.length === 0) continue;
        await notify(tx, {
          recipients: { unitIds: [unit.unitId] },
          kind: message.kind,
          messageKey: message.key,
          params: {
            period: `${period.year}-${String(period.month).padStart(2, '0')}`,
            deadline: period.deadline,
            unit: unit.unitName,
            count: unit.count,
          },
          link: '/my-reports',
        });
        count += 1;
      }
      return count;
    });
  }
  return { periods, units: reminded };
}
