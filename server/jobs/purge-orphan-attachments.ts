import type { Config } from '../config';
import { type ObjectStore, objectStoreOf } from '../lib/object-store';
import type { ScheduledJob } from '../lib/scheduler';
import { purgeOrphanedAttachments } from '../modules/attachments';

/**
 * Daily, once across instances: removes the attachment rows and files of deleted reports, matters and projects after
 * their grace period, and objects no row names (server/modules/attachments/purge.ts). The outcome — rows, objects,
 * and objects the store would not delete now — is kept in `job_runs`.
 */
export function purgeOrphanAttachments(config: Pick<Config, 'dataDir' | 's3'>, store: ObjectStore = objectStoreOf(config)): ScheduledJob {
  return {
    name: 'purge-orphan-attachments',
    period: 'daily',
    run: async ({ db, now, log }) =>
      purgeOrphanedAttachments({
        db,
        store,
        now,
        log,
        context: { ip: null, requestId: null, actorName: 'lantu purge-orphan-attachments' },
      }),
  };
}
