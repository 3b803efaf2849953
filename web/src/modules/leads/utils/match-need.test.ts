import { describe, expect, it } from 'vitest';
import { matchNeedSearch } from './match-need';

describe('matchNeedSearch', () => {
  it('carries land, floor area, chain and investment in 万元 into the matching page’s address', () => {
    const search = matchNeedSearch({ landMu: 120, spaceM2: 20000.4, chainCode: 'smart_equip', estimatedInvestmentYuan: 1_500_000_000 });
    expect(search?.toString()).toBe('landMu=120&floorAreaM2=20000&industry=smart_equip&investmentWan=150000');
  });

  it('leaves out what the lead does not say, and answers null without land or floor area', () => {
    expect(matchNeedSearch({ landMu: 40, spaceM2: null, chainCode: null, estimatedInvestmentYuan: null })?.toString()).toBe('landMu=40');
    expect(matchNeedSearch({ landMu: null, spaceM2: null, chainCode: 'smart_equip', estimatedInvestmentYuan: 1 })).toBeNull();
  });
});
