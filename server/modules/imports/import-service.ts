import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../common/schemas/imports';
import type { Executor } from '../../db/client';
import { importJobs } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import { removeUpload, uploadPath } from '../../lib/uploads';
import { shareDistrictFields } from '../custom-fields';
import { loadLookups } from './columns/lookups';
import { type District, actorDistrict } from '../regions';
import { checkCsvText, checkXlsxArchive } from './archive-check';
import { isZipFile } from '../../lib/spreadsheets/csv-reader';
import { convertLegacyWorkbook, isLegacyWorkbook } from '../../lib/spreadsheets/legacy-convert';
import { type StoredSummary, findImportJob, insertImportJob, recordProgress, setImportJobState } from './jobs-repository';
import { IMPORT_KIND_HANDLERS, type OperationBasis, assertMayImport } from './kinds';
import type { StoredProblem } from './problems';
import { columnLetter, countDataRows, sheetRows } from '../../lib/spreadsheets/sheet-reader';
import { commitMapping, validationMapping } from './mappings';
import { emptyReading } from './read-rows';

/** The district an import belongs to: the actor's own (a street's user imports into its district). */
export async function importDistrict(db: Executor, ctx: RequestContext): Promise<District> {
  const district = await actorDistrict(db, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'import.no_district');
  return district;
}

/** What committing the checked rows does, and a digest of the record versions it was checked against. */
function summaryOf(operations: OperationBasis[]): StoredSummary {
  const create = operations.filter((o) => o.kind === 'create').length;
  const bases = operations.flatMap((o) => (o.basis ? [o.basis] : [])).sort();
  return { create, update: operations.length - create, basis: createHash('sha256').update(bases.join('\n')).digest('hex') };
}

const byPlace = (a: StoredProblem, b: StoredProblem) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0);

/**
 * Accepts a stored upload as a new job: checked by content to be a safe .xlsx, its data rows counted (over the
 * limit is refused before any row is read), then recorded as `validating`. The caller starts the validation.
 */
export async function createImportJob(
  db: Executor,
  ctx: RequestContext,
  input: { kind: ImportKind; fileName: string; storedName: string; sizeBytes: number; dataDir: string },
) {
  const file = uploadPath(input.dataDir, input.storedName);
  try {
    const district = await importDistrict(db, ctx);
    // An old binary workbook (.xls, .et) is converted to .xlsx with LibreOffice first, when the server has it.
    if (await isLegacyWorkbook(file)) await convertLegacyWorkbook(file);
    // An .xlsx is checked as a zip; a file named .csv must be CSV text (UTF-8 or GB18030); anything else is refused.
    if ((await isZipFile(file)) || !/\.csv$/i.test(input.fileName)) await checkXlsxArchive(file);
    else await checkCsvText(file);
    const totalRows = await countDataRows(file);
    const id = await insertImportJob(db, {
      regionCode: district.code,
      kind: input.kind,
      fileName: input.fileName,
      storedName: input.storedName,
      sizeBytes: input.sizeBytes,
      totalRows,
      createdBy: ctx.actor.userId,
    });
    return { id, district };
  } catch (error) {
    await removeUpload(input.dataDir, input.storedName);
    throw error;
  }
}

const failureOf = (error: unknown) =>
  JSON.stringify(error instanceof AppError ? { code: error.messageKey, params: error.params } : { code: 'import.unreadable' });

/**
 * Validates a whole file in the background: every row through the kind's checks, progress recorded every few
 * hundred rows; the job ends `invalid` with every problem, `ready` with what a commit would do, or `failed`.
 */
export async function validateImportJob(db: Executor, ctx: RequestContext, district: District, jobId: string, dataDir: string) {
  const job = await findImportJob(db, ctx.actor, district.code, jobId);
  if (!job) return;
  try {
    const lookups = await loadLookups(db, district);
    const handler = IMPORT_KIND_HANDLERS[job.kind];
    const columns = await handler.columns(db, district.code, ctx.actor.locale);
    const onProgress = (processedRows: number) => recordProgress(db, jobId, processedRows);
    const reading = emptyReading();
    const setting = { db, ctx, district, columns, lookups, onProgress, reading, mapping: validationMapping(db, job) };
    const result = await handler.check(setting, sheetRows(uploadPath(dataDir, job.storedName), { fillMerged: true }));
    const problems = result.problems.sort(byPlace);
    await setImportJobState(db, jobId, {
      status: problems.length ? 'invalid' : 'ready',
      problems,
      summary: problems.length ? { create: 0, update: 0, basis: '', reading } : { ...summaryOf(result.operations), reading },
      processedRows: job.totalRows,
    });
  } catch (error) {
    await setImportJobState(db, jobId, { status: 'failed', failure: failureOf(error) });
    if (!(error instanceof AppError)) throw error;
  }
}

class StaleImport extends Error {
  constructor(readonly problems: StoredProblem[]) {
    super('stale import');
  }
}

/**
 * Commits a `ready` job in one transaction: the file is checked again against the library as it is now, inside
 * the transaction; if anything changed since validation (a new problem, a matched record edited meanwhile) the
 * job is refused as stale and nothing is written. Else every create and update is written and audited, or none.
 */
export async function commitImportJob(
  db: Executor,
  ctx: RequestContext,
  jobId: string,
  dataDir: string,
  options: { acknowledgeUnmapped?: boolean | undefined } = {},
) {
  const district = await importDistrict(db, ctx);
  const job = await findImportJob(db, ctx.actor, district.code, jobId);
  if (!job) throw notFound();
  assertMayImport(ctx.actor, job.kind);
  // Columns the file has and Lantu does not import are never dropped silently: the user acknowledges them first
  // (but for Lantu's own computed figures, and the columns the user set to 不导入 in the mapping step).
  const unmapped = ((job.summary as StoredSummary | null)?.reading?.unmapped ?? []).filter(
    (u) => u.reason !== 'computed' && u.reason !== 'ignored',
  );
  if (job.status === 'ready' && unmapped.length && !options.acknowledgeUnmapped) {
    throw new AppError(409, 'import_unmapped_columns', 'import.unmapped_columns', {
      columns: unmapped.map((u) => `${columnLetter(u.column)}「${u.header}」`).join('、'),
    });
  }
  const claimed = await db
    .update(importJobs)
    .set({ status: 'committing', version: sql`${importJobs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'ready')))
    .returning({ id: importJobs.id });
  if (!claimed.length) throw new AppError(409, 'import_not_ready', 'import.not_ready');
  const handler = IMPORT_KIND_HANDLERS[job.kind];
  try {
    const written = await db.transaction(async (tx) => {
      await findImportJob(tx, ctx.actor, district.code, jobId, true);
      // One commit at a time per district, so two files cannot both claim a 项目代码 the other is adding.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lantu.import.${district.code}`}))`);
      // And no custom-field definition changes while the rows are checked against them and written.
      await shareDistrictFields(tx, district.code);
      const lookups = await loadLookups(tx, district);
      const columns = await handler.columns(tx, district.code, ctx.actor.locale);
      const result = await handler.check(
        { db: tx, ctx, district, columns, lookups, mapping: commitMapping(job) },
        sheetRows(uploadPath(dataDir, job.storedName), { fillMerged: true }),
      );
      const now = summaryOf(result.operations);
      const then = job.summary as StoredSummary;
      if (result.problems.length || now.basis !== then.basis || now.create !== then.create || now.update !== then.update) {
        throw new StaleImport(result.problems.sort(byPlace));
      }
      const counts = await handler.write(tx, ctx, result.operations, job.fileName);
      await recordAudit(tx, ctx, {
        action: 'imports.commit',
        recordType: 'import_job',
        recordId: jobId,
        regionCode: district.code,
        after: { kind: job.kind, fileName: job.fileName, ...counts },
      });
      await setImportJobState(tx, jobId, { status: 'committed', committedAt: new Date() });
      return counts;
    });
    await removeUpload(dataDir, job.storedName);
    return written;
  } catch (error) {
    if (error instanceof StaleImport) {
      const failure = JSON.stringify({ code: 'import.stale' });
      await setImportJobState(db, jobId, {
        status: error.problems.length ? 'invalid' : 'failed',
        problems: error.problems,
        summary: null,
        failure,
      });
      throw new AppError(409, 'import_stale', 'import.stale');
    }
    await setImportJobState(db, jobId, { status: 'failed', failure: failureOf(error) });
    throw error;
  }
}
