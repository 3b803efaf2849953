import { expect, it } from 'vitest';
import { countByClass, isIndustrialCode, landClass } from '../../../common/domain/land-efficiency';
import { buildDemoEnterprises } from './demo-enterprises';
import { buildDemoLandEfficiency } from './demo-land-efficiency';

const register = buildDemoEnterprises('370105', null);
const { figures, thresholds } = buildDemoLandEfficiency('370105', register, null);
const minima = {
  A: { taxWanPerMu: thresholds.aTaxWanPerMu, outputWanPerMu: thresholds.aOutputWanPerMu },
  B: { taxWanPerMu: thresholds.bTaxWanPerMu, outputWanPerMu: thresholds.bOutputWanPerMu },
  C: { taxWanPerMu: thresholds.cTaxWanPerMu, outputWanPerMu: thresholds.cOutputWanPerMu },
};

it('gives figures only to local industrial enterprises, and leaves one of them without', () => {
  const eligible = register.filter((e) => e.kind === 'local' && isIndustrialCode(e.industryCode));
  const withFigures = new Set(figures.map((f) => f.enterpriseId));
  for (const f of figures) expect(eligible.map((e) => e.id)).toContain(f.enterpriseId);
  expect(eligible.filter((e) => !withFigures.has(e.id ?? '')).length).toBe(1);
});

it('spreads the enterprises over the four classes', () => {
  const counts = countByClass(figures.map((f) => landClass(f, minima)));
  expect(counts).toEqual({ A: 2, B: 2, C: 2, D: 1 });
});
