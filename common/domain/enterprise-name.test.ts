import { describe, expect, it } from 'vitest';
import { enterpriseNameKey } from './enterprise-name';

describe('enterpriseNameKey', () => {
  it('makes the usual ways of writing one name equal', () => {
    const key = enterpriseNameKey('腾讯科技（深圳）有限公司');
    expect(key).toBe('腾讯科技深圳');
    expect(enterpriseNameKey('腾讯科技(深圳)有限责任公司')).toBe(key);
    expect(enterpriseNameKey(' 腾讯科技 （深圳） 集团有限公司')).toBe(key);
    expect(enterpriseNameKey('济南天桥机械股份有限公司')).toBe(enterpriseNameKey('济南天桥机械集团'));
    expect(enterpriseNameKey('ＡＢＣ Co., Ltd.')).toBe(enterpriseNameKey('abc limited'));
  });

  it('keeps names that differ in substance apart', () => {
    expect(enterpriseNameKey('济南天桥机械有限公司')).not.toBe(enterpriseNameKey('济南天桥电子有限公司'));
  });
});
