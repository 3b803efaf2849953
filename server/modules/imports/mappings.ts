import { and, eq, sql } from 'drizzle-orm';
import type { ImportKind, ImportMappingBody } from '../../../common/schemas/imports';
import type { Executor } from '../../db/client';
import { importJobs, importMappings } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import type { HeaderMapping } from '../../lib/spreadsheets/header';
import { columnLetter } from '../../lib/spreadsheets/sheet-reader';
import type { District } from '../regions';
import { type ImportJobRow, type StoredSummary, findImportJob } from './jobs-repository';
import { IMPORT_KIND_HANDLERS, assertMayImport } from './kinds';

/** The mapping a job is read with, as `import_jobs.mapping` keeps it: the file's shape and each column's field. */
export type StoredMapping = HeaderMapping & { shape: string };

/** The district's saved mapping for files of a kind and shape, if someone saved one. */
async function savedMapping(db: Executor, regionCode: string, kind: ImportKind, shape: string) {
  const [row] = await db
    .select({ fields: importMappings.fields })
    .from(importMappings)
    .where(and(eq(importMappings.regionCode, regionCode), eq(importMappings.kind, kind), eq(importMappings.shape, shape)));
  return row ? (row.fields as Record<string, string | null>) : null;
}

/**
 * The mapping a validation reads the job's file with: the job's own (chosen by the user, or saved and taken at its
 * first reading); else the district's saved mapping for the file's shape, which the job then keeps, so that its
 * commit reads the file exactly as its check did.
 */
export function validationMapping(db: Executor, job: ImportJobRow) {
  return async (shape: string): Promise<HeaderMapping | null> => {
    const own = job.mapping as StoredMapping | null;
    if (own) return own.shape === shape ? own : null;
    const fields = await savedMapping(db, job.regionCode, job.kind, shape);
    if (!fields) return null;
    const mapping: StoredMapping = { shape, source: 'saved', fields };
    await db.update(importJobs).set({ mapping }).where(eq(importJobs.id, job.id));
    return mapping;
  };
}

/** The mapping a commit reads the file with: the job's own, never one saved after its check. */
export function commitMapping(job: ImportJobRow) {
  const own = job.mapping as StoredMapping | null;
  return async (shape: string): Promise<HeaderMapping | null> => (own && own.shape === shape ? own : null);
}

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };

/**
 * The mapping step: the user's field for each headed column (null: 不导入) becomes the job's mapping and the
 * district's saved one for files of this shape, and the job goes back to `validating` (the caller starts the check).
 * Every column must be one of the file's headed columns and every field one of the kind's, each taken once: else a
 * 400 naming the entry. Only a job whose check has finished (ready or invalid) can be mapped.
 */
export async function chooseMapping(db: Executor, ctx: RequestContext, district: District, jobId: string, body: ImportMappingBody) {
  return db.transaction(async (tx) => {
    const job = await findImportJob(tx, ctx.actor, district.code, jobId, true);
    if (!job) throw notFound();
    assertMayImport(ctx.actor, job.kind);
    const reading = (job.summary as StoredSummary | null)?.reading;
    if (!['ready', 'invalid'].includes(job.status) || !reading?.shape || !reading.columns?.length) {
      throw new AppError(409, 'import_not_mappable', 'import.not_mappable');
    }
    const kindColumns = await IMPORT_KIND_HANDLERS[job.kind].columns(tx, district.code, ctx.actor.locale);
    const label = (key: string) => kindColumns.find((c) => c.key === key)?.header[ctx.actor.locale] ?? key;
    const headed = new Map(reading.columns.map((c) => [columnLetter(c.column), c.column]));
    const details: Detail[] = [];
    const fields: Record<string, string | null> = {};
    const takenBy = new Map<string, string>();
    const given = new Set<string>();
    for (const [i, { column, field }] of body.columns.entries()) {
      const index = headed.get(column);
      if (index === undefined)
        details.push({ path: `columns.${i}.column`, messageKey: 'import.mapping_column_unknown', params: { column } });
      else if (given.has(column))
        details.push({ path: `columns.${i}.column`, messageKey: 'import.mapping_column_repeated', params: { column } });
      given.add(column);
      if (field !== null && !kindColumns.some((c) => c.key === field)) {
        details.push({ path: `columns.${i}.field`, messageKey: 'import.mapping_field_unknown', params: { field } });
      } else if (field !== null && takenBy.has(field)) {
        const other = takenBy.get(field) ?? '';
        details.push({
          path: `columns.${i}.field`,
          messageKey: 'import.mapping_field_repeated',
          params: { field: label(field), column: other },
        });
      }
      if (field !== null && !takenBy.has(field)) takenBy.set(field, column);
      if (index !== undefined) fields[String(index)] = field;
    }
    if (details.length) throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
    const mapping: StoredMapping = { shape: reading.shape, source: 'chosen', fields };
    await tx
      .update(importJobs)
      .set({
        mapping,
        status: 'validating',
        problems: [],
        summary: null,
        failure: null,
        processedRows: 0,
        version: sql`${importJobs.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(importJobs.id, job.id));
    await tx
      .insert(importMappings)
      .values({ regionCode: district.code, kind: job.kind, shape: reading.shape, fields, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [importMappings.regionCode, importMappings.kind, importMappings.shape],
        set: { fields, updatedBy: ctx.actor.userId, updatedAt: sql`now()` },
      });
    const changed = Object.fromEntries(
      reading.columns.flatMap((c) => {
        const field = fields[String(c.column)];
        return field !== undefined && field !== c.field ? [[`${columnLetter(c.column)} ${c.header}`, field ? label(field) : null]] : [];
      }),
    );
    await recordAudit(tx, ctx, {
      action: 'imports.map',
      recordType: 'import_job',
      recordId: job.id,
      regionCode: district.code,
      after: { kind: job.kind, fileName: job.fileName, columns: changed },
    });
  });
}
