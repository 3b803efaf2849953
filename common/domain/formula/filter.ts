import type { ProjectFilter } from './ast';

/*
 * For hosts that filter projects in memory (tests, the formula preview): whether one project passes a filter.
 * `field(name)` gives the project's value of a catalogue field — a number (元), a text, a list of tags or a boolean;
 * null when the project has none, which fails every comparison but !=.
 */
export type ProjectFieldValue = number | string | boolean | readonly string[] | null;

export function matchesProjectFilter(filter: ProjectFilter | null, field: (name: string) => ProjectFieldValue): boolean {
  if (filter === null) return true;
  switch (filter.op) {
    case 'and':
      return matchesProjectFilter(filter.left, field) && matchesProjectFilter(filter.right, field);
    case 'or':
      return matchesProjectFilter(filter.left, field) || matchesProjectFilter(filter.right, field);
    case 'not':
      return !matchesProjectFilter(filter.operand, field);
    case 'compare': {
      const actual = field(filter.field);
      const equal = Array.isArray(actual) ? actual.includes(filter.value as string) : actual === filter.value;
      if (filter.comparison === '=') return equal;
      if (filter.comparison === '!=') return !equal;
      if (typeof actual !== 'number' || typeof filter.value !== 'number') return false;
      if (filter.comparison === '<') return actual < filter.value;
      if (filter.comparison === '<=') return actual <= filter.value;
      if (filter.comparison === '>') return actual > filter.value;
      return actual >= filter.value;
    }
  }
}
