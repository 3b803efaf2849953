import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { NAV_GROUPS, NAV_ITEMS, type NavItem, menuEntries, navKeyForPath } from '../nav-items';

type NavMenuProps = {
  /** While an initial password must be changed, nothing but that page can be opened. */
  disabled: boolean;
  onNavigate?: () => void;
};

const groupKey = (group: string) => `group:${group}`;

/**
 * The side menu: only the screens the user holds the permission for; a long menu in sections, the section of the
 * page on screen open, the others opened with a click.
 */
export function NavMenu({ disabled, onNavigate }: NavMenuProps) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = navKeyForPath(location.pathname);

  const shown = NAV_ITEMS.filter(
    (item) => (!item.permission || me.permissions.includes(item.permission)) && (item.shownTo?.(me.permissions) ?? true),
  );
  const entries = menuEntries(shown);
  const currentGroup = entries.find((e) => e.kind === 'group' && e.items.some((item) => item.key === selected));
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  // Arriving on a page (from a link, a drill-down or the address) opens its section; sections opened stay open.
  const opening = currentGroup?.kind === 'group' ? groupKey(currentGroup.group) : null;
  useEffect(() => {
    if (opening) setOpenKeys((keys) => (keys.includes(opening) ? keys : [...keys, opening]));
  }, [opening]);

  const itemOf = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: t(item.label),
    disabled,
    'data-testid': `menu-${item.key}`,
  });
  const items: MenuProps['items'] = entries.map((entry) => {
    if (entry.kind === 'item') return itemOf(entry.item);
    const group = NAV_GROUPS.find((g) => g.key === entry.group);
    return {
      key: groupKey(entry.group),
      icon: group?.icon,
      label: group ? t(group.label) : entry.group,
      children: entry.items.map(itemOf),
      'data-testid': `menu-group-${entry.group}`,
    };
  });

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      // Every item is in the page from the start, so finding one does not depend on its section having been opened.
      forceSubMenuRender
      onClick={({ key }) => {
        const target = NAV_ITEMS.find((item) => item.key === key);
        if (!target) return;
        navigate(target.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav-menu"
    />
  );
}
