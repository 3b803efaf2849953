import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CUSTOM_NUMBER_MAX,
  CUSTOM_TEXT_MAX,
  type CustomFieldDef,
  type CustomValue,
  customFieldLabel,
  fieldsForCategory,
  formatCustomValue,
  parseCustomValue,
  validateCustomValues,
} from './custom-fields';

const def = (overrides: Partial<CustomFieldDef> & Pick<CustomFieldDef, 'key' | 'type'>): CustomFieldDef => ({
  label: overrides.key,
  labelEn: overrides.key,
  options: [],
  required: false,
  categoryCode: null,
  sortOrder: 0,
  ...overrides,
});

// An industrial district's fields: one for every project, three for industrial projects only, one for urban renewal.
const PHASE = def({ key: 'phase', type: 'choice', options: ['一期', '二期', '三期'], label: '建设期次', labelEn: 'Phase', sortOrder: 1 });
const CAPACITY = def({ key: 'capacity_t', type: 'number', categoryCode: 'industrial', sortOrder: 2 });
const SIGNED_ON = def({ key: 'signed_on', type: 'date', categoryCode: 'industrial', required: true, sortOrder: 3 });
const INVESTOR = def({ key: 'investor_note', type: 'text', categoryCode: 'industrial', sortOrder: 4 });
const HOUSEHOLDS = def({ key: 'households', type: 'number', categoryCode: 'urban_renewal', sortOrder: 1 });
const DEFS = [INVESTOR, HOUSEHOLDS, SIGNED_ON, PHASE, CAPACITY];

const problemsOf = (categoryCode: string | null, values: Record<string, unknown>) => {
  const result = validateCustomValues(DEFS, categoryCode, values);
  return 'problems' in result ? result.problems : [];
};

describe('fieldsForCategory', () => {
  it("gives a category's own fields and the fields of every category, in display order", () => {
    expect(fieldsForCategory(DEFS, 'industrial').map((d) => d.key)).toEqual(['phase', 'capacity_t', 'signed_on', 'investor_note']);
    expect(fieldsForCategory(DEFS, 'urban_renewal').map((d) => d.key)).toEqual(['households', 'phase']);
    expect(fieldsForCategory(DEFS, null).map((d) => d.key)).toEqual(['phase']);
    expect(fieldsForCategory(DEFS, 'livelihood').map((d) => d.key)).toEqual(['phase']);
  });
});

describe('validateCustomValues', () => {
  it('answers the values in stored form: trimmed, empties and nulls dropped', () => {
    const result = validateCustomValues(DEFS, 'industrial', {
      phase: ' 二期 ',
      capacity_t: 12.5,
      signed_on: '2025-03-01',
      investor_note: '  签约方：某集团  ',
      households: null,
    });
    expect(result).toEqual({ values: { phase: '二期', capacity_t: 12.5, signed_on: '2025-03-01', investor_note: '签约方：某集团' } });
    expect(validateCustomValues(DEFS, null, { phase: '', capacity_t: null })).toEqual({ values: {} });
  });

  it('refuses a value of the wrong kind, naming the field and what is wrong', () => {
    expect(problemsOf('industrial', { signed_on: '2025-03-01', capacity_t: '12', phase: 2, investor_note: 7 })).toEqual([
      { key: 'phase', code: 'not_in_options', params: { options: '一期、二期、三期' } },
      { key: 'capacity_t', code: 'not_number', params: {} },
      { key: 'investor_note', code: 'not_text', params: {} },
    ]);
  });

  it('refuses a choice outside the options, a date that is no calendar day, numbers out of range, text too long', () => {
    const base = { signed_on: '2025-03-01' };
    expect(problemsOf('industrial', { ...base, phase: '四期' })[0]).toMatchObject({ key: 'phase', code: 'not_in_options' });
    expect(problemsOf('industrial', { signed_on: '2025-02-29' })).toEqual([{ key: 'signed_on', code: 'not_date', params: {} }]);
    expect(problemsOf('industrial', { signed_on: '2025/03/01' })[0]?.code).toBe('not_date');
    expect(problemsOf('industrial', { signed_on: '1899-12-31' })[0]).toMatchObject({ code: 'out_of_range', params: { min: '1900-01-01' } });
    expect(problemsOf('industrial', { ...base, capacity_t: CUSTOM_NUMBER_MAX * 10 })[0]).toMatchObject({ code: 'out_of_range' });
    expect(problemsOf('industrial', { ...base, capacity_t: Number.NaN })[0]?.code).toBe('not_number');
    expect(problemsOf('industrial', { ...base, capacity_t: Number.POSITIVE_INFINITY })[0]?.code).toBe('not_number');
    expect(problemsOf('industrial', { ...base, investor_note: 'x'.repeat(CUSTOM_TEXT_MAX + 1) })[0]).toEqual({
      key: 'investor_note',
      code: 'too_long',
      params: { max: CUSTOM_TEXT_MAX },
    });
    expect(problemsOf('industrial', { ...base, investor_note: 'x'.repeat(CUSTOM_TEXT_MAX) })).toEqual([]);
  });

  it('asks for a required field of the category, and only of that category', () => {
    expect(problemsOf('industrial', {})).toEqual([{ key: 'signed_on', code: 'required', params: {} }]);
    expect(problemsOf('industrial', { signed_on: '   ' })).toEqual([{ key: 'signed_on', code: 'required', params: {} }]);
    expect(problemsOf('urban_renewal', {})).toEqual([]);
  });

  it("refuses unknown keys and another category's fields, but lets a null clear them", () => {
    expect(problemsOf('urban_renewal', { capacity_t: 3, nonsense: 'x' })).toEqual([
      { key: 'capacity_t', code: 'unknown_field', params: {} },
      { key: 'nonsense', code: 'unknown_field', params: {} },
    ]);
    expect(validateCustomValues(DEFS, 'urban_renewal', { capacity_t: null, households: 40 })).toEqual({ values: { households: 40 } });
  });

  it('does not read inherited properties as values', () => {
    expect(problemsOf('industrial', JSON.parse('{"signed_on":"2025-01-01","__proto__":{"phase":"四期"}}'))).toEqual([
      { key: '__proto__', code: 'unknown_field', params: {} },
    ]);
  });

  const anyValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.date().map((d) => d.toString()),
  );
  const anyValues = fc.dictionary(fc.constantFrom('phase', 'capacity_t', 'signed_on', 'investor_note', 'households', 'other'), anyValue);

  it('property: what it accepts, it accepts again unchanged (normalising is idempotent)', () => {
    fc.assert(
      fc.property(fc.constantFrom('industrial', 'urban_renewal', null), anyValues, (category, values) => {
        const first = validateCustomValues(DEFS, category, values);
        if ('values' in first) expect(validateCustomValues(DEFS, category, first.values)).toEqual(first);
      }),
    );
  });

  it('property: every field in error is named exactly once, and a valid answer holds only fields of the category', () => {
    fc.assert(
      fc.property(fc.constantFrom('industrial', 'urban_renewal', null), anyValues, (category, values) => {
        const result = validateCustomValues(DEFS, category, values);
        const allowed = new Set(fieldsForCategory(DEFS, category).map((d) => d.key));
        if ('problems' in result) {
          const keys = result.problems.map((p) => p.key);
          expect(new Set(keys).size).toBe(keys.length);
        } else {
          for (const key of Object.keys(result.values)) expect(allowed.has(key)).toBe(true);
        }
      }),
    );
  });
});

describe('spreadsheet cells: formatCustomValue and parseCustomValue', () => {
  const parse = (field: CustomFieldDef, cell: Parameters<typeof parseCustomValue>[1]) => parseCustomValue(field, cell);

  it('writes values as a person reads them', () => {
    expect(formatCustomValue(CAPACITY, 12.5)).toBe('12.5');
    expect(formatCustomValue(CAPACITY, 0.1 + 0.2)).toBe('0.3');
    expect(formatCustomValue(CAPACITY, 123456789012)).toBe('123456789012');
    expect(formatCustomValue(CAPACITY, -0.000125)).toBe('-0.000125');
    expect(formatCustomValue(SIGNED_ON, '2025-03-01')).toBe('2025-03-01');
    expect(formatCustomValue(PHASE, '二期')).toBe('二期');
    expect(formatCustomValue(PHASE, undefined)).toBe('');
    expect(formatCustomValue(INVESTOR, null)).toBe('');
  });

  it('reads what sheets hold: empty cells, typed numbers, number text, dates in the usual spellings', () => {
    expect(parse(CAPACITY, '   ')).toEqual({ value: null });
    expect(parse(CAPACITY, null)).toEqual({ value: null });
    expect(parse(CAPACITY, 42)).toEqual({ value: 42 });
    expect(parse(CAPACITY, ' 1,234.5 ')).toEqual({ value: 1234.5 });
    expect(parse(CAPACITY, '１２３')).toEqual({ value: 123 });
    expect(parse(CAPACITY, '十二')).toMatchObject({ problem: { key: 'capacity_t', code: 'not_number' } });
    expect(parse(CAPACITY, '1e400')).toMatchObject({ problem: { code: 'not_number' } });
    expect(parse(SIGNED_ON, new Date(Date.UTC(2025, 2, 1)))).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, 45717)).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, '2025/3/1')).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, '2025.03.01')).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, '2025年3月1日')).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, '２０２５年３月１日')).toEqual({ value: '2025-03-01' });
    expect(parse(SIGNED_ON, '2025-02-30')).toMatchObject({ problem: { code: 'not_date' } });
    expect(parse(SIGNED_ON, 45717.5)).toMatchObject({ problem: { code: 'not_date' } });
    expect(parse(SIGNED_ON, 10_000_000)).toMatchObject({ problem: { code: 'not_date' } });
    expect(parse(SIGNED_ON, new Date(Number.NaN))).toMatchObject({ problem: { code: 'not_date' } });
    expect(parse(PHASE, ' 三期 ')).toEqual({ value: '三期' });
    expect(parse(PHASE, '四期')).toMatchObject({ problem: { code: 'not_in_options' } });
    expect(parse(INVESTOR, 12)).toEqual({ value: '12' });
  });

  const validValue = (field: CustomFieldDef): fc.Arbitrary<CustomValue> => {
    switch (field.type) {
      case 'number':
        return fc.oneof(
          fc.integer(),
          fc.double({ min: -1e12, max: 1e12, noNaN: true }).map((n) => Number(n.toPrecision(12))),
        );
      case 'date':
        return fc
          .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      case 'choice':
        return fc.constantFrom(...field.options);
      case 'text':
        return fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s !== '');
    }
  };

  it('property: a value written to a cell reads back as the same value', () => {
    for (const field of [PHASE, CAPACITY, SIGNED_ON, INVESTOR]) {
      fc.assert(
        fc.property(validValue(field), (value) => {
          expect(parseCustomValue(field, formatCustomValue(field, value))).toEqual({ value: value === 0 ? 0 : value });
        }),
      );
    }
  });

  it('property: whatever a cell holds, reading it never throws and answers a value the rules accept or a problem', () => {
    const anyCell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.date(), fc.constant(null));
    fc.assert(
      fc.property(fc.constantFrom(PHASE, CAPACITY, SIGNED_ON, INVESTOR), anyCell, (field, cell) => {
        const read = parseCustomValue(field, cell);
        if ('value' in read && read.value !== null) {
          expect(validateCustomValues([field], field.categoryCode, { [field.key]: read.value })).toEqual({
            values: { [field.key]: read.value },
          });
        }
      }),
    );
  });
});

it("customFieldLabel gives the label in the reader's language", () => {
  expect(customFieldLabel(PHASE, 'zh-CN')).toBe('建设期次');
  expect(customFieldLabel(PHASE, 'en-US')).toBe('Phase');
});
