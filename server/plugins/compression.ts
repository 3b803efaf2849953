import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Only reads are compressed (they are the large answers), and not the session's own (`/auth/me` carries the CSRF
 * token): an answer holding a secret (that token, a new API token, a one-time password, a TOTP secret) stays
 * uncompressed, so that its compressed length cannot leak it (BREACH).
 */
function mayCompress(method: string | string[], url: string): boolean {
  const methods = Array.isArray(method) ? method : [method];
  return methods.every((m) => m === 'GET' || m === 'HEAD') && !url.startsWith('/api/v1/auth/');
}

/**
 * Compresses answers above 1 KiB for clients that accept it (a 50-row project page shrinks about tenfold).
 * Brotli at quality 4 costs about what gzip does and packs tighter; files that are already compressed (.xlsx,
 * .docx, the web page's pre-compressed assets) are left as they are. Compressed request bodies are not accepted.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.decompress = false;
    if (!mayCompress(route.method, route.url)) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
