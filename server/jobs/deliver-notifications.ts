import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../config';
import { jobRuns } from '../db/schema';
import type { ScheduledJob } from '../lib/scheduler';
import { deliverDue } from '../modules/notifications';

/**
 * Sends what is due in the notification outbox every minute: first attempts and retries with back-off, each outcome in
 * the delivery log (server/modules/notifications/deliver.ts). Its own run records older than a day are dropped, as a
 * run a minute would otherwise pile up 1,440 a day.
 */
export const deliverNotifications = (config: Pick<Config, 'sessionSecret'>): ScheduledJob => ({
  name: 'deliver-notifications',
  period: 'minute',
  run: async ({ db, now }) => {
    const outcome = await deliverDue(db, { secret: config.sessionSecret, now });
    await db.delete(jobRuns).where(and(eq(jobRuns.job, 'deliver-notifications'), sql`${jobRuns.startedAt} < now() - interval '1 day'`));
    return outcome;
  },
});
