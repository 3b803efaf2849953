import { z } from 'zod';
import { uuid } from './shared';

/** The records photos and documents are attached to: a monthly progress report, a matter, a project. */
export const ATTACHMENT_RECORD_TYPES = ['report', 'matter', 'project'] as const;
export type AttachmentRecordType = (typeof ATTACHMENT_RECORD_TYPES)[number];

/** The largest file accepted, in bytes (10 MB): a phone's photo is 2–6 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The most files one record may carry. */
export const MAX_ATTACHMENTS_PER_RECORD = 20;

/**
 * The kinds of file accepted, by what their content is (never by the name or the declared type): photos, PDF, Word
 * and Excel (the zip formats and the old binary ones). The value is the content type the file is served with.
 */
export const ATTACHMENT_CONTENT_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;
export type AttachmentFormat = keyof typeof ATTACHMENT_CONTENT_TYPES;

/** The file name extensions the upload button offers (the server decides by content). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,.doc,.xls';

export const attachmentRecordType = z.enum(ATTACHMENT_RECORD_TYPES);

/** `GET /attachments?recordType=&recordId=`: the files of one record. */
export const attachmentListQuery = z.strictObject({ recordType: attachmentRecordType, recordId: uuid });

export const attachmentSchema = z.object({
  id: z.string(),
  recordType: attachmentRecordType,
  recordId: z.string(),
  /** The name the file had on the uploader's device (shown, never used as a path). */
  fileName: z.string(),
  /** The content type found in the file, which it is served with. */
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** An image with a thumbnail at `/attachments/:id/thumbnail`. */
  hasThumbnail: z.boolean(),
  uploadedBy: z.string().nullable(),
  uploaderName: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ delete: z.boolean() }),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({
  items: z.array(attachmentSchema),
  /** What the reader may do on the record: add a file (while it is editable and below the limit). */
  abilities: z.object({ add: z.boolean() }),
  limits: z.object({ maxBytes: z.number().int(), maxCount: z.number().int() }),
});
export type AttachmentList = z.infer<typeof attachmentListSchema>;
