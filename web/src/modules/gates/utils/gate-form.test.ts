import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_CONFIG } from '../../../../../common/domain/gates';
import { isFixedCondition, toBody, toFormValues } from './gate-form';

describe('the gate form', () => {
  it('holds a list for every move and approval type, in checkbox order, with the fixed condition ticked', () => {
    const values = toFormValues({
      gates: { 'planning->advancing': ['leader', 'owner'], 'advancing->implementing': ['land_secured'] },
      requiredApprovals: { filing: ['filing', 'filing'] },
    });
    expect(values.gates).toEqual({
      'planning->advancing': ['owner', 'leader'],
      'advancing->implementing': ['project_code', 'land_secured'],
      'implementing->completed': [],
    });
    expect(values.requiredApprovals).toEqual({ approval: [], ratification: [], filing: ['filing'] });
  });

  it('sends the defaults unchanged, with the version read', () => {
    expect(toBody(DEFAULT_GATE_CONFIG, 0)).toEqual({ ...DEFAULT_GATE_CONFIG, version: 0 });
  });

  it('knows which conditions are fixed', () => {
    expect(isFixedCondition('advancing->implementing', 'project_code')).toBe(true);
    expect(isFixedCondition('planning->advancing', 'project_code')).toBe(false);
  });
});
