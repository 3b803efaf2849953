import { sealAuditChain } from '../lib/audit-chain';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { createAccount, ensureRootUnit } from '../db/accounts';
import { createPglite, type Database, openDatabase } from '../db/client';
import { seedDemo } from '../db/demo';
import { migrate } from '../db/migrate';
import { ensureReferenceData } from '../db/reference-data';
import { users } from '../db/schema';
import { seedSecondFactor } from './totp-seed';

export type DatabaseKind = 'pglite' | 'postgres';

/** Every demo user signs in with this password in tests; nobody must change it. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';
/** The instance secret of every test app (it keys sessions and encrypts second-factor secrets). */
export const TEST_SESSION_SECRET = 'test-secret-that-is-long-enough-0123456789';
/** A second district (历下区) with its own administrator, for proving that other regions' data stays invisible. */
export const OTHER_REGION = { code: '370102', adminUsername: 'lixia_admin' } as const;

/** Fills a fresh database the way every test expects: schema, reference data, the demo district, a second district. */
export async function prepareTemplate(database: Database) {
  await migrate(database);
  await ensureReferenceData(database.db);
  await seedDemo(database.db, TEST_PASSWORD, TEST_SESSION_SECRET);
  const unitId = await database.db.transaction((tx) => ensureRootUnit(tx, OTHER_REGION.code, '历下区大数据局'));
  await createAccount(
    database.db,
    { ip: null, requestId: null },
    { username: OTHER_REGION.adminUsername, displayName: '历下管理员', unitId, roleCode: 'admin', password: TEST_PASSWORD },
  );
  await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, OTHER_REGION.adminUsername));
  // Administrators must sign in with a second factor; signInAs passes it with the stored secret.
  for (const admin of ['admin', OTHER_REGION.adminUsername]) await seedSecondFactor(database.db, TEST_SESSION_SECRET, admin);
  // As a served database is a second after its writes: every event so far sealed into the audit chain.
  await sealAuditChain(database.db);
}

/** Builds the PGlite template once per test run and saves it as a data-dir dump. */
export async function buildPgliteTemplate(file: string) {
  const client = await createPglite();
  const database = await openDatabase({ pglite: client });
  await prepareTemplate(database);
  const dump = await client.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}

/** Builds the PostgreSQL template database once per test run. */
export async function buildPostgresTemplate(adminUrl: string, name: string) {
  await adminQuery(adminUrl, `drop database if exists ${name}`);
  await adminQuery(adminUrl, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name) });
  try {
    await prepareTemplate(database);
  } finally {
    await database.close();
  }
}

export async function adminQuery(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A private copy of the template for one test file: PGlite in memory, or a PostgreSQL database cloned from it. */
export async function openTestDatabase(
  kind: DatabaseKind,
  template: { pgliteFile: string; postgresUrl?: string; postgresTemplate?: string },
): Promise<Database> {
  if (kind === 'pglite') {
    const blob = new Blob([await readFile(template.pgliteFile)]);
    return openDatabase({ pglite: await createPglite(undefined, { loadDataDir: blob }) });
  }
  if (!template.postgresUrl || !template.postgresTemplate) throw new Error('PostgreSQL tests need LANTU_TEST_DATABASE_URL');
  const name = `lantu_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.postgresUrl, `create database ${name} template ${template.postgresTemplate}`);
  // LANTU_TEST_POOLER_URL (scripts/pgbouncer-test.sh): the app reaches its copy through PgBouncer in transaction mode,
  // the copies are still made and dropped directly.
  const pooler = process.env.LANTU_TEST_POOLER_URL;
  const database = await openDatabase({
    databaseUrl: withDatabase(pooler ?? template.postgresUrl, name),
    poolSize: 5,
    pooler: pooler ? 'transaction' : 'none',
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      // Forced: a pooler may still hold idle server connections to it.
      await adminQuery(template.postgresUrl as string, `drop database if exists ${name} with (force)`);
    },
  };
}
