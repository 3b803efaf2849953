import { open } from 'node:fs/promises';
import sharp from 'sharp';
import yauzl from 'yauzl';
import type { AttachmentFormat } from '../../../common/schemas/attachments';

// What a file is, told by its content: the first bytes (magic numbers), and for the zip formats of Word and Excel the
// content types the package declares. The name and the type the browser declares are never trusted: an executable
// renamed photo.jpg, an SVG or an HTML page is refused whatever it is called.

const HEAD_BYTES = 16;
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The main part a Word document or an Excel workbook declares ([Content_Types].xml); the macro-enabled kinds
// (.docm, .xlsm) declare another and are refused.
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
/** The largest [Content_Types].xml read (an ordinary one is 1–3 KB). */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;
const MAX_ZIP_ENTRIES = 10_000;
/** Images larger than this many pixels are refused before they are decoded (a phone's photo is 12–50 megapixels). */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** The longer side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The content types a zip package declares in its [Content_Types].xml, or null when it has none (or is no zip). */
function packageContentTypes(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return resolve(null);
      let seen = 0;
      const done = (value: string | null) => {
        zip.close();
        resolve(value);
      };
      zip.on('error', () => done(null));
      zip.on('end', () => resolve(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        seen += 1;
        if (seen > MAX_ZIP_ENTRIES) return done(null);
        if (entry.fileName !== '[Content_Types].xml') return zip.readEntry();
        if (entry.uncompressedSize > MAX_CONTENT_TYPES_BYTES) return done(null);
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return done(null);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_CONTENT_TYPES_BYTES) stream.destroy();
            else chunks.push(chunk);
          });
          stream.on('error', () => done(null));
          stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.readEntry();
    });
  });
}

const extensionOf = (fileName: string) => /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The format of a stored upload by its content, or null when it is none Lantu accepts. The old binary Office files
 * (OLE) hold Word, Excel and much else alike, so there the name's extension (.doc or .xls) picks which it is.
 */
export async function detectFormat(file: string, fileName: string): Promise<AttachmentFormat | null> {
  const bytes = await head(file);
  const starts = (magic: Buffer) => bytes.subarray(0, magic.length).equals(magic);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (starts(PNG)) return 'png';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (starts(ZIP)) {
    const types = await packageContentTypes(file);
    if (types?.includes(`"${DOCX_MAIN}"`)) return 'docx';
    if (types?.includes(`"${XLSX_MAIN}"`)) return 'xlsx';
    return null;
  }
  if (starts(OLE)) {
    const extension = extensionOf(fileName);
    return extension === 'doc' || extension === 'xls' ? extension : null;
  }
  return null;
}

export const isImage = (format: AttachmentFormat) => format === 'jpeg' || format === 'png' || format === 'webp';

const SHARP_FORMAT: Partial<Record<AttachmentFormat, string>> = { jpeg: 'jpeg', png: 'png', webp: 'webp' };

/**
 * A JPEG thumbnail of an image (turned upright by its EXIF orientation), or null when the image cannot be decoded as
 * the format its first bytes claim — then the upload is refused as not a real image.
 */
export async function makeThumbnail(file: string, format: AttachmentFormat): Promise<Buffer | null> {
  try {
    const image = sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== SHARP_FORMAT[format]) return null;
    return await image
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
  } catch {
    return null;
  }
}
