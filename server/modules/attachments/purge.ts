import type { Db } from '../../db/client';
import { type SystemContext, recordAudit } from '../../lib/audit';
import type { ObjectStore } from '../../lib/object-store';
import { deleteAttachment, findOrphanedAttachments, referencedObjectNames } from './repository';
import { removeObjects } from './service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the files of a deleted report, matter or project are kept (a mistaken deletion can still be restored). */
export const ORPHAN_GRACE_DAYS = 30;
/** An object no row names (an upload or a deletion the store failed half-way) is removed once this old. */
const ROW_LESS_AFTER_MS = DAY_MS;
const BATCH = 500;

type Log = { info: (details: object, message: string) => void; warn: (details: object, message: string) => void };

/** What one purge did: rows removed, objects removed, objects the store would not delete now (tried again next time). */
export type PurgeOutcome = { rows: number; objects: number; left: number };

/**
 * Removes the files of records that no longer exist — a report taken off its period, a project (and with it its
 * matters and reports) deleted — once the record has been quiet for the grace period: each row deleted and audited
 * (`attachments.delete` by the system, with the reason), then its objects. Then removes objects no row names, older
 * than a day (left by a crash or a store failure between an object and its row). Idempotent: a second run finds nothing.
 */
export async function purgeOrphanedAttachments({
  db,
  store,
  now,
  log,
  context,
}: {
  db: Db;
  store: ObjectStore;
  now: Date;
  log: Log;
  context: SystemContext;
}): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { rows: 0, objects: 0, left: 0 };
  const quietSince = new Date(now.getTime() - ORPHAN_GRACE_DAYS * DAY_MS);
  for (;;) {
    const orphans = await findOrphanedAttachments(db, quietSince, BATCH);
    for (const orphan of orphans) {
      const removed = await db.transaction(async (tx) => {
        const row = await deleteAttachment(tx, orphan.id);
        if (!row) return null;
        await recordAudit(tx, context, {
          action: 'attachments.delete',
          recordType: 'attachment',
          recordId: row.id,
          regionCode: row.regionCode,
          before: {
            recordType: row.recordType,
            recordId: row.recordId,
            fileName: row.fileName,
            contentType: row.contentType,
            sizeBytes: row.sizeBytes,
            reason: 'record_deleted',
          },
        });
        return row;
      });
      if (!removed) continue;
      outcome.rows += 1;
      const names = [removed.storedName, removed.thumbnailName];
      const left = await removeObjects(store, names, log);
      outcome.left += left;
      outcome.objects += names.filter(Boolean).length - left;
    }
    if (orphans.length < BATCH) break;
  }

  // Objects no row names: collected first, then checked against the rows a page at a time.
  const oldBefore = now.getTime() - ROW_LESS_AFTER_MS;
  const candidates: string[] = [];
  for await (const object of store.list()) if (object.modifiedAt.getTime() < oldBefore) candidates.push(object.name);
  for (let start = 0; start < candidates.length; start += BATCH) {
    const page = candidates.slice(start, start + BATCH);
    const referenced = await referencedObjectNames(db, page);
    const rowLess = page.filter((name) => !referenced.has(name));
    const left = await removeObjects(store, rowLess, log);
    outcome.left += left;
    outcome.objects += rowLess.length - left;
  }
  if (outcome.rows || outcome.objects || outcome.left) log.info({ ...outcome }, 'attachments of deleted records purged');
  return outcome;
}
