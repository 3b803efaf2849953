import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { NAV_ITEMS, navKeyForPath } from '../nav-items';

type NavMenuProps = {
  /** While an initial password must be changed, nothing but that page can be opened. */
  disabled: boolean;
  onNavigate?: () => void;
};

/** The side menu: only the screens the user holds the permission for. */
export function NavMenu({ disabled, onNavigate }: NavMenuProps) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = navKeyForPath(location.pathname);

  const shown = NAV_ITEMS.filter(
    (item) => (!item.permission || me.permissions.includes(item.permission)) && (item.shownTo?.(me.permissions) ?? true),
  );
  const items = shown.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: t(item.label),
    disabled,
    'data-testid': `menu-${item.key}`,
  }));

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
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
