import type { ScheduledJob } from '../lib/scheduler';
import { remindOverdueLeads } from '../modules/leads';

/** Daily: each lead's owner is told once of every service clock that has run out (server/modules/leads/reminders.ts). */
export const remindOverdueLeadsJob: ScheduledJob = {
  name: 'remind-overdue-leads',
  period: 'daily',
  run: ({ db, now }) => remindOverdueLeads(db, now),
};
