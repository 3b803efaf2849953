import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

// Characters no file system or browser accepts in a file name, and control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** A file name made from user text (a project's name): unsafe characters replaced, at most 80 characters before the extension. */
export function safeFileName(name: string): string {
  const extension = /\.[a-z0-9]{1,8}$/i.exec(name)?.[0] ?? '';
  const base = name
    .slice(0, name.length - extension.length)
    .replace(UNSAFE_IN_FILE_NAME, '_')
    .trim();
  return `${[...base].slice(0, 80).join('') || 'file'}${extension}`;
}

// RFC 5987: percent-encode everything but attr-chars; encodeURIComponent leaves ' ( ) * which must be encoded too.
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the real (Chinese) file name in `filename*` (RFC 6266 / 5987) and an ASCII fallback in
 * `filename` for old clients; the fallback has only letters, digits, dots and dashes, so it needs no quoting rules.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(safeFileName(fileName))}`;
}

/** Sends a file as a download: content type, attachment disposition, nosniff, never cached by shared caches. */
export function sendDownload(
  reply: FastifyReply,
  file: { body: Readable | Buffer; fileName: string; asciiFallback: string; contentType: string },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.asciiFallback))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** A binary file answer for the OpenAPI document (the route sends a stream or buffer, never JSON). */
export const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } },
});

/** The content type of a Word (.docx) document. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
