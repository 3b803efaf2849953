import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  matchTotpStep,
  newTotpSecret,
  recoveryCodeHash,
  signChallenge,
  timeStep,
  totpCode,
  verifyChallenge,
} from './totp';

const SERVER_SECRET = 'unit-test-secret-that-is-long-enough-0123';
const USER = '11111111-2222-4333-8444-555555555555';

describe('TOTP helpers', () => {
  it('encrypts a secret so that only the same server secret and user decrypt it', () => {
    fc.assert(
      fc.property(fc.uuid(), (userId) => {
        const secret = newTotpSecret();
        const stored = encryptTotpSecret(SERVER_SECRET, userId, secret);
        expect(stored).not.toContain(secret);
        expect(decryptTotpSecret(SERVER_SECRET, userId, stored)).toBe(secret);
      }),
      { numRuns: 50 },
    );
    const stored = encryptTotpSecret(SERVER_SECRET, USER, newTotpSecret());
    expect(encryptTotpSecret(SERVER_SECRET, USER, 'SAME')).not.toBe(encryptTotpSecret(SERVER_SECRET, USER, 'SAME'));
    expect(() => decryptTotpSecret('another-server-secret-0123456789abcdef', USER, stored)).toThrow();
    expect(() => decryptTotpSecret(SERVER_SECRET, '99999999-2222-4333-8444-555555555555', stored)).toThrow();
    const [version, iv, ciphertext, tag] = stored.split('.');
    const flipped = `${ciphertext?.[0] === 'A' ? 'B' : 'A'}${ciphertext?.slice(1)}`;
    expect(() => decryptTotpSecret(SERVER_SECRET, USER, [version, iv, flipped, tag].join('.'))).toThrow();
  });

  it('accepts a code one step either side of now and names its step, nothing further', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const step = timeStep(now);
    for (const offset of [-1, 0, 1]) expect(matchTotpStep(secret, totpCode(secret, now + offset * 30_000), now)).toBe(step + offset);
    expect(matchTotpStep(secret, totpCode(secret, now - 2 * 30_000), now)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, now + 2 * 30_000), now)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), totpCode(secret, now), now)).toBeNull();
  });

  it('signs challenges that expire after five minutes and cannot be altered', () => {
    const now = Date.now();
    const challenge = signChallenge(SERVER_SECRET, USER, now);
    expect(verifyChallenge(SERVER_SECRET, challenge, now + 4 * 60_000)).toBe(USER);
    expect(verifyChallenge(SERVER_SECRET, challenge, now + 5 * 60_000 + 1)).toBeNull();
    expect(verifyChallenge('another-server-secret-0123456789abcdef', challenge, now)).toBeNull();
    const other = '99999999-2222-4333-8444-555555555555';
    expect(verifyChallenge(SERVER_SECRET, challenge.replace(USER, other), now)).toBeNull();
    expect(verifyChallenge(SERVER_SECRET, 'no-dots-at-all', now)).toBeNull();
  });

  it('makes ten distinct recovery codes whose hash ignores case, spaces and hyphens', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code = ''] = codes;
    const hash = recoveryCodeHash(SERVER_SECRET, code);
    expect(recoveryCodeHash(SERVER_SECRET, ` ${code.toUpperCase().replace('-', ' ')} `)).toBe(hash);
    expect(recoveryCodeHash('another-server-secret-0123456789abcdef', code)).not.toBe(hash);
    expect(hash).not.toContain(code.replace('-', ''));
  });
});
