import { describe, expect, it } from 'vitest';
import { loadCatalogs, loadedText, loadLocale } from './index';

describe('loading the catalogs', () => {
  it('a page’s catalogs come in the language shown, and a language switched to gets every catalog needed before', async () => {
    await loadLocale('zh-CN');
    expect(loadedText('zh-CN', 'nav.home')).toBe('首页');
    // A page of the monthly cycle, opened in Chinese (the language shown before any switch).
    await loadCatalogs(['reports', 'labels']);
    expect(loadedText('zh-CN', 'report.view')).toBe('查看');
    expect(loadedText('zh-CN', 'reportStatus.approved')).toBe('已审核');
    // Switching to English fetches the frame and those catalogs too, so the page keeps its words.
    await loadLocale('en-US');
    expect(loadedText('en-US', 'nav.home')).toBe('Home');
    expect(loadedText('en-US', 'report.view')).toBe('View');
    expect(loadedText('en-US', 'reportStatus.approved')).toBe('Approved');
    // A catalog no page has asked for stays on the server.
    expect(loadedText('en-US', 'auditAction.units.create')).toBeUndefined();
  });
});
