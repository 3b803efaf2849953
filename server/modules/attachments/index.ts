// The attachments module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { attachmentRoutes } from './routes';
export { ORPHAN_GRACE_DAYS, purgeOrphanedAttachments } from './purge';
