import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, type Permission, ROLE_CODES } from '../../../../common/permissions';
import { FLAT_MENU_MAX, NAV_GROUPS, NAV_ITEMS, menuEntries } from './nav-items';

const shownTo = (permissions: readonly Permission[]) =>
  NAV_ITEMS.filter((item) => (!item.permission || permissions.includes(item.permission)) && (item.shownTo?.(permissions) ?? true));
const keysOf = (entries: ReturnType<typeof menuEntries>) =>
  entries.flatMap((e) => (e.kind === 'item' ? [e.item.key] : e.items.map((item) => item.key)));

describe('the side menu', () => {
  it('keeps a short menu flat', () => {
    const short = NAV_ITEMS.slice(0, FLAT_MENU_MAX);
    expect(menuEntries(short).every((e) => e.kind === 'item')).toBe(true);
  });

  it('groups a long menu into sections in their order, 首页 first, every item once', () => {
    const entries = menuEntries(NAV_ITEMS);
    expect(entries[0]).toEqual({ kind: 'item', item: NAV_ITEMS[0] });
    const groups = entries.flatMap((e) => (e.kind === 'group' ? [e.group] : []));
    expect(groups).toEqual(NAV_GROUPS.map((g) => g.key));
    expect(keysOf(entries).sort()).toEqual(NAV_ITEMS.map((item) => item.key).sort());
    // Short enough to read without scrolling: 首页 and the six sections.
    expect(entries).toHaveLength(1 + NAV_GROUPS.length);
  });

  it('shows a section holding one item as that item', () => {
    const long = NAV_ITEMS.filter((item) => item.group !== 'assessment' || item.key === 'targets');
    const entries = menuEntries(long);
    expect(entries).toContainEqual({ kind: 'item', item: NAV_ITEMS.find((item) => item.key === 'targets') });
    expect(entries.some((e) => e.kind === 'group' && e.group === 'assessment')).toBe(false);
  });

  it('every item but 首页 belongs to a section', () => {
    expect(NAV_ITEMS.filter((item) => !item.group).map((item) => item.key)).toEqual(['home']);
  });

  it('gives every role a menu of at most seven lines before any section is opened', () => {
    for (const role of ROLE_CODES) {
      const entries = menuEntries(shownTo(DEFAULT_ROLE_PERMISSIONS[role]));
      expect(entries.length, role).toBeLessThanOrEqual(7);
      expect(
        entries.some((e) => e.kind === 'group'),
        role,
      ).toBe(true);
    }
  });
});
