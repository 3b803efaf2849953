import { and, eq, isNull, sql } from 'drizzle-orm';
import { type DataScope, DEFAULT_ROLE_SCOPE, type RoleCode } from '../../common/permissions';
import { recordAudit, type SystemContext } from '../lib/audit';
import { generateOneTimePassword, hashPassword } from '../lib/passwords';
import type { Db, Executor } from './client';
import { regions, units, users } from './schema';

/** Finds or creates a top-level unit in a region; used by the `lantu` command to give the first admin a home. */
export async function ensureRootUnit(tx: Executor, regionCode: string, name: string): Promise<string> {
  const [existing] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), isNull(units.parentId), eq(units.name, name)));
  if (existing) return existing.id;
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new Error(`Unknown region code ${regionCode}`);
  const id = crypto.randomUUID();
  await tx.insert(units).values({ id, name, kind: 'other', regionCode, path: `${id}/` });
  return id;
}

export type NewAccount = {
  username: string;
  displayName: string;
  unitId: string;
  roleCode: RoleCode;
  password?: string;
  /** The account's data scope, when not its role's default. */
  dataScope?: DataScope;
};

/**
 * Creates an account from the command line or the demo seed. Without a given password, a one-time password is
 * generated, returned for printing once, and must be changed at first sign-in.
 */
export async function createAccount(
  db: Db,
  ctx: SystemContext,
  account: NewAccount,
): Promise<{ id: string; password: string; mustChange: boolean }> {
  const password = account.password ?? generateOneTimePassword();
  const mustChange = account.password === undefined;
  const passwordHash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        unitId: account.unitId,
        roleCode: account.roleCode,
        dataScope: account.dataScope ?? DEFAULT_ROLE_SCOPE[account.roleCode],
        passwordHash,
        mustChangePassword: mustChange,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, ctx, {
      action: 'users.create',
      recordType: 'user',
      recordId: row.id,
      after: { username: account.username, roleCode: account.roleCode, unitId: account.unitId },
    });
    return row.id;
  });
  return { id, password, mustChange };
}

export async function countUsers(db: Executor) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
