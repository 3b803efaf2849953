import { sql } from 'drizzle-orm';
import { sessions, settings } from '../db/schema';
import { recordAudit } from '../lib/audit';
import type { ScheduledJob } from '../lib/scheduler';
import { sessionExpired } from '../modules/auth/session-expiry';

/**
 * Deletes sessions past their idle or absolute timeout (the settings row): they can no longer sign anyone in, and
 * they would otherwise pile up. A run that deleted any records one audit event with the count.
 */
export const purgeExpiredSessions: ScheduledJob = {
  name: 'purge-expired-sessions',
  period: 'hourly',
  run: ({ db }) =>
    db.transaction(async (tx) => {
      const purged = await tx
        .delete(sessions)
        .where(sql`exists (select 1 from ${settings} where ${settings.id} = 1 and ${sessionExpired})`)
        .returning({ userId: sessions.userId });
      if (purged.length > 0) {
        const system = { ip: null, requestId: null, actorName: 'lantu scheduler' };
        await recordAudit(tx, system, { action: 'sessions.purge_expired', recordType: 'session', after: { purged: purged.length } });
      }
      return { purged: purged.length };
    }),
};
