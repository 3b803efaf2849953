import type { ScheduledJob } from '../lib/scheduler';
import { remindMatterDeadlines } from '../modules/matters';

/** Daily: the lead unit of every open matter due within three days is told, once per deadline (server/modules/matters/deadline-reminders.ts). */
export const remindMatterDeadlinesJob: ScheduledJob = {
  name: 'remind-matter-deadlines',
  period: 'daily',
  run: ({ db, now }) => remindMatterDeadlines(db, now),
};
