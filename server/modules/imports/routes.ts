import { PassThrough, type Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { Locale } from '../../../common/locale';
import {
  IMPORT_KINDS,
  IMPORT_KIND_PERMISSIONS,
  MAX_IMPORT_BYTES,
  importCommitBody,
  importJobListSchema,
  importJobParam,
  importJobSchema,
  importKindField,
  importKindParam,
  importMappingBody,
} from '../../../common/schemas/imports';
import type { FastifyRequest } from 'fastify';
import type { District } from '../regions';
import { chooseMapping } from './mappings';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { removeUpload, saveUpload, uploadPath } from '../../lib/uploads';
import { loadLookups } from './columns/lookups';
import { buildImportTemplate, templateFileName } from './template';
import { XLSX_CONTENT_TYPE } from '../../lib/spreadsheets/workbook';
import { fileResponse, sendDownload } from '../../lib/download';
import { commitImportJob, createImportJob, importDistrict, validateImportJob } from './import-service';
import { type ImportJobRow, failInterruptedImports, findImportJob, listImportJobs } from './jobs-repository';
import { IMPORT_KIND_HANDLERS, assertMayImport, mayImport } from './kinds';
import { writeMarkedFile } from './marked-file';
import { presentImportJob, presentImportJobListItem } from './presenter';

const tags = ['imports'];
// Whoever may import some kind reaches the routes (IMPORT_KIND_PERMISSIONS: projects with project.import, the enterprise
// register with enterprise.manage …); each route checks the kind it is about (assertMayImport) once it knows it.
const access = { anyOf: [...new Set(Object.values(IMPORT_KIND_PERMISSIONS))] };
const uploadErrorResponses = { ...ruleErrorResponses, 413: ruleErrorResponses[400] };
const tooLarge = () => new AppError(413, 'file_too_large', 'import.file_too_large', { limit: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` });
// How often a running server looks for imports a crashed instance left behind.
const SWEEP_INTERVAL_MS = 60_000;

/** Reads the multipart form: the `kind` field and one `file`, stored under a random name as it streams in. */
async function receiveUpload(
  parts: AsyncIterableIterator<MultipartFile | { type: 'field'; fieldname: string; value: unknown }>,
  dataDir: string,
) {
  let kind: unknown;
  let stored: { storedName: string; sizeBytes: number; fileName: string } | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'kind') kind = part.value;
        continue;
      }
      const file = part as MultipartFile;
      if (part.fieldname !== 'file' || stored) {
        file.file.resume();
        continue;
      }
      const saved = await saveUpload(dataDir, file.file as Readable);
      stored = { ...saved, fileName: [...file.filename].slice(0, 200).join('') || 'upload.xlsx' };
      if (file.file.truncated) throw tooLarge();
    }
  } catch (error) {
    if (stored) await removeUpload(dataDir, stored.storedName);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  return { kind, stored };
}

/** Spreadsheet imports: templates, uploads validated in the background, the marked file, and the commit. */
export function importRoutes(app: App, { db, config }: Deps) {
  const sheetColumns = (job: ImportJobRow, locale: Locale) => IMPORT_KIND_HANDLERS[job.kind].columns(db, job.regionCode, locale);
  const running = new Set<Promise<void>>();
  const sweep = () => failInterruptedImports(db).catch((error) => app.log.error({ err: error }, 'import sweep failed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(sweep, SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await Promise.allSettled(running);
  });

  /** Checks a job's file in the background; the server waits for running checks when it closes. */
  const startValidation = (request: FastifyRequest, district: District, id: string) => {
    const validation = validateImportJob(db, request.context(), district, id, config.dataDir)
      .catch((error) => request.log.error({ err: error, importJob: id }, 'import validation failed'))
      .finally(() => running.delete(validation));
    running.add(validation);
  };

  app.get(
    '/api/v1/imports/templates/:kind',
    {
      schema: {
        tags,
        summary: 'Download the import template of a kind (.xlsx with drop-downs and instructions)',
        params: importKindParam,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The template workbook'), ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request, reply) => {
      const ctx = request.context();
      const kind = request.params.kind;
      assertMayImport(ctx.actor, kind);
      const district = await importDistrict(db, ctx);
      const lookups = await loadLookups(db, district);
      const columns = await IMPORT_KIND_HANDLERS[kind].columns(db, district.code, ctx.actor.locale);
      const body = await buildImportTemplate(kind, columns, lookups, ctx.actor.locale);
      const fileName = templateFileName(kind, ctx.actor.locale);
      return sendDownload(reply, { body, fileName, asciiFallback: `${kind}-template.xlsx`, contentType: XLSX_CONTENT_TYPE });
    },
  );

  app.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: `Upload a spreadsheet to import (multipart: kind = ${IMPORT_KINDS.join(' | ')}, file = .xlsx ≤ 20 MB); validated in the background`,
        consumes: ['multipart/form-data'],
        response: { 202: importJobSchema, ...uploadErrorResponses },
      },
      config: { access },
    },
    async (request, reply) => {
      const ctx = request.context();
      if (!request.isMultipart()) throw invalidField('file', 'import.file_missing');
      const parts = request.parts({ limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 5, fieldSize: 100 } });
      const { kind, stored } = await receiveUpload(parts, config.dataDir);
      const parsedKind = importKindField.safeParse(kind);
      if (!stored || !parsedKind.success) {
        if (stored) await removeUpload(config.dataDir, stored.storedName);
        throw stored
          ? invalidField('kind', 'import.kind_invalid', { kinds: IMPORT_KINDS.join(', ') })
          : invalidField('file', 'import.file_missing');
      }
      if (!mayImport(ctx.actor, parsedKind.data)) {
        await removeUpload(config.dataDir, stored.storedName);
        assertMayImport(ctx.actor, parsedKind.data);
      }
      const { id, district } = await createImportJob(db, ctx, { ...stored, kind: parsedKind.data, dataDir: config.dataDir });
      startValidation(request, district, id);
      const job = await findImportJob(db, ctx.actor, district.code, id);
      if (!job) throw notFound();
      return reply.status(202).send(presentImportJob(ctx.actor, job, await sheetColumns(job, ctx.actor.locale)));
    },
  );

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: "The district's recent imports the caller may see",
        response: { 200: importJobListSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request) => {
      const ctx = request.context();
      const district = await importDistrict(db, ctx);
      const rows = await listImportJobs(db, ctx.actor, district.code);
      const mayRead = (row: ImportJobRow) => mayImport(ctx.actor, row.kind);
      return { items: rows.filter(mayRead).map((row) => presentImportJobListItem(ctx.actor, row)) };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import: status, progress, problems (in the caller’s language) and summary',
        params: importJobParam,
        response: { 200: importJobSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request) => {
      const ctx = request.context();
      const district = await importDistrict(db, ctx);
      const job = await findImportJob(db, ctx.actor, district.code, request.params.id);
      if (!job) throw notFound();
      assertMayImport(ctx.actor, job.kind);
      return presentImportJob(ctx.actor, job, await sheetColumns(job, ctx.actor.locale));
    },
  );

  app.get(
    '/api/v1/imports/:id/marked.xlsx',
    {
      schema: {
        tags,
        summary: 'The uploaded file with every bad cell filled red and commented, plus a sheet listing every problem',
        params: importJobParam,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The marked workbook'), ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request, reply) => {
      const ctx = request.context();
      const district = await importDistrict(db, ctx);
      const job = await findImportJob(db, ctx.actor, district.code, request.params.id);
      if (!job) throw notFound();
      assertMayImport(ctx.actor, job.kind);
      if (job.status !== 'invalid') throw new AppError(409, 'import_not_invalid', 'import.no_marked_file');
      const body = new PassThrough();
      const file = uploadPath(config.dataDir, job.storedName);
      writeMarkedFile(body, file, job, ctx.actor.locale, await sheetColumns(job, ctx.actor.locale)).catch((error: unknown) => {
        request.log.error({ err: error, importJob: job.id }, 'marked file failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const base = job.fileName.replace(/\.xlsx$/i, '');
      const fileName = `${base}${ctx.actor.locale === 'zh-CN' ? '（标注）' : ' (marked)'}.xlsx`;
      return sendDownload(reply, { body, fileName, asciiFallback: 'import-marked.xlsx', contentType: XLSX_CONTENT_TYPE });
    },
  );

  app.put(
    '/api/v1/imports/:id/mapping',
    {
      schema: {
        tags,
        summary:
          'The mapping step: the field each headed column of the file is read as (null: not imported); the file is checked again with it, and the mapping is saved for the district’s next file of the same shape (409 unless the check has finished)',
        params: importJobParam,
        body: importMappingBody,
        response: { 202: importJobSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request, reply) => {
      const ctx = request.context();
      const district = await importDistrict(db, ctx);
      await chooseMapping(db, ctx, district, request.params.id, request.body);
      startValidation(request, district, request.params.id);
      const job = await findImportJob(db, ctx.actor, district.code, request.params.id);
      if (!job) throw notFound();
      return reply.status(202).send(presentImportJob(ctx.actor, job, await sheetColumns(job, ctx.actor.locale)));
    },
  );

  app.post(
    '/api/v1/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Commit a ready import in one transaction (checked again first; 409 when not ready or stale, or when the file has columns that are not imported and acknowledgeUnmapped is not true)',
        params: importJobParam,
        // A commit needs no body (a plain POST, as scripts send it); `acknowledgeUnmapped` when columns are left out.
        body: importCommitBody.nullish(),
        response: { 200: importJobSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request) => {
      const ctx = request.context();
      await commitImportJob(db, ctx, request.params.id, config.dataDir, {
        acknowledgeUnmapped: request.body?.acknowledgeUnmapped,
      });
      const district = await importDistrict(db, ctx);
      const job = await findImportJob(db, ctx.actor, district.code, request.params.id);
      if (!job) throw notFound();
      return presentImportJob(ctx.actor, job, await sheetColumns(job, ctx.actor.locale));
    },
  );
}
