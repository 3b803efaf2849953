import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_SIZES } from '../enums';
import { type FitCandidate, type PolicyConditions, policyFits } from './policy-fit';

const none: PolicyConditions = { tags: [], industryCodes: [], sizes: [], regionCodes: [], localOnly: false };

// A 专精特新 maker of general equipment (division 34 of section C), small, headquartered in 天桥区.
const maker: FitCandidate = {
  kind: 'local',
  tags: ['srdi', 'hightech'],
  industryCode: '34',
  industrySection: 'C',
  size: 'small',
  hqRegionPath: '370000/370100/370105/',
};
// A target enterprise abroad: nothing known but its tags.
const abroad: FitCandidate = {
  kind: 'target',
  tags: ['fortune500'],
  industryCode: null,
  industrySection: null,
  size: null,
  hqRegionPath: null,
};

describe('policyFits', () => {
  it('fits every enterprise when the policy sets no condition', () => {
    expect(policyFits(none, maker)).toEqual({ fits: true, matched: [], failed: [] });
    expect(policyFits(none, abroad).fits).toBe(true);
  });

  it('takes any of the tags, and needs every condition given', () => {
    expect(policyFits({ ...none, tags: ['little_giant', 'srdi'] }, maker)).toEqual({ fits: true, matched: ['tags'], failed: [] });
    expect(policyFits({ ...none, tags: ['srdi'], sizes: ['large'] }, maker)).toEqual({ fits: false, matched: ['tags'], failed: ['size'] });
  });

  it('matches an industry section to its divisions, and a division only to itself', () => {
    expect(policyFits({ ...none, industryCodes: ['C'] }, maker).fits).toBe(true);
    expect(policyFits({ ...none, industryCodes: ['34'] }, maker).fits).toBe(true);
    expect(policyFits({ ...none, industryCodes: ['35', 'I'] }, maker).fits).toBe(false);
  });

  it('matches a region anywhere above the headquarters (province, city or district), not a sibling', () => {
    expect(policyFits({ ...none, regionCodes: ['370100'] }, maker).fits).toBe(true);
    expect(policyFits({ ...none, regionCodes: ['370105'] }, maker).fits).toBe(true);
    expect(policyFits({ ...none, regionCodes: ['370102'] }, maker).fits).toBe(false);
  });

  it('refuses an enterprise whose industry, size or headquarters is unknown when the policy asks about it', () => {
    expect(policyFits({ ...none, industryCodes: ['C'] }, abroad).failed).toEqual(['industry']);
    expect(policyFits({ ...none, sizes: ['large'] }, abroad).failed).toEqual(['size']);
    expect(policyFits({ ...none, regionCodes: ['370000'] }, abroad).failed).toEqual(['region']);
  });

  it('keeps local-only policies from the target enterprises', () => {
    expect(policyFits({ ...none, localOnly: true }, maker).fits).toBe(true);
    expect(policyFits({ ...none, localOnly: true }, abroad)).toEqual({ fits: false, matched: [], failed: ['local'] });
  });

  it('adding a condition never makes an enterprise fit that did not', () => {
    const sizes = fc.subarray([...ENTERPRISE_SIZES]);
    const tags = fc.subarray(['srdi', 'hightech', 'fortune500', 'gazelle']);
    const conditions = fc.record({
      tags,
      industryCodes: fc.subarray(['C', '34', '35', 'I', '65']),
      sizes,
      regionCodes: fc.subarray(['370000', '370105', '370102']),
      localOnly: fc.boolean(),
    });
    fc.assert(
      fc.property(conditions, tags, fc.constantFrom(maker, abroad), (base, extra, enterprise) => {
        const narrower = { ...base, localOnly: true, sizes: base.sizes.length ? base.sizes : ['micro' as const] };
        if (!policyFits(base, enterprise).fits) expect(policyFits(narrower, enterprise).fits).toBe(false);
        const result = policyFits({ ...base, tags: extra }, enterprise);
        expect(result.fits).toBe(result.failed.length === 0);
      }),
    );
  });
});
