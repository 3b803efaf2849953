import type { Config } from '../config';
import type { ScheduledJob } from '../lib/scheduler';
import { purgeExpiredSessions } from './purge-expired-sessions';
import { purgeImportUploads } from './purge-import-uploads';

/** Every job `lantu serve` runs on its schedule (see docs/operations.md). */
export const scheduledJobs = (config: Pick<Config, 'dataDir'>): ScheduledJob[] => [
  purgeExpiredSessions,
  purgeImportUploads(config.dataDir),
];
