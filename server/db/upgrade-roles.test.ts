import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, ROLE_CODES, type RoleCode } from '../../common/permissions';
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

it('gives the administrator and the project office of an installation from before notifications their notification permissions, once', async () => {
  const database = migrated ?? (await openDatabase({ pglite: await createPglite() }));
  if (!migrated) await migrate(database, loadMigrations());
  migrated = database;
  await database.db.delete(roles);
  const earlier = (code: RoleCode) => DEFAULT_ROLE_PERMISSIONS[code].filter((p) => !p.startsWith('notification.'));
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
  const rows = new Map((await database.db.select().from(roles)).map((r) => [r.code, r]));
  expect(rows.get('admin')?.permissions).toEqual(expect.arrayContaining(['notification.manage', 'notification.read_log']));
  expect(rows.get('project_office')?.permissions).toContain('notification.manage');
  expect(rows.get('project_office')?.permissions).not.toContain('notification.read_log');
  for (const code of ['unit_staff', 'leader', 'investment_staff', 'supervisor'] as const) {
    expect(
      rows.get(code)?.permissions.filter((p) => p.startsWith('notification.')),
      code,
    ).toEqual([]);
  }
  // Taken away afterwards, it stays away.
  await database.db
    .update(roles)
    .set({ permissions: rows.get('project_office')?.permissions.filter((p) => p !== 'notification.manage') })
    .where(eq(roles.code, 'project_office'));
  await ensureReferenceData(database.db);
  const [office] = await database.db.select().from(roles).where(eq(roles.code, 'project_office'));
  expect(office?.permissions).not.toContain('notification.manage');
}, 60_000);

it('gives every role of an installation from before matters its matter permissions, once', async () => {
  const database = migrated ?? (await openDatabase({ pglite: await createPglite() }));
  if (!migrated) await migrate(database, loadMigrations());
  migrated = database;
  await database.db.delete(roles);
  const earlier = (code: RoleCode) => DEFAULT_ROLE_PERMISSIONS[code].filter((p) => !p.startsWith('matter.'));
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
  const rows = new Map((await database.db.select().from(roles)).map((r) => [r.code, r]));
  const matterPermissions = (code: RoleCode) =>
    rows
      .get(code)
      ?.permissions.filter((p) => p.startsWith('matter.'))
      .sort();
  expect(matterPermissions('admin')).toEqual(['matter.create', 'matter.handle', 'matter.read', 'matter.review']);
  expect(matterPermissions('project_office')).toEqual(['matter.create', 'matter.handle', 'matter.read', 'matter.review']);
  expect(matterPermissions('unit_staff')).toEqual(['matter.handle', 'matter.read']);
  expect(matterPermissions('leader')).toEqual(['matter.create', 'matter.read']);
  expect(matterPermissions('supervisor')).toEqual(['matter.create', 'matter.read']);
  expect(matterPermissions('investment_staff')).toEqual([]);
  // Taken away afterwards, it stays away.
  await database.db
    .update(roles)
    .set({ permissions: rows.get('leader')?.permissions.filter((p) => p !== 'matter.create') })
    .where(eq(roles.code, 'leader'));
  await ensureReferenceData(database.db);
  const [leader] = await database.db.select().from(roles).where(eq(roles.code, 'leader'));
  expect(leader?.permissions).not.toContain('matter.create');
}, 60_000);
