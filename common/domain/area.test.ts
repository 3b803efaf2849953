import { describe, expect, it } from 'vitest';
import { convertArea, headerAreaUnit, splitAreaText } from './area';

describe('headerAreaUnit', () => {
  it('reads the unit a header names in brackets or after a slash', () => {
    expect(headerAreaUnit('用地面积（亩）')).toBe('mu');
    expect(headerAreaUnit('用地面积(平方米)')).toBe('m2');
    expect(headerAreaUnit('建筑面积（万平方米）')).toBe('wan_m2');
    expect(headerAreaUnit('建筑面积/万㎡')).toBe('wan_m2');
    expect(headerAreaUnit('占地面积（公顷）')).toBe('ha');
    expect(headerAreaUnit('Floor area (m²)')).toBe('m2');
  });
  it('names none for a header without a unit or with another one', () => {
    expect(headerAreaUnit('用地面积')).toBeUndefined();
    expect(headerAreaUnit('总投资（万元）')).toBeUndefined();
    expect(headerAreaUnit('备注（平方米以上）')).toBeUndefined();
  });
});

describe('splitAreaText', () => {
  it('takes the unit written after the number, the longest spelling first', () => {
    expect(splitAreaText('1.2万平方米')).toEqual({ number: '1.2', unit: 'wan_m2' });
    expect(splitAreaText('5000平方米')).toEqual({ number: '5000', unit: 'm2' });
    expect(splitAreaText('100亩')).toEqual({ number: '100', unit: 'mu' });
    expect(splitAreaText('2公顷')).toEqual({ number: '2', unit: 'ha' });
    expect(splitAreaText('35.5')).toEqual({ number: '35.5', unit: undefined });
  });
});

describe('convertArea', () => {
  it('converts exactly, rounding once to the hundredth', () => {
    expect(convertArea('1.2', 'wan_m2', 'm2')).toBe(12_000);
    expect(convertArea('2', 'ha', 'mu')).toBe(30);
    expect(convertArea('6666.67', 'm2', 'mu')).toBe(10);
    expect(convertArea('10000', 'm2', 'mu')).toBe(15);
    expect(convertArea('1', 'mu', 'm2')).toBe(666.67);
    expect(convertArea('3', 'mu', 'm2')).toBe(2_000);
    expect(convertArea('0.015', 'mu', 'mu')).toBe(0.02);
    expect(convertArea('-1', 'wan_m2', 'm2')).toBe(-10_000);
  });
  it('is NaN for text that is not a decimal', () => {
    expect(convertArea('abc', 'mu', 'm2')).toBeNaN();
    expect(convertArea('.', 'mu', 'm2')).toBeNaN();
    expect(convertArea('', 'mu', 'm2')).toBeNaN();
  });
});
