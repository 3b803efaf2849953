import type { Config } from '../config';
import type { ScheduledJob } from '../lib/scheduler';
import { escalateOverdueMattersJob } from './escalate-overdue-matters';
import { purgeExpiredSessions } from './purge-expired-sessions';
import { purgeImportUploads } from './purge-import-uploads';
import { purgeOrphanAttachments } from './purge-orphan-attachments';
import { deliverNotifications } from './deliver-notifications';
import { reportReminders } from './report-reminders';
import { recomputeWarningsJob } from './recompute-warnings';
import { remindOverdueLeadsJob } from './remind-overdue-leads';
import { remindMatterDeadlinesJob } from './remind-matter-deadlines';
import { snapshotScoresJob } from './snapshot-scores';

/** Every job `lantu serve` runs on its schedule (see docs/operations.md). */
export const scheduledJobs = (config: Pick<Config, 'dataDir' | 'sessionSecret' | 's3'>): ScheduledJob[] => [
  purgeExpiredSessions,
  purgeImportUploads(config.dataDir),
  purgeOrphanAttachments(config),
  escalateOverdueMattersJob,
  remindMatterDeadlinesJob,
  deliverNotifications(config),
  reportReminders,
  recomputeWarningsJob,
  remindOverdueLeadsJob,
  snapshotScoresJob,
];
