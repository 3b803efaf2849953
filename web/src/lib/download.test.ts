import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('fileNameOf', () => {
  it('reads the UTF-8 name of RFC 5987 first, so Chinese names survive', () => {
    const header = `attachment; filename="ledger-2026-11-23.xlsx"; filename*=UTF-8''${encodeURIComponent('重点项目台账-2026-11-23.xlsx')}`;
    expect(fileNameOf(header, 'download')).toBe('重点项目台账-2026-11-23.xlsx');
  });

  it('falls back to the plain name, then to the given name', () => {
    expect(fileNameOf('attachment; filename="projects.xlsx"', 'download')).toBe('projects.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
