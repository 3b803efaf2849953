import type { ScheduledJob } from '../lib/scheduler';
import { escalateOverdueMatters } from '../modules/matters';

/** Daily: every open matter past its deadline escalates one level (server/modules/matters/escalation.ts). */
export const escalateOverdueMattersJob: ScheduledJob = {
  name: 'escalate-overdue-matters',
  period: 'daily',
  run: ({ db, now }) => escalateOverdueMatters(db, now),
};
