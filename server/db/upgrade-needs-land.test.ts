import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../test/databases';
import { databaseKinds } from '../test/harness';
import { type Database, createPglite, openDatabase } from './client';
import { loadMigrations, migrate, rowsOf } from './migrate';
import { ensureReferenceData } from './reference-data';
import { projects, units } from './schema';

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
      // Written with the columns of the schema before 0032 (no later column: the tables are as they were then).
      type Before = { needsLand?: boolean; landSecured?: boolean; landAreaMu?: number; pool?: string };
      const project = async (name: string, values: Before) => {
        const [row] = rowsOf<{ id: string; version: number }>(
          await db.execute(sql`insert into projects (region_code, name, lead_unit_id, needs_land, land_secured, land_area_mu, pool)
            values ('370105', ${name}, ${unit?.id ?? ''}, ${values.needsLand ?? false}, ${values.landSecured ?? false},
              ${values.landAreaMu ?? null}, ${values.pool ?? 'planning'})
            returning id, version`),
        );
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
      await db.execute(sql`insert into audit_events (action, record_type, record_id, region_code, before, after) values
        ('projects.update', 'project', ${saidNo.id}, '370105', '{"needsLand":true}', '{"needsLand":false}'),
        ('projects.update', 'project', ${otherChange.id}, '370105', '{"contactName":null}', '{"contactName":"王工"}')`);

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
      const [fresh] = await db
        .insert(projects)
        .values({ regionCode: '370105', name: '升级后新建', leadUnitId: unit?.id ?? '' })
        .returning({ id: projects.id });
      if (!fresh) throw new Error('no project');
      const [stored] = await db.select({ needsLand: projects.needsLand }).from(projects).where(eq(projects.id, fresh.id));
      expect(stored?.needsLand).toBeNull();
    } finally {
      await drop();
    }
  }, 120_000);
}
