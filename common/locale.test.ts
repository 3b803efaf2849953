import { expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locale';

it('picks the user’s language from Accept-Language, Chinese first when unsure', () => {
  expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
  expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en-US');
  expect(localeFromAcceptLanguage('fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
  expect(localeFromAcceptLanguage('de-DE')).toBe('zh-CN');
  expect(localeFromAcceptLanguage('zh-TW')).toBe('zh-CN');
});
