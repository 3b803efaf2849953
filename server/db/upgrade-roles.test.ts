import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, type Permission, ROLE_CODES, type RoleCode } from '../../common/permissions';
import { type Database, createPglite, openDatabase } from './client';
import { loadMigrations, migrate } from './migrate';
import { ensureReferenceData } from './reference-data';
import { roles } from './schema';

let migrated: Database | undefined;
afterAll(async () => {
  await migrated?.close();
});

it('gives the roles of an earlier release what this release adds to their defaults, once, and never what the administrator took away', async () => {
  const database = await openDatabase({ pglite: await createPglite() });
  const migrations = loadMigrations();
  const before = migrations.findIndex((m) => m.tag === '0005_role_granted_defaults');
  expect(before).toBeGreaterThan(0);
  await migrate(database, migrations.slice(0, before));
  // The unit-staff role as the earlier release made it, and as its administrator then edited it: no imports yet
  // (this release adds project.import to its defaults), and planning taken away.
  const earlierDefaults = DEFAULT_ROLE_PERMISSIONS.unit_staff.filter((p) => p !== 'project.import');
  // (The earlier schema has no granted_defaults column, so the row is written in plain SQL.)
  const kept = earlierDefaults.filter((p) => p !== 'project.plan');
  await database.db.execute(
    sql`insert into roles (code, name, name_en, permissions, default_scope) values ('unit_staff', '责任单位', 'Unit staff', ${`{${kept.join(',')}}`}::text[], 'unit')`,
  );
  await migrate(database, migrations);
  await ensureReferenceData(database.db);
  const unitStaff = async () => (await database.db.select().from(roles).where(eq(roles.code, 'unit_staff')))[0];
  const upgraded = await unitStaff();
  expect(upgraded?.permissions).toContain('project.import');
  expect(upgraded?.permissions).not.toContain('project.plan');
  expect(upgraded?.version).toBe(2);

  // Taken away after the upgrade, it stays away through later starts.
  await database.db
    .update(roles)
    .set({ permissions: upgraded?.permissions.filter((p) => p !== 'project.import') })
    .where(eq(roles.code, 'unit_staff'));
  await ensureReferenceData(database.db);
  expect((await unitStaff())?.permissions).not.toContain('project.import');
  expect((await unitStaff())?.version).toBe(2);
  // A role created by this release starts with every default, marked granted.
  const [admin] = await database.db.select().from(roles).where(eq(roles.code, 'admin'));
  expect(admin?.permissions).toEqual(DEFAULT_ROLE_PERMISSIONS.admin);
  expect(admin?.grantedDefaults).toEqual(DEFAULT_ROLE_PERMISSIONS.admin);
  // Kept for the next test: a database with every migration and the regions loaded takes a while to build.
  migrated = database;
}, 60_000);

it('gives every role of an installation from before the monthly reports its report permissions, once', async () => {
  // The previous test's database when it ran (its roles are replaced), else a new one.
  const database = migrated ?? (await openDatabase({ pglite: await createPglite() }));
  if (!migrated) await migrate(database, loadMigrations());
  migrated = database;
  await database.db.delete(roles);
  // The six roles as the release before reports left them: its defaults, all granted, the office's audit.read taken
  // away by the administrator.
  const earlier = (code: RoleCode) => DEFAULT_ROLE_PERMISSIONS[code].filter((p) => !p.startsWith('report.'));
  for (const code of ROLE_CODES) {
    const permissions = earlier(code).filter((p) => !(code === 'project_office' && p === 'audit.read'));
    await database.db.insert(roles).values({
      code,
      name: code,
      nameEn: code,
      permissions,
      grantedDefaults: earlier(code),
      defaultScope: DEFAULT_ROLE_SCOPE[code],
    });
  }
  await ensureReferenceData(database.db);
  const rows = new Map((await database.db.select().from(roles)).map((r) => [r.code, r]));
  for (const code of ROLE_CODES) {
    const added = DEFAULT_ROLE_PERMISSIONS[code].filter((p) => p.startsWith('report.'));
    expect(added.length, code).toBeGreaterThan(0);
    expect(rows.get(code)?.permissions, code).toEqual(expect.arrayContaining(added));
    expect(rows.get(code)?.grantedDefaults, code).toEqual(expect.arrayContaining(added));
    expect(rows.get(code)?.version, code).toBe(2);
  }
  expect(rows.get('project_office')?.permissions).toEqual(
    expect.arrayContaining(['report.read', 'report.fill', 'report.review', 'report.manage_period']),
  );
  expect(rows.get('project_office')?.permissions).not.toContain('audit.read');
  expect(rows.get('unit_staff')?.permissions).not.toContain('report.review');
  expect(rows.get('supervisor')?.permissions.filter((p) => p.startsWith('report.'))).toEqual(['report.read']);
  // Taken away afterwards, a report permission stays away.
  await database.db
    .update(roles)
    .set({ permissions: rows.get('unit_staff')?.permissions.filter((p) => p !== 'report.fill') })
    .where(eq(roles.code, 'unit_staff'));
  await ensureReferenceData(database.db);
  const [unitStaff] = await database.db.select().from(roles).where(eq(roles.code, 'unit_staff'));
  expect(unitStaff?.permissions).not.toContain('report.fill');
}, 60_000);

/**
 * The roles of an installation from the release before the permissions `isNew` picks: that release's defaults without
 * them, all granted as defaults then. Answers, after this release's start-up, the new permissions each role holds, and
 * a way to take one away and start again.
 */
async function upgradedFrom(isNew: (permission: string) => boolean) {
  const database = migrated ?? (await openDatabase({ pglite: await createPglite() }));
  if (!migrated) await migrate(database, loadMigrations());
  migrated = database;
  await database.db.delete(roles);
  const earlier = (code: RoleCode) => DEFAULT_ROLE_PERMISSIONS[code].filter((p) => !isNew(p));
  for (const code of ROLE_CODES) {
    await database.db.insert(roles).values({
      code,
      name: code,
      nameEn: code,
      permissions: earlier(code),
      grantedDefaults: earlier(code),
      defaultScope: DEFAULT_ROLE_SCOPE[code],
    });
  }
  await ensureReferenceData(database.db);
  const permissionsOf = async (code: RoleCode) =>
    (await database.db.select().from(roles).where(eq(roles.code, code)))[0]?.permissions ?? [];
  const after = new Map(await Promise.all(ROLE_CODES.map(async (code) => [code, await permissionsOf(code)] as const)));
  return {
    granted: (code: RoleCode) => (after.get(code) ?? []).filter(isNew).sort(),
    /** Takes the permission from the role, starts again, and answers what the role holds then. */
    takeAway: async (code: RoleCode, permission: Permission) => {
      await database.db
        .update(roles)
        .set({ permissions: (after.get(code) ?? []).filter((p) => p !== permission) })
        .where(eq(roles.code, code));
      await ensureReferenceData(database.db);
      return permissionsOf(code);
    },
  };
}

const startsWithAny =
  (...prefixes: string[]) =>
  (permission: string) =>
    prefixes.some((prefix) => permission.startsWith(prefix));

/** What each release added, whom it went to (sorted), and one permission an administrator then takes back. */
const RELEASES: {
  what: string;
  isNew: (permission: string) => boolean;
  granted: Record<RoleCode, string[]>;
  takeAway: [RoleCode, Permission];
}[] = [
  {
    what: 'notifications',
    isNew: startsWithAny('notification.'),
    granted: {
      admin: ['notification.manage', 'notification.read_log'],
      project_office: ['notification.manage'],
      unit_staff: [],
      leader: [],
      investment_staff: [],
      supervisor: [],
    },
    takeAway: ['project_office', 'notification.manage'],
  },
  {
    what: 'matters',
    isNew: startsWithAny('matter.'),
    granted: {
      admin: ['matter.create', 'matter.handle', 'matter.read', 'matter.review'],
      project_office: ['matter.create', 'matter.handle', 'matter.read', 'matter.review'],
      unit_staff: ['matter.handle', 'matter.read'],
      leader: ['matter.create', 'matter.read'],
      investment_staff: [],
      supervisor: ['matter.create', 'matter.read'],
    },
    takeAway: ['leader', 'matter.create'],
  },
  {
    what: 'targets',
    isNew: startsWithAny('target.'),
    granted: {
      admin: ['target.enter', 'target.manage', 'target.read'],
      project_office: ['target.enter', 'target.manage', 'target.read'],
      unit_staff: ['target.enter', 'target.read'],
      leader: ['target.read'],
      investment_staff: ['target.read'],
      supervisor: ['target.read'],
    },
    takeAway: ['unit_staff', 'target.enter'],
  },
  {
    // Units record their own visits, picking the enterprise from the register.
    what: 'the enterprise register, visits and policies',
    isNew: startsWithAny('enterprise.', 'visit.', 'policy.'),
    granted: {
      admin: ['enterprise.manage', 'enterprise.read', 'policy.manage', 'policy.read', 'visit.manage', 'visit.read'],
      project_office: ['enterprise.manage', 'enterprise.read', 'policy.manage', 'policy.read', 'visit.manage', 'visit.read'],
      unit_staff: ['enterprise.read', 'visit.manage', 'visit.read'],
      leader: ['enterprise.read', 'policy.read', 'visit.read'],
      investment_staff: ['enterprise.manage', 'enterprise.read', 'policy.manage', 'policy.read', 'visit.manage', 'visit.read'],
      supervisor: ['enterprise.read', 'policy.read', 'visit.read'],
    },
    takeAway: ['investment_staff', 'policy.manage'],
  },
  {
    what: 'the opportunity list',
    isNew: startsWithAny('opportunity.'),
    granted: {
      admin: ['opportunity.manage', 'opportunity.read', 'opportunity.review'],
      project_office: ['opportunity.manage', 'opportunity.read', 'opportunity.review'],
      unit_staff: [],
      leader: [],
      investment_staff: ['opportunity.manage', 'opportunity.read', 'opportunity.review'],
      supervisor: [],
    },
    takeAway: ['investment_staff', 'opportunity.review'],
  },
  {
    what: 'leads',
    isNew: startsWithAny('lead.'),
    granted: {
      admin: ['lead.manage', 'lead.read'],
      project_office: ['lead.manage', 'lead.read'],
      unit_staff: [],
      leader: ['lead.read'],
      investment_staff: ['lead.manage', 'lead.read'],
      supervisor: ['lead.read'],
    },
    takeAway: ['leader', 'lead.read'],
  },
  {
    what: 'chain maps and carriers',
    isNew: startsWithAny('chain.', 'carrier.'),
    granted: {
      admin: ['carrier.manage', 'carrier.read', 'chain.manage', 'chain.read'],
      project_office: ['carrier.manage', 'carrier.read', 'chain.manage', 'chain.read'],
      unit_staff: [],
      leader: ['carrier.read', 'chain.read'],
      investment_staff: ['carrier.manage', 'carrier.read', 'chain.manage', 'chain.read'],
      supervisor: ['carrier.read', 'chain.read'],
    },
    takeAway: ['leader', 'carrier.read'],
  },
];

for (const release of RELEASES) {
  it(`gives the roles of an installation from before ${release.what} their new permissions, once, and never one taken back`, async () => {
    const upgraded = await upgradedFrom(release.isNew);
    for (const code of ROLE_CODES) expect(upgraded.granted(code), code).toEqual(release.granted[code]);
    const [code, permission] = release.takeAway;
    expect(await upgraded.takeAway(code, permission)).not.toContain(permission);
  }, 60_000);
}
