import type { ScheduledJob } from '../lib/scheduler';
import { sendReportReminders } from '../modules/notifications';

/**
 * Reminds the units that still owe reports of an open period: 3 days before its deadline, on the day and after it,
 * each once per period and unit (server/modules/notifications/reminders.ts). Runs every hour so that a period opened
 * or a deadline moved during the day is caught the same day; what was already sent is never sent again.
 */
export const reportReminders: ScheduledJob = {
  name: 'report-reminders',
  period: 'hourly',
  run: ({ db, now }) => sendReportReminders(db, now),
};
