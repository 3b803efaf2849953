/**
 * Permission names (`resource.action`) and the built-in roles. Shared by the server (enforcement) and the web
 * page (hiding what a user cannot do). Adding a permission here is the only way to create one.
 */
export const PERMISSIONS = [
  'region.read',
  'region.manage',
  'unit.read',
  'unit.create',
  'unit.update',
  'unit.delete',
  'user.read',
  'user.create',
  'user.update',
  'user.reset_password',
  'role.read',
  'role.update',
  'dictionary.read',
  'dictionary.manage',
  'audit.read',
  'setting.read',
  'setting.update',
  'token.manage',
  'notification.manage',
  'notification.read_log',
  'project.read',
  'project.create',
  'project.update',
  'project.govern',
  'project.move',
  'project.move_back',
  'project.plan',
  'project.annual_plan',
  'project.freeze_plan',
  'project.import',
  'project.export',
  'project.configure',
  'custom_field.manage',
  'report.read',
  'report.fill',
  'report.review',
  'report.manage_period',
  'matter.read',
  'matter.create',
  'matter.handle',
  'matter.review',
  'target.read',
  'target.manage',
  'target.enter',
  'enterprise.read',
  'enterprise.manage',
  'opportunity.read',
  'opportunity.manage',
  'opportunity.review',
  'lead.read',
  'lead.manage',
  'visit.read',
  'visit.manage',
  'policy.read',
  'policy.manage',
  'chain.read',
  'chain.manage',
  'carrier.read',
  'carrier.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_CODES = ['admin', 'project_office', 'unit_staff', 'leader', 'investment_staff', 'supervisor'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** RuoYi-style data scopes: which records of a resource a user may see. */
export const DATA_SCOPES = ['region', 'unit_tree', 'unit', 'own', 'custom'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

const READ_REFERENCE: Permission[] = ['region.read', 'unit.read', 'dictionary.read'];
const READ_PROJECTS: Permission[] = ['project.read', 'project.export'];
const ALL_PROJECT: Permission[] = PERMISSIONS.filter((p) => p.startsWith('project.'));
// Monthly progress reports (工作台账): everyone who reads projects reads the reports of the projects he sees; units
// fill their projects' reports; the project office also opens and closes the periods and reviews the reports.
const ALL_REPORT: Permission[] = PERMISSIONS.filter((p) => p.startsWith('report.'));
// Matters (问题协调, the closed loop): the project office does everything; units handle what is assigned to them;
// leaders raise their instructions (批示) and inspectors their findings (督查).
const ALL_MATTER: Permission[] = PERMISSIONS.filter((p) => p.startsWith('matter.'));
// Targets (目标考核: indicators, pledges, 民生实事): the project office sets them; a unit enters the actuals and progress of
// what it owns; leaders and the inspection office read them.
const ALL_TARGET: Permission[] = PERMISSIONS.filter((p) => p.startsWith('target.'));
// The enterprise register (企业库): the project office and the investment staff (招商) keep it; leaders and the
// inspection office read it.
const ALL_ENTERPRISE: Permission[] = ['enterprise.read', 'enterprise.manage'];
// The city opportunity list (城市机会清单): the investment staff (招商) draft, review and publish it, and so may the
// project office (which grants the investment staff's role, so must hold what it holds).
const ALL_OPPORTUNITY: Permission[] = ['opportunity.read', 'opportunity.manage', 'opportunity.review'];
// Leads (招商线索): the investment staff and the project office work them; leaders and the inspection office read them.
const ALL_LEAD: Permission[] = ['lead.read', 'lead.manage'];
// Enterprise service: units record their own visits to enterprises (走访) and read the register to pick them; the
// register's keepers (project office, investment staff) read every visit of the district. The service centre (the
// same two by default) drafts and pushes preferential policies (惠企政策); leaders and the inspection office read them.
const ALL_VISIT: Permission[] = ['visit.read', 'visit.manage'];
const ALL_POLICY: Permission[] = ['policy.read', 'policy.manage'];
// Industry-chain maps (产业链图谱) and carriers (载体: parks, buildings, parcels): the investment staff and the project
// office keep them; leaders and the inspection office read them.
const ALL_ATTRACTION_MAPS: Permission[] = ['chain.read', 'chain.manage', 'carrier.read', 'carrier.manage'];
const READ_ATTRACTION_MAPS: Permission[] = ['chain.read', 'carrier.read'];

/** The permissions each built-in role starts with; the administrator can edit them afterwards. */
export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, Permission[]> = {
  admin: [...PERMISSIONS],
  project_office: [
    ...READ_REFERENCE,
    'user.read',
    'audit.read',
    'token.manage',
    'notification.manage',
    ...ALL_PROJECT,
    ...ALL_REPORT,
    ...ALL_MATTER,
    ...ALL_TARGET,
    ...ALL_ENTERPRISE,
    ...ALL_OPPORTUNITY,
    ...ALL_LEAD,
    ...ALL_VISIT,
    ...ALL_POLICY,
    ...ALL_ATTRACTION_MAPS,
  ],
  // A unit imports updates of its own projects (project.update in its scope, row by row).
  unit_staff: [
    ...READ_REFERENCE,
    ...READ_PROJECTS,
    'project.update',
    'project.plan',
    'project.import',
    'report.read',
    'report.fill',
    'matter.read',
    'matter.handle',
    'target.read',
    'target.enter',
    'enterprise.read',
    ...ALL_VISIT,
  ],
  leader: [
    ...READ_REFERENCE,
    'user.read',
    ...READ_PROJECTS,
    'report.read',
    'matter.read',
    'matter.create',
    'target.read',
    'enterprise.read',
    'lead.read',
    'visit.read',
    'policy.read',
    ...READ_ATTRACTION_MAPS,
  ],
  investment_staff: [
    ...READ_REFERENCE,
    ...READ_PROJECTS,
    'project.create',
    'report.read',
    'target.read',
    ...ALL_ENTERPRISE,
    ...ALL_OPPORTUNITY,
    ...ALL_LEAD,
    ...ALL_VISIT,
    ...ALL_POLICY,
    ...ALL_ATTRACTION_MAPS,
  ],
  supervisor: [
    ...READ_REFERENCE,
    'user.read',
    'audit.read',
    ...READ_PROJECTS,
    'report.read',
    'matter.read',
    'matter.create',
    'target.read',
    'enterprise.read',
    'lead.read',
    'visit.read',
    'policy.read',
    ...READ_ATTRACTION_MAPS,
  ],
};

/** The data scope a new user of each role gets unless the administrator chooses another. */
export const DEFAULT_ROLE_SCOPE: Record<RoleCode, DataScope> = {
  admin: 'region',
  project_office: 'region',
  unit_staff: 'unit',
  leader: 'own',
  investment_staff: 'unit_tree',
  supervisor: 'region',
};

/** Permissions that only the administrator role may hold, so that editing a role cannot escalate another. */
export const ADMIN_ONLY_PERMISSIONS: Permission[] = ['role.update', 'setting.update', 'region.manage'];

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);
