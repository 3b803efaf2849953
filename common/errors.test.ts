import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from './errors';

describe('error codes', () => {
  it('are distinct snake_case words', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('tells a code of the API from any other value', () => {
    expect(isErrorCode('version_conflict')).toBe(true);
    expect(isErrorCode('http_502')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
