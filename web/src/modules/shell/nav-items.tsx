import {
  AccountBookOutlined,
  AlertOutlined,
  DashboardOutlined,
  ApartmentOutlined,
  AimOutlined,
  CompassOutlined,
  AuditOutlined,
  BankOutlined,
  BorderOutlined,
  InteractionOutlined,
  NodeIndexOutlined,
  FlagOutlined,
  HeartOutlined,
  ShopOutlined,
  CarOutlined,
  GiftOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FormOutlined,
  FileDoneOutlined,
  IssuesCloseOutlined,
  FundProjectionScreenOutlined,
  BulbOutlined,
  RiseOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../../common/permissions';
import type { MessageKey } from '../../i18n';

export type NavKey =
  | 'home'
  | 'projects'
  | 'annualPlan'
  | 'warnings'
  | 'map'
  | 'reportPeriods'
  | 'myReports'
  | 'matters'
  | 'opportunities'
  | 'leads'
  | 'leadEvents'
  | 'enterprises'
  | 'landEfficiency'
  | 'visits'
  | 'policies'
  | 'targets'
  | 'scores'
  | 'pledges'
  | 'livelihood'
  | 'chains'
  | 'parks'
  | 'parcels'
  | 'carrierMatch'
  | 'reportReview'
  | 'units'
  | 'users'
  | 'roles'
  | 'regions'
  | 'dictionaries'
  | 'customFields'
  | 'gates'
  | 'planTemplates'
  | 'audit'
  | 'settings'
  | 'tokens';

/** The side menu's sections (项目管理, 月度调度, 招商引资, 企业服务, 目标考核, 系统管理). */
export type NavGroup = 'projectWork' | 'monthly' | 'attraction' | 'service' | 'assessment' | 'system';

export type NavItem = {
  key: NavKey;
  /** The section the item belongs to when the menu is long enough to be grouped; 首页 stands alone. */
  group?: NavGroup;
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
  {
    key: 'projects',
    group: 'projectWork',
    path: '/projects',
    permission: 'project.read',
    label: 'nav.projects',
    icon: <FundProjectionScreenOutlined />,
  },
  // 年度计划: the year's annual plans of the reader's scope by project, unit, category and month, and who owes one.
  {
    key: 'annualPlan',
    group: 'projectWork',
    path: '/annual-plan',
    permission: 'project.read',
    label: 'nav.annualPlan',
    icon: <AccountBookOutlined />,
  },
  { key: 'warnings', group: 'projectWork', path: '/warnings', permission: 'project.read', label: 'nav.warnings', icon: <AlertOutlined /> },
  { key: 'map', group: 'projectWork', path: '/map', permission: 'project.read', label: 'nav.map', icon: <GlobalOutlined /> },
  // 月度填报: the project office (and readers such as leaders) see the periods; units fill in their own reports.
  {
    key: 'reportPeriods',
    group: 'monthly',
    path: '/reporting-periods',
    permission: 'report.read',
    label: 'nav.reportPeriods',
    icon: <CalendarOutlined />,
    shownTo: (p) => p.includes('report.manage_period') || !p.includes('report.fill'),
  },
  {
    key: 'myReports',
    group: 'monthly',
    path: '/my-reports',
    permission: 'report.fill',
    label: 'nav.myReports',
    icon: <EditOutlined />,
    shownTo: (p) => !p.includes('report.manage_period'),
  },
  {
    key: 'reportReview',
    group: 'monthly',
    path: '/report-review',
    permission: 'report.review',
    label: 'nav.reportReview',
    icon: <FileDoneOutlined />,
  },
  { key: 'matters', group: 'monthly', path: '/matters', permission: 'matter.read', label: 'nav.matters', icon: <IssuesCloseOutlined /> },
  {
    key: 'opportunities',
    group: 'attraction',
    path: '/opportunities',
    permission: 'opportunity.read',
    label: 'nav.opportunities',
    icon: <BulbOutlined />,
  },
  { key: 'leads', group: 'attraction', path: '/leads', permission: 'lead.read', label: 'nav.leads', icon: <RiseOutlined /> },
  {
    key: 'leadEvents',
    group: 'attraction',
    path: '/lead-events',
    permission: 'lead.read',
    label: 'nav.leadEvents',
    icon: <CompassOutlined />,
  },
  {
    key: 'enterprises',
    group: 'service',
    path: '/enterprises',
    permission: 'enterprise.read',
    label: 'nav.enterprises',
    icon: <ShopOutlined />,
  },
  {
    key: 'landEfficiency',
    group: 'service',
    path: '/land-efficiency',
    permission: 'enterprise.read',
    label: 'nav.landEfficiency',
    icon: <DashboardOutlined />,
  },
  { key: 'visits', group: 'service', path: '/visits', permission: 'visit.read', label: 'nav.visits', icon: <CarOutlined /> },
  { key: 'policies', group: 'service', path: '/policies', permission: 'policy.read', label: 'nav.policies', icon: <GiftOutlined /> },
  { key: 'targets', group: 'assessment', path: '/targets', permission: 'target.read', label: 'nav.targets', icon: <AimOutlined /> },
  { key: 'scores', group: 'assessment', path: '/scores', permission: 'target.read', label: 'nav.scores', icon: <TrophyOutlined /> },
  { key: 'pledges', group: 'assessment', path: '/pledges', permission: 'target.read', label: 'nav.pledges', icon: <FlagOutlined /> },
  {
    key: 'livelihood',
    group: 'assessment',
    path: '/livelihood',
    permission: 'target.read',
    label: 'nav.livelihood',
    icon: <HeartOutlined />,
  },
  // 招商: the chain maps and the carriers (parks and buildings, parcels, matching a need).
  { key: 'chains', group: 'attraction', path: '/chains', permission: 'chain.read', label: 'nav.chains', icon: <NodeIndexOutlined /> },
  { key: 'parks', group: 'attraction', path: '/parks', permission: 'carrier.read', label: 'nav.parks', icon: <BankOutlined /> },
  { key: 'parcels', group: 'attraction', path: '/parcels', permission: 'carrier.read', label: 'nav.parcels', icon: <BorderOutlined /> },
  {
    key: 'carrierMatch',
    group: 'attraction',
    path: '/carrier-match',
    permission: 'carrier.read',
    label: 'nav.carrierMatch',
    icon: <InteractionOutlined />,
  },
  { key: 'units', group: 'system', path: '/units', permission: 'unit.read', label: 'nav.units', icon: <ApartmentOutlined /> },
  { key: 'users', group: 'system', path: '/users', permission: 'user.read', label: 'nav.users', icon: <TeamOutlined /> },
  { key: 'roles', group: 'system', path: '/roles', permission: 'role.read', label: 'nav.roles', icon: <SafetyCertificateOutlined /> },
  { key: 'regions', group: 'system', path: '/regions', permission: 'region.read', label: 'nav.regions', icon: <EnvironmentOutlined /> },
  {
    key: 'dictionaries',
    group: 'system',
    path: '/dictionaries',
    permission: 'dictionary.read',
    label: 'nav.dictionaries',
    icon: <BookOutlined />,
  },
  {
    key: 'customFields',
    group: 'system',
    path: '/custom-fields',
    permission: 'custom_field.manage',
    label: 'nav.customFields',
    icon: <FormOutlined />,
  },
  {
    key: 'gates',
    group: 'system',
    path: '/project-gates',
    permission: 'project.configure',
    label: 'nav.gates',
    icon: <CheckSquareOutlined />,
  },
  {
    key: 'planTemplates',
    group: 'system',
    path: '/plan-templates',
    // The project office's configuration of the project library (as the pool gates): admin and project office.
    permission: 'project.configure',
    label: 'nav.planTemplates',
    icon: <ScheduleOutlined />,
  },
  { key: 'audit', group: 'system', path: '/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined /> },
  { key: 'settings', group: 'system', path: '/settings', permission: 'setting.read', label: 'nav.settings', icon: <SettingOutlined /> },
  { key: 'tokens', group: 'system', path: '/tokens', permission: 'token.manage', label: 'nav.tokens', icon: <KeyOutlined /> },
];

/** The sections in the order the menu shows them, with their names and icons. */
export const NAV_GROUPS: { key: NavGroup; label: MessageKey; icon: ReactNode }[] = [
  { key: 'projectWork', label: 'nav.group.projectWork', icon: <FundProjectionScreenOutlined /> },
  { key: 'monthly', label: 'nav.group.monthly', icon: <CalendarOutlined /> },
  { key: 'attraction', label: 'nav.group.attraction', icon: <RiseOutlined /> },
  { key: 'service', label: 'nav.group.service', icon: <ShopOutlined /> },
  { key: 'assessment', label: 'nav.group.assessment', icon: <AimOutlined /> },
  { key: 'system', label: 'nav.group.system', icon: <SettingOutlined /> },
];

/** Up to this many items the menu is one flat list (a unit's clerk, a leader); longer ones are grouped. */
export const FLAT_MENU_MAX = 10;

export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; group: NavGroup; items: NavItem[] };

/**
 * The menu as a person sees it: a short menu flat; a long one in sections (in NAV_GROUPS' order, after the items
 * without one), where a section holding a single item shows that item on its own.
 */
export function menuEntries(shown: readonly NavItem[]): NavEntry[] {
  if (shown.length <= FLAT_MENU_MAX) return shown.map((item) => ({ kind: 'item', item }));
  const loose: NavEntry[] = shown.filter((item) => !item.group).map((item) => ({ kind: 'item', item }));
  const grouped = NAV_GROUPS.map(({ key }): NavEntry | null => {
    const items = shown.filter((item) => item.group === key);
    if (items.length === 0) return null;
    return items.length === 1 ? { kind: 'item', item: items[0] as NavItem } : { kind: 'group', group: key, items };
  });
  return [...loose, ...grouped.filter((entry): entry is NavEntry => entry !== null)];
}

/** The menu item a location belongs to (the longest matching path). */
export function navKeyForPath(pathname: string): NavKey | undefined {
  const matches = NAV_ITEMS.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
