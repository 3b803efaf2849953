import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locale';
import { enumLabel, enumMessages, levelsOf } from './index';

describe('enum labels', () => {
  it('names a value in each language', () => {
    expect(enumLabel('zh-CN', 'pool', 'advancing')).toBe('推进库');
    expect(enumLabel('en-US', 'approvalStatus', 'not_required')).toBe('Not required');
  });

  it('gives the web its message keys, the same in both languages', () => {
    expect(enumMessages('zh-CN')['nature.new_start']).toBe('新开工');
    expect(Object.keys(enumMessages('en-US')).sort()).toEqual(Object.keys(enumMessages('zh-CN')).sort());
  });

  it('never names two values of one enum alike, so a sheet reads each label back to one code', () => {
    for (const locale of LOCALES) {
      const byEnum = new Map<string, string[]>();
      for (const [key, label] of Object.entries(enumMessages(locale))) {
        const name = key.slice(0, key.indexOf('.'));
        byEnum.set(name, [...(byEnum.get(name) ?? []), label]);
      }
      for (const [name, labels] of byEnum) {
        expect(new Set(labels).size, `${locale} ${name}`).toBe(labels.length);
        expect(labels.every((label) => label.trim() !== '')).toBe(true);
      }
    }
  });

  it('lists the levels a project is on', () => {
    const project = { isProvincialKey: true, isCityKey: false, isDistrictKey: true };
    expect(levelsOf('zh-CN', project, '、')).toBe('省级重点、区级重点');
    expect(levelsOf('en-US', { ...project, isProvincialKey: false }, ', ')).toBe('District key');
  });
});
