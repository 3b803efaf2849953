import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie or an API token; only its keyed hash is ever stored. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Keyed hash (HMAC-SHA256 with the instance secret), so a copy of the database alone cannot forge a session. */
export const keyedHash = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
