import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { safeEqual } from './tokens';

/** RFC 6238 as every authenticator app understands it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const ISSUER = 'Lantu';
/** A code is accepted one step either side of now, for clocks a little off. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_TTL_MS = 5 * 60_000;

type KeyPurpose = 'totp-secret' | 'totp-recovery' | 'totp-challenge';

/**
 * A separate 256-bit key per purpose, derived (HKDF-SHA256) from the instance secret that also keys the session
 * hashes, so one secret in the environment protects everything and no derived key can stand in for another.
 */
const deriveKey = (serverSecret: string, purpose: KeyPurpose) =>
  Buffer.from(hkdfSync('sha256', serverSecret, 'lantu', `lantu ${purpose} v1`, 32));

/** A new random TOTP secret (160 bits, RFC 4226's recommendation), in base32 as apps expect it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpOf = (secretBase32: string, username: string) =>
  new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** The `otpauth://` URI an authenticator app scans. */
export const totpUri = (secretBase32: string, username: string) => totpOf(secretBase32, username).toString();

/** The time step a moment falls in. */
export const timeStep = (now = Date.now()) => Math.floor(now / 1000 / PERIOD_SECONDS);

/** The step whose code this is (now ± one step), or null; the caller refuses steps already used. */
export function matchTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secretBase32, '').validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** The code of a given moment (the test harness and the browser tests use it as an authenticator app would). */
export const totpCode = (secretBase32: string, now = Date.now()) => totpOf(secretBase32, '').generate({ timestamp: now });

/**
 * Encrypts a TOTP secret for the users table with AES-256-GCM. The user id is authenticated data, so a secret
 * copied into another user's row does not decrypt. Stored as `v1.<iv>.<ciphertext>.<tag>` (base64url).
 */
export function encryptTotpSecret(serverSecret: string, userId: string, secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(serverSecret, 'totp-secret'), iv);
  cipher.setAAD(Buffer.from(userId));
  const ciphertext = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts what encryptTotpSecret stored; throws when the server secret changed or the value was tampered with. */
export function decryptTotpSecret(serverSecret: string, userId: string, stored: string): string {
  const [version, iv, ciphertext, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !ciphertext || !tag) throw new Error('unknown TOTP secret format');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(serverSecret, 'totp-secret'), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes of 10 characters (about 50 bits each), shown as `xxxxx-xxxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Keyed hash of a recovery code, ignoring case, spaces and hyphens as people type them. */
export function recoveryCodeHash(serverSecret: string, code: string): string {
  const normalised = code.toLowerCase().replace(/[\s-]/g, '');
  return createHmac('sha256', deriveKey(serverSecret, 'totp-recovery')).update(normalised).digest('base64url');
}

/**
 * The proof that a password was right, good for one purpose (the second sign-in step) for five minutes: the
 * user id and expiry, signed (HMAC-SHA256 under its own derived key). It opens no session by itself.
 */
export function signChallenge(serverSecret: string, userId: string, now = Date.now()): string {
  const payload = `${userId}.${now + CHALLENGE_TTL_MS}.${randomBytes(9).toString('base64url')}`;
  return `${payload}.${createHmac('sha256', deriveKey(serverSecret, 'totp-challenge')).update(payload).digest('base64url')}`;
}

/** The user id of a challenge that is authentic and not expired, else null. */
export function verifyChallenge(serverSecret: string, challenge: string, now = Date.now()): string | null {
  const cut = challenge.lastIndexOf('.');
  const payload = challenge.slice(0, cut);
  const signature = createHmac('sha256', deriveKey(serverSecret, 'totp-challenge')).update(payload).digest('base64url');
  if (cut < 0 || !safeEqual(signature, challenge.slice(cut + 1))) return null;
  const [userId, expiresAt] = payload.split('.');
  return userId && Number(expiresAt) > now ? userId : null;
}

/** The user id a challenge names, unverified: only for keying the rate limit. */
export const challengeSubject = (challenge: string) => challenge.split('.')[0] ?? '';
