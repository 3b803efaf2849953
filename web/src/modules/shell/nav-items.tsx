import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FormOutlined,
  FileDoneOutlined,
  IssuesCloseOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../../common/permissions';
import type { MessageKey } from '../../i18n';

export type NavKey =
  | 'home'
  | 'projects'
  | 'warnings'
  | 'reportPeriods'
  | 'myReports'
  | 'matters'
  | 'reportReview'
  | 'units'
  | 'users'
  | 'roles'
  | 'regions'
  | 'dictionaries'
  | 'customFields'
  | 'gates'
  | 'audit'
  | 'settings'
  | 'tokens';

export type NavItem = {
  key: NavKey;
  path: string;
  /** Needed to see the menu item and open the page; null: everyone signed in. */
  permission: Permission | null;
  label: MessageKey;
  icon: ReactNode;
  /** Whether the menu shows it to a holder of `permission` (the route stays open to him); shown unless told. */
  shownTo?: (permissions: readonly Permission[]) => boolean;
};

/** The side menu and the guarded routes, from one list so the two cannot disagree. */
export const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', permission: null, label: 'nav.home', icon: <HomeOutlined /> },
  { key: 'projects', path: '/projects', permission: 'project.read', label: 'nav.projects', icon: <FundProjectionScreenOutlined /> },
  { key: 'warnings', path: '/warnings', permission: 'project.read', label: 'nav.warnings', icon: <AlertOutlined /> },
  // 月度填报: the project office (and readers such as leaders) see the periods; units fill in their own reports.
  {
    key: 'reportPeriods',
    path: '/reporting-periods',
    permission: 'report.read',
    label: 'nav.reportPeriods',
    icon: <CalendarOutlined />,
    shownTo: (p) => p.includes('report.manage_period') || !p.includes('report.fill'),
  },
  {
    key: 'myReports',
    path: '/my-reports',
    permission: 'report.fill',
    label: 'nav.myReports',
    icon: <EditOutlined />,
    shownTo: (p) => !p.includes('report.manage_period'),
  },
  { key: 'reportReview', path: '/report-review', permission: 'report.review', label: 'nav.reportReview', icon: <FileDoneOutlined /> },
  { key: 'matters', path: '/matters', permission: 'matter.read', label: 'nav.matters', icon: <IssuesCloseOutlined /> },
  { key: 'units', path: '/units', permission: 'unit.read', label: 'nav.units', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/users', permission: 'user.read', label: 'nav.users', icon: <TeamOutlined /> },
  { key: 'roles', path: '/roles', permission: 'role.read', label: 'nav.roles', icon: <SafetyCertificateOutlined /> },
  { key: 'regions', path: '/regions', permission: 'region.read', label: 'nav.regions', icon: <EnvironmentOutlined /> },
  { key: 'dictionaries', path: '/dictionaries', permission: 'dictionary.read', label: 'nav.dictionaries', icon: <BookOutlined /> },
  {
    key: 'customFields',
    path: '/custom-fields',
    permission: 'custom_field.manage',
    label: 'nav.customFields',
    icon: <FormOutlined />,
  },
  { key: 'gates', path: '/project-gates', permission: 'project.configure', label: 'nav.gates', icon: <CheckSquareOutlined /> },
  { key: 'audit', path: '/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined /> },
  { key: 'settings', path: '/settings', permission: 'setting.read', label: 'nav.settings', icon: <SettingOutlined /> },
  { key: 'tokens', path: '/tokens', permission: 'token.manage', label: 'nav.tokens', icon: <KeyOutlined /> },
];

/** The menu item a location belongs to (the longest matching path). */
export function navKeyForPath(pathname: string): NavKey | undefined {
  const matches = NAV_ITEMS.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
