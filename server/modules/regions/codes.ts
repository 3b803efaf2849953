import type { Region } from '../../../common/schemas/organisation';

type Level = Region['level'];
type Parent = { code: string; level: Level };

/** Why a code cannot be a child of a parent, or the level the child gets. */
export type ChildCodeCheck = { ok: true; level: Level } | { ok: false; reason: 'parent_is_street' | 'code_not_under_parent' };

/**
 * Decides whether a GB/T 2260 code fits under a parent and which level it gets: a city shares the province's
 * first 2 digits, a district the city's first 4, and a street is the 6-digit parent code plus 3 digits.
 */
export function checkChildCode(parent: Parent, code: string): ChildCodeCheck {
  if (parent.level === 'street') return { ok: false, reason: 'parent_is_street' };
  const fail = { ok: false, reason: 'code_not_under_parent' } as const;
  if (code.length === 9) {
    // Streets sit under districts, and directly under the few cities without districts (东莞, 中山, 儋州).
    if (parent.level === 'province' || !code.startsWith(parent.code) || code.endsWith('000')) return fail;
    return { ok: true, level: 'street' };
  }
  if (code.length !== 6 || code === parent.code) return fail;
  if (parent.level === 'province') {
    const fits = code.slice(0, 2) === parent.code.slice(0, 2) && code.slice(2, 4) !== '00' && code.endsWith('00');
    return fits ? { ok: true, level: 'city' } : fail;
  }
  if (parent.level === 'city') {
    const fits = code.slice(0, 4) === parent.code.slice(0, 4) && !code.endsWith('00');
    return fits ? { ok: true, level: 'district' } : fail;
  }
  return fail;
}
