import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../test/databases';
import { databaseKinds } from '../test/harness';
import { type Database, createPglite, openDatabase } from './client';
import { loadMigrations, migrate } from './migrate';
import { ensureReferenceData } from './reference-data';
import { auditEvents, projects, units } from './schema';

// Migration 0032 (issue 13): 需要新增用地 becomes nullable — null = not stated. An installation's existing "no"s were
// mostly the old default, so they become "not stated" unless the audit log shows someone setting "no".

/** A fresh, empty database of the kind: PGlite in memory, or a new PostgreSQL database dropped afterwards. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pglite: await createPglite() });
    return { database, drop: () => database.close() };
  }
  const url = inject('postgresUrl');
  const name = `lantu_u_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

for (const kind of databaseKinds()) {
  it(`keeps 是 and a recorded 否, and turns every other 否 into 未填, on an installation from before (${kind})`, async () => {
    const { database, drop } = await emptyDatabase(kind);
    try {
      const migrations = loadMigrations();
      const upgrade = migrations.findIndex((m) => m.tag === '0032_needs_land_stated');
      expect(upgrade).toBeGreaterThan(0);
      await migrate(database, migrations.slice(0, upgrade));
      await ensureReferenceData(database.db);
      const db = database.db;

      const [unit] = await db
        .insert(units)
        .values({ name: '用地升级测试单位', kind: 'bureau', regionCode: '370105', path: '' })
        .returning({ id: units.id });
      const project = async (name: string, values: Partial<typeof projects.$inferInsert>) => {
        const [row] = await db
          .insert(projects)
          .values({ regionCode: '370105', name, leadUnitId: unit?.id ?? '', ...values })
          .returning({ id: projects.id, version: projects.version });
        if (!row) throw new Error('no project');
        return row;
      };
      const needs = await project('需要用地', { needsLand: true, landSecured: true, landAreaMu: 50 });
      const untouched = await project('从未填写', {});
      const saidNo = await project('明确不需要', { needsLand: false });
      const otherChange = await project('改过别的字段', { needsLand: false });
      const filledLand = await project('用地字段有值', { needsLand: false, landSecured: true, landAreaMu: 30 });
      const building = await project('在建项目', { needsLand: false, pool: 'implementing' });
      // Someone unticked 需要新增用地 on one project; another's only recorded change is its contact.
      await db.insert(auditEvents).values([
        {
          action: 'projects.update',
          recordType: 'project',
          recordId: saidNo.id,
          regionCode: '370105',
          before: { needsLand: true },
          after: { needsLand: false },
        },
        {
          action: 'projects.update',
          recordType: 'project',
          recordId: otherChange.id,
          regionCode: '370105',
          before: { contactName: null },
          after: { contactName: '王工' },
        },
      ]);

      await migrate(database, migrations);

      const ids = [needs, untouched, saidNo, otherChange, filledLand, building].map((p) => p.id);
      const rows = await db
        .select({ id: projects.id, needsLand: projects.needsLand, landSecured: projects.landSecured, version: projects.version })
        .from(projects)
        .where(inArray(projects.id, ids));
      const of = (id: string) => rows.find((r) => r.id === id);
      expect(of(needs.id)).toMatchObject({ needsLand: true, landSecured: true, version: needs.version });
      expect(of(saidNo.id)).toMatchObject({ needsLand: false, version: saidNo.version });
      for (const unstated of [untouched, otherChange, filledLand, building]) {
        // Not stated, at a new version (an edit form open on the old "no" reloads); the land fields beside it are kept.
        expect(of(unstated.id)).toMatchObject({ needsLand: null, version: unstated.version + 1 });
      }
      expect(of(filledLand.id)?.landSecured).toBe(true);

      // From now on a project written without it is "not stated", not "no".
      const fresh = await project('升级后新建', {});
      const [stored] = await db.select({ needsLand: projects.needsLand }).from(projects).where(eq(projects.id, fresh.id));
      expect(stored?.needsLand).toBeNull();
    } finally {
      await drop();
    }
  }, 120_000);
}
