import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, generateOneTimePassword, hashPassword, verifyPassword } from './passwords';

describe('password policy', () => {
  it('requires at least 12 characters, counted as characters, not bytes', () => {
    expect(checkPasswordPolicy('short-one', 'alice')?.key).toBe('password.too_short');
    expect(checkPasswordPolicy('天桥区重点项目建设办公室', 'alice')).toBeNull();
  });

  it('refuses common passwords, also with digits or symbols around them', () => {
    for (const weak of ['qwerty123456', '1q2w3e4r5t6y', 'password1234', 'woaini1314520', 'aaaaaaaaaaaa', 'abcdefghijklm']) {
      expect(checkPasswordPolicy(weak, 'alice')?.key, weak).toBe('password.too_common');
    }
  });

  it('refuses a password containing the username', () => {
    expect(checkPasswordPolicy('my-name-is-zhangwei!', 'zhangwei')?.key).toBe('password.contains_username');
  });

  it('has no composition rules: a long plain sentence passes', () => {
    expect(checkPasswordPolicy('the river runs past the old mill', 'alice')).toBeNull();
  });

  it('generates one-time passwords that pass the policy and differ every time', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const password = generateOneTimePassword();
        expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
        expect(checkPasswordPolicy(password, 'someone')).toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(new Set(Array.from({ length: 100 }, generateOneTimePassword)).size).toBe(100);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('a long and private sentence');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'a long and private sentence')).toBe(true);
    expect(await verifyPassword(hash, 'a long and private sentenc')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
