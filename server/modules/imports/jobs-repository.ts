import type { ImportReading } from '../../../common/schemas/imports';
import { type SQL, and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ImportKind, ImportStatus } from '../../../common/schemas/imports';
import type { Executor } from '../../db/client';
import { importJobs, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { visibleWhen } from '../../lib/scope';
import type { StoredProblem } from './problems';

export type ImportJobRow = typeof importJobs.$inferSelect & { createdByName: string | null };
/** What a validated file would do when committed, and the versions it was checked against (to spot a stale job). */
/**
 * What a commit does or did (`create`, `update`, and a digest of the records' versions checked), with how the file
 * was read; a job with problems keeps only the reading (zero counts, no digest).
 */
export type StoredSummary = { create: number; update: number; basis: string; reading?: ImportReading };

/** The unit of the person who uploaded the job: a job belongs to it. */
const uploaderUnit = sql`(select iu.unit_id from users iu where iu.id = ${importJobs.createdBy})`;

/**
 * The jobs the actor may see: of his district, and by the data scope over the uploader's unit (the project office
 * sees the district's jobs, a unit clerk his unit's, the `own` scope his own).
 */
const visible = (actor: Actor, districtCode: string): SQL =>
  and(
    eq(importJobs.regionCode, districtCode),
    visibleWhen(actor, { district: importJobs.regionCode, units: [uploaderUnit], owner: importJobs.createdBy }),
  ) as SQL;

const selection = { job: importJobs, createdByName: users.displayName };
const flatten = (row: { job: typeof importJobs.$inferSelect; createdByName: string | null }): ImportJobRow => ({
  ...row.job,
  createdByName: row.createdByName,
});

export async function insertImportJob(
  db: Executor,
  values: {
    regionCode: string;
    kind: ImportKind;
    fileName: string;
    storedName: string;
    sizeBytes: number;
    totalRows: number;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  if (!row) throw new Error('import job insert returned nothing');
  return row.id;
}

/** One job the actor may see, or null ("not allowed" and "not found" look the same). */
export async function findImportJob(
  db: Executor,
  actor: Actor,
  districtCode: string,
  id: string,
  lock = false,
): Promise<ImportJobRow | null> {
  const query = db
    .select(selection)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(and(eq(importJobs.id, id), visible(actor, districtCode)));
  const [row] = lock ? await query.for('update', { of: importJobs }) : await query;
  return row ? flatten(row) : null;
}

/** The district's recent jobs the actor may see, newest first. */
export async function listImportJobs(db: Executor, actor: Actor, districtCode: string, limit = 20): Promise<ImportJobRow[]> {
  const rows = await db
    .select(selection)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(visible(actor, districtCode))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
  return rows.map(flatten);
}

/** Moves the validation's progress bar (and shows the job is alive). */
export async function recordProgress(db: Executor, id: string, processedRows: number) {
  await db
    .update(importJobs)
    .set({ processedRows, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'validating')));
}

/** Sets a job's outcome: status, problems, summary, failure; the version counts every change. */
export async function setImportJobState(
  db: Executor,
  id: string,
  state: {
    status: ImportStatus;
    problems?: StoredProblem[];
    summary?: StoredSummary | null;
    failure?: string | null;
    processedRows?: number;
    committedAt?: Date;
  },
) {
  await db
    .update(importJobs)
    .set({ ...state, version: sql`${importJobs.version} + 1`, updatedAt: sql`now()` })
    .where(eq(importJobs.id, id));
}

// A validation that has not moved for this long has lost its process.
const STALLED_AFTER = '2 minutes';

/**
 * Marks as failed the jobs a crash left behind: validations whose process stopped moving, and commits whose
 * transaction is gone (a live commit holds its job row locked, so SKIP LOCKED passes over it). Nothing of a failed
 * commit was written: the commit is one transaction.
 */
export async function failInterruptedImports(db: Executor): Promise<number> {
  const interrupted = db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      or(
        and(eq(importJobs.status, 'validating'), sql`${importJobs.updatedAt} < now() - ${STALLED_AFTER}::interval`),
        eq(importJobs.status, 'committing'),
      ),
    )
    .for('update', { skipLocked: true });
  const rows = await db
    .update(importJobs)
    .set({
      status: 'failed',
      failure: JSON.stringify({ code: 'import.interrupted' }),
      version: sql`${importJobs.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(importJobs.id, interrupted))
    .returning({ id: importJobs.id });
  return rows.length;
}
