import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChildCode } from './codes';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

describe('checkChildCode', () => {
  it('accepts the examples of the real table', () => {
    expect(checkChildCode({ code: '370000', level: 'province' }, '370100')).toEqual({ ok: true, level: 'city' });
    expect(checkChildCode({ code: '370100', level: 'city' }, '370105')).toEqual({ ok: true, level: 'district' });
    expect(checkChildCode({ code: '370105', level: 'district' }, '370105018')).toEqual({ ok: true, level: 'street' });
    expect(checkChildCode({ code: '441900', level: 'city' }, '441900003')).toEqual({ ok: true, level: 'street' });
  });

  it('refuses codes that do not extend the parent', () => {
    expect(checkChildCode({ code: '370105', level: 'district' }, '370102001').ok).toBe(false);
    expect(checkChildCode({ code: '370105', level: 'district' }, '370105000').ok).toBe(false);
    expect(checkChildCode({ code: '370105', level: 'district' }, '370106').ok).toBe(false);
    expect(checkChildCode({ code: '370100', level: 'city' }, '370200').ok).toBe(false);
    expect(checkChildCode({ code: '370000', level: 'province' }, '370101').ok).toBe(false);
    expect(checkChildCode({ code: '370105001', level: 'street' }, '370105001')).toEqual({ ok: false, reason: 'parent_is_street' });
  });

  it('always gives a street to a district parent plus 3 non-zero digits', () => {
    fc.assert(
      fc.property(digits(6), digits(3), (parent, suffix) => {
        const result = checkChildCode({ code: parent, level: 'district' }, `${parent}${suffix}`);
        expect(result).toEqual(suffix === '000' ? { ok: false, reason: 'code_not_under_parent' } : { ok: true, level: 'street' });
      }),
    );
  });

  it('never accepts a code that does not share the parent’s prefix', () => {
    fc.assert(
      fc.property(
        digits(6),
        fc.oneof(digits(6), digits(9)),
        fc.constantFrom('province' as const, 'city' as const, 'district' as const),
        (parent, code, level) => {
          const prefix = level === 'province' ? 2 : level === 'city' ? 4 : 6;
          fc.pre(code.slice(0, prefix) !== parent.slice(0, prefix));
          expect(checkChildCode({ code: parent, level }, code).ok).toBe(false);
        },
      ),
    );
  });
});
