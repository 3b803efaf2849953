import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ADMIN_ONLY_PERMISSIONS, PERMISSIONS, ROLE_CODES } from '../../../common/permissions';
import { roles } from '../../db/schema';
import { type Client, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type RoleJson = {
  code: string;
  name: string;
  permissions: string[];
  defaultScope: string;
  version: number;
  abilities: Record<string, boolean>;
};

/** What each built-in role may do out of the box, written out by hand so that a change to the defaults is deliberate. */
const ALL_PROJECT = PERMISSIONS.filter((p) => p.startsWith('project.'));
const ALL_REPORT = PERMISSIONS.filter((p) => p.startsWith('report.'));
const ALL_MATTER = PERMISSIONS.filter((p) => p.startsWith('matter.'));
const ALL_TARGET = PERMISSIONS.filter((p) => p.startsWith('target.'));
const READ_PROJECTS = ['project.read', 'project.export'];
const EXPECTED_DEFAULTS: Record<string, { scope: string; permissions: string[] }> = {
  admin: { scope: 'region', permissions: [...PERMISSIONS] },
  project_office: {
    scope: 'region',
    permissions: [
      'region.read',
      'unit.read',
      'user.read',
      'dictionary.read',
      'audit.read',
      'token.manage',
      'notification.manage',
      ...ALL_PROJECT,
      ...ALL_REPORT,
      ...ALL_MATTER,
      ...ALL_TARGET,
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
    ],
  },
  unit_staff: {
    scope: 'unit',
    permissions: [
      'region.read',
      'unit.read',
      'dictionary.read',
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
      'visit.read',
      'visit.manage',
    ],
  },
  leader: {
    scope: 'own',
    permissions: [
      'region.read',
      'unit.read',
      'user.read',
      'dictionary.read',
      ...READ_PROJECTS,
      'report.read',
      'matter.read',
      'matter.create',
      'target.read',
      'enterprise.read',
      'lead.read',
      'visit.read',
      'policy.read',
      'chain.read',
      'carrier.read',
    ],
  },
  investment_staff: {
    scope: 'unit_tree',
    permissions: [
      'region.read',
      'unit.read',
      'dictionary.read',
      ...READ_PROJECTS,
      'project.create',
      'report.read',
      'target.read',
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
    ],
  },
  supervisor: {
    scope: 'region',
    permissions: [
      'region.read',
      'unit.read',
      'user.read',
      'dictionary.read',
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
      'chain.read',
      'carrier.read',
    ],
  },
};
/** The only writes each role may make out of the box (besides the administrator, who may make all). */
const EXPECTED_WRITES: Record<string, string[]> = {
  project_office: [
    'token.manage',
    'notification.manage',
    'project.create',
    'project.update',
    'report.fill',
    'report.review',
    'report.manage_period',
    'matter.create',
    'matter.handle',
    'matter.review',
    'target.manage',
    'target.enter',
    'enterprise.manage',
    'opportunity.manage',
    'opportunity.review',
    'lead.manage',
    'visit.manage',
    'policy.manage',
    'chain.manage',
    'carrier.manage',
  ],
  // A unit enters the actuals of the indicators and the progress of the pledges it owns, and records its visits.
  unit_staff: ['project.update', 'report.fill', 'matter.handle', 'target.enter', 'visit.manage'],
  // A leader raises his instructions (批示), the inspector his findings (督查): the one write each makes.
  leader: ['matter.create'],
  // The investment staff (招商) keep the enterprise register, the chain maps and the carriers with the project office,
  // visit and push policies, draft, review and publish the city opportunity list (城市机会清单), and work the leads.
  investment_staff: [
    'project.create',
    'enterprise.manage',
    'opportunity.manage',
    'opportunity.review',
    'lead.manage',
    'visit.manage',
    'policy.manage',
    'chain.manage',
    'carrier.manage',
  ],
  supervisor: ['matter.create'],
};

const WRITE_ACTIONS = /\.(create|update|delete|manage|reset_password|fill|review|manage_period|handle|enter)$/;

describeEachDatabase('roles API', (t) => {
  let admin: Client;
  let office: Client;
  let unitStaff: Client;

  const roleOf = async (code: string): Promise<RoleJson> => (await admin.get(`/api/v1/roles/${code}`)).json();
  /** Edits a role for one test and puts it back afterwards, so the other tests see the defaults. */
  const withRole = async (code: string, permissions: string[], body: () => Promise<void>) => {
    const original = await roleOf(code);
    const changed = await admin.patch(`/api/v1/roles/${code}`, { permissions, version: original.version });
    expect(changed.statusCode).toBe(200);
    try {
      await body();
    } finally {
      const restored = await admin.patch(`/api/v1/roles/${code}`, { permissions: original.permissions, version: changed.json().version });
      expect(restored.statusCode).toBe(200);
    }
  };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
  });

  const endpoints = [
    (c: Client) => c.get('/api/v1/roles'),
    (c: Client) => c.get('/api/v1/roles/leader'),
    (c: Client) => c.get('/api/v1/permissions'),
    (c: Client) => c.patch('/api/v1/roles/leader', { permissions: ['unit.read'], version: 1 }),
  ];

  it('answers 401 on every endpoint when signed out', async () => {
    for (const call of endpoints) {
      const response = await call(anonymous(t().app));
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('unauthenticated');
    }
  });

  it('answers 403 on every endpoint to roles without role.read / role.update', async () => {
    for (const client of [unitStaff, office]) {
      for (const call of endpoints) {
        const response = await call(client);
        expect(response.statusCode).toBe(403);
        expect(errorOf(response).code).toBe('forbidden');
      }
    }
    expect((await roleOf('leader')).version).toBe(1);
  });

  it('grants each of the six roles exactly its default permissions and scope', async () => {
    const items: RoleJson[] = (await admin.get('/api/v1/roles')).json().items;
    expect(items.map((r) => r.code)).toEqual([...ROLE_CODES]);
    for (const role of items) {
      const expected = EXPECTED_DEFAULTS[role.code];
      expect([...role.permissions].sort(), role.code).toEqual([...(expected?.permissions ?? [])].sort());
      expect(role.defaultScope, role.code).toBe(expected?.scope);
    }
    const byCode = Object.fromEntries(items.map((r) => [r.code, r.permissions]));
    // The supervisor only watches, and raises his inspection findings (督查): nothing else that creates, changes, deletes or resets.
    expect(byCode.supervisor?.filter((p) => WRITE_ACTIONS.test(p))).toEqual(['matter.create']);
    for (const code of ROLE_CODES.filter((c) => c !== 'admin')) {
      // Out of the box only the administrator changes shared data; the others write only their own business records.
      expect(
        byCode[code]?.filter((p) => WRITE_ACTIONS.test(p)),
        code,
      ).toEqual(EXPECTED_WRITES[code]);
      expect(
        byCode[code]?.filter((p) => (ADMIN_ONLY_PERMISSIONS as string[]).includes(p)),
        code,
      ).toEqual([]);
      expect(byCode[code], code).not.toContain('role.read');
    }
  });

  it('lists roles with their names in the reader’s language and what the reader may do', async () => {
    const zh: RoleJson[] = (await admin.get('/api/v1/roles')).json().items;
    expect(zh.find((r) => r.code === 'supervisor')?.name).toBe('督查观察');
    expect(zh[0]?.abilities).toEqual({ update: true });
    const one = await admin.get('/api/v1/roles/investment_staff');
    expect(one.json()).toMatchObject({ code: 'investment_staff', name: '招商人员', defaultScope: 'unit_tree', version: 1 });
    await admin.patch('/api/v1/auth/preferences', { locale: 'en-US' });
    try {
      const en: RoleJson[] = (await admin.get('/api/v1/roles')).json().items;
      expect(en.find((r) => r.code === 'supervisor')?.name).toBe('Supervisor (read-only)');
      expect((await admin.get('/api/v1/roles/leader')).json().name).toBe('Leader in charge');
    } finally {
      await admin.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
  });

  it('lists every permission split into resource and action', async () => {
    const items = (await admin.get('/api/v1/permissions')).json().items;
    expect(items).toHaveLength(PERMISSIONS.length);
    expect(items).toContainEqual({ name: 'user.reset_password', resource: 'user', action: 'reset_password' });
    expect(items).toContainEqual({ name: 'role.update', resource: 'role', action: 'update' });
  });

  it('answers 400 naming the field for an unknown role or permission', async () => {
    const unknownRole = await admin.get('/api/v1/roles/emperor');
    expect(unknownRole.statusCode).toBe(400);
    expect(errorOf(unknownRole).details?.[0]?.path).toBe('params.code');
    const unknownPermission = await admin.patch('/api/v1/roles/leader', {
      permissions: ['unit.read', 'world.rule'],
      version: 1,
      extra: true,
    });
    expect(unknownPermission.statusCode).toBe(400);
    expect(errorOf(unknownPermission).details?.map((d) => d.path)).toEqual(expect.arrayContaining(['permissions.1', 'extra']));
    const missingVersion = await admin.patch('/api/v1/roles/leader', { permissions: [] });
    expect(errorOf(missingVersion).details?.[0]?.path).toBe('version');
  });

  it('keeps the administrator-only permissions on the admin role, and role.update on it', async () => {
    const leader = await roleOf('leader');
    for (const permission of ADMIN_ONLY_PERMISSIONS) {
      const response = await admin.patch('/api/v1/roles/leader', {
        permissions: [...leader.permissions, permission],
        version: leader.version,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).details?.[0]).toMatchObject({ path: 'permissions', message: `权限 ${permission} 只能授予管理员角色` });
    }
    const adminRole = await roleOf('admin');
    const lockOut = await admin.patch('/api/v1/roles/admin', {
      permissions: adminRole.permissions.filter((p) => p !== 'role.update'),
      version: adminRole.version,
    });
    expect(lockOut.statusCode).toBe(400);
    expect(errorOf(lockOut).details?.[0]?.path).toBe('permissions');
    const [row] = await t().database.db.select().from(roles).where(eq(roles.code, 'admin'));
    expect(row?.permissions).toContain('role.update');
    expect(row?.version).toBe(adminRole.version);
  });

  it('updates a role with its version, stores it in canonical order, and audits before and after', async () => {
    const original = await roleOf('investment_staff');
    const response = await admin.patch(
      '/api/v1/roles/investment_staff',
      { permissions: ['user.read', ...original.permissions, 'user.read'], defaultScope: 'unit', version: original.version },
      { 'if-match': `"${original.version}"` },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ defaultScope: 'unit', version: original.version + 1 });
    const [row] = await t().database.db.select().from(roles).where(eq(roles.code, 'investment_staff'));
    expect(row?.permissions).toEqual(PERMISSIONS.filter((p) => p === 'user.read' || original.permissions.includes(p)));
    expect(row?.defaultScope).toBe('unit');
    const event = await lastAuditEvent(t().database, 'roles.update', 'investment_staff');
    expect(event).toMatchObject({ recordType: 'role', actorName: 'admin' });
    expect(event?.before).toEqual({ permissions: original.permissions, defaultScope: 'unit_tree', requireTotp: false });
    expect(event?.after).toEqual({ permissions: row?.permissions, defaultScope: 'unit', requireTotp: false });

    const stale = await admin.patch('/api/v1/roles/investment_staff', { permissions: original.permissions, version: original.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const restored = await admin.patch('/api/v1/roles/investment_staff', {
      permissions: original.permissions,
      defaultScope: 'unit_tree',
      version: original.version + 1,
    });
    expect(restored.statusCode).toBe(200);
  });

  it('changes what a signed-in holder of the role can do on the very next request', async () => {
    const viewer = await signInAs(t().app, 'viewer');
    expect((await viewer.get('/api/v1/roles')).statusCode).toBe(403);
    const supervisor = await roleOf('supervisor');
    await withRole('supervisor', [...supervisor.permissions, 'role.read'], async () => {
      const allowed = await viewer.get('/api/v1/roles');
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().items[0].abilities).toEqual({ update: false });
      expect((await viewer.get('/api/v1/auth/me')).json().permissions).toContain('role.read');
    });
    expect((await viewer.get('/api/v1/roles')).statusCode).toBe(403);
    await withRole(
      'supervisor',
      supervisor.permissions.filter((p) => p !== 'unit.read'),
      async () => {
        expect((await viewer.get('/api/v1/units')).statusCode).toBe(403);
      },
    );
    expect((await viewer.get('/api/v1/units')).statusCode).toBe(200);
  });
});
