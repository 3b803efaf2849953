import type { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ATTACHMENT_RECORD_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_RECORD,
  attachmentListQuery,
  attachmentListSchema,
  attachmentRecordType,
  attachmentSchema,
} from '../../../common/schemas/attachments';
import { idParam, okSchema, uuid } from '../../../common/schemas/shared';
import { contentDisposition } from '../../lib/download';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { type ObjectStore, objectStoreOf } from '../../lib/object-store';
import { removeUpload, saveUpload } from '../../lib/uploads';
import { presentAttachment } from './presenter';
import { recordAccess } from './records';
import { listAttachments } from './repository';
import { type StoredFile, attachFile, findVisibleAttachment, removeAttachment, storeCall } from './service';

const tags = ['attachments'];
// Who reads a record's files is decided by the record (records.ts); the route only asks for one of the reading rights.
const access = { anyOf: ['project.read', 'report.read', 'matter.read'] } as const;
const storeErrorResponses = { ...ruleErrorResponses, 503: ruleErrorResponses[400] };
const uploadErrorResponses = { ...storeErrorResponses, 413: ruleErrorResponses[400] };
const limit = `${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;
const tooLarge = () =>
  new AppError(413, 'file_too_large', 'attachment.file_too_large', { limit }, [
    { path: 'file', messageKey: 'attachment.file_too_large', params: { limit } },
  ]);

const fileDescription = {
  description: 'The file, as stored (its content type found at upload)',
  content: { '*/*': { schema: z.string() } },
};
// Photos are safe to show in the page (never script: JPEG, PNG and WebP, served as such with nosniff); every other
// kind — PDF included, which a browser's viewer may run script in — is only ever downloaded.
const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Reads the multipart form: `recordType`, `recordId` and one `file`, streamed into the data folder's `uploads/` under a
 * random name (staged there to be checked, then put into the object store; a staged file a crash left behind is
 * removed by the import uploads' daily purge, as a file no import refers to).
 */
async function receiveUpload(
  parts: AsyncIterableIterator<MultipartFile | { type: 'field'; fieldname: string; value: unknown }>,
  dataDir: string,
) {
  const fields: Record<string, unknown> = {};
  let stored: StoredFile | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = part.value;
        continue;
      }
      const file = part as MultipartFile;
      if (part.fieldname !== 'file' || stored) {
        file.file.resume();
        continue;
      }
      const saved = await saveUpload(dataDir, file.file as Readable);
      stored = { ...saved, fileName: [...file.filename].slice(0, 200).join('').trim() || 'file' };
      if (file.file.truncated) throw tooLarge();
    }
  } catch (error) {
    if (stored) await removeUpload(dataDir, stored.storedName);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  return { fields, stored };
}

/**
 * Streams a stored object to the client with its type, nosniff, no caching by shared caches and a sandbox should it
 * ever be opened: from the data folder or the bucket alike, never held whole in memory.
 */
async function sendStored(reply: FastifyReply, store: ObjectStore, name: string, headers: Record<string, string>) {
  const found = await storeCall(() => store.get(name), reply.log);
  if (!found) throw new AppError(410, 'attachment_file_gone', 'attachment.file_gone');
  return reply
    .headers({
      ...headers,
      ...(Number.isFinite(found.size) ? { 'content-length': String(found.size) } : {}),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    })
    .send(found.body);
}

/** Photos and documents on progress reports, matters and projects. */
export function attachmentRoutes(app: App, { db, config }: Deps) {
  const store = objectStoreOf(config);
  app.get(
    '/api/v1/attachments',
    {
      schema: {
        tags,
        summary: 'The files of one record (report, matter or project) the reader may see, and whether he may add one',
        querystring: attachmentListQuery,
        response: { 200: attachmentListSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request) => {
      const ctx = request.context();
      const { recordType, recordId } = request.query;
      const record = await recordAccess(db, ctx.actor, recordType, recordId);
      if (!record) throw notFound();
      const rows = await listAttachments(db, recordType, recordId);
      return {
        items: rows.map((row) => presentAttachment(ctx, row, record)),
        abilities: { add: record.add && rows.length < MAX_ATTACHMENTS_PER_RECORD },
        limits: { maxBytes: MAX_ATTACHMENT_BYTES, maxCount: MAX_ATTACHMENTS_PER_RECORD },
      };
    },
  );

  app.post(
    '/api/v1/attachments',
    {
      schema: {
        tags,
        summary: `Attach a file to a record (multipart: recordType = ${ATTACHMENT_RECORD_TYPES.join(' | ')}, recordId, file ≤ ${limit}: JPEG, PNG, WebP, PDF, .docx, .xlsx, .doc, .xls — checked by content)`,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...uploadErrorResponses },
      },
      config: { access },
    },
    async (request, reply) => {
      const ctx = request.context();
      if (!request.isMultipart()) throw invalidField('file', 'attachment.file_missing');
      const parts = request.parts({ limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES, fields: 5, fieldSize: 100 } });
      const { fields, stored } = await receiveUpload(parts, config.dataDir);
      const discard = async () => {
        if (stored) await removeUpload(config.dataDir, stored.storedName);
      };
      const recordType = attachmentRecordType.safeParse(fields.recordType);
      if (!recordType.success) {
        await discard();
        throw invalidField('recordType', 'attachment.record_type_invalid');
      }
      const recordId = uuid.safeParse(fields.recordId);
      if (!recordId.success) {
        await discard();
        throw invalidField('recordId', 'attachment.record_id_invalid');
      }
      if (!stored) throw invalidField('file', 'attachment.file_missing');
      const row = await attachFile({
        db,
        ctx,
        store,
        dataDir: config.dataDir,
        log: request.log,
        input: { recordType: recordType.data, recordId: recordId.data, file: stored },
      });
      const found = await findVisibleAttachment(db, ctx, row.id);
      if (!found) throw notFound();
      return reply.status(201).send(presentAttachment(ctx, found.row, found.access));
    },
  );

  app.get(
    '/api/v1/attachments/:id/file',
    {
      schema: {
        tags,
        summary: 'The file of an attachment (photos shown inline, every other kind downloaded), to readers of its record',
        params: idParam,
        response: { 200: fileDescription, ...storeErrorResponses, 410: ruleErrorResponses[400] },
      },
      config: { access },
    },
    async (request, reply) => {
      const found = await findVisibleAttachment(db, request.context(), request.params.id);
      if (!found) throw notFound();
      const { row } = found;
      const extension = /\.[a-z0-9]{1,8}$/i.exec(row.fileName)?.[0] ?? '';
      const disposition = contentDisposition(row.fileName, `attachment-${row.id.slice(0, 8)}${extension}`);
      return sendStored(reply, store, row.storedName, {
        'content-type': row.contentType,
        'content-disposition': INLINE.has(row.contentType) ? disposition.replace(/^attachment/, 'inline') : disposition,
        'cache-control': 'private, no-store',
      });
    },
  );

  app.get(
    '/api/v1/attachments/:id/thumbnail',
    {
      schema: {
        tags,
        summary: 'The thumbnail of a photo (JPEG, at most 320 px), to readers of its record',
        params: idParam,
        response: { 200: fileDescription, ...storeErrorResponses, 410: ruleErrorResponses[400] },
      },
      config: { access },
    },
    async (request, reply) => {
      const found = await findVisibleAttachment(db, request.context(), request.params.id);
      if (!found) throw notFound();
      if (!found.row.thumbnailName) throw new AppError(404, 'not_found', 'attachment.no_thumbnail');
      return sendStored(reply, store, found.row.thumbnailName, {
        'content-type': 'image/jpeg',
        'content-disposition': 'inline',
        'cache-control': 'private, max-age=600',
      });
    },
  );

  app.delete(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Delete an attachment: its uploader while the record can be changed, or the office reviewing the record',
        params: idParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access },
    },
    async (request) => {
      await removeAttachment({ db, ctx: request.context(), store, log: request.log, id: request.params.id });
      return { ok: true as const };
    },
  );
}
