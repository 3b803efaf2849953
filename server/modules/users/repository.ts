import { and, asc, count, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuery } from '../../../common/schemas/organisation';
import type { Executor } from '../../db/client';
import { roles, units, userScopeUnits, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { dataScopeCondition } from '../../lib/scope';

// The password hash and the second-factor secrets never leave the database through this module.
const {
  passwordHash: _passwordHash,
  totpSecret: _totpSecret,
  totpRecoveryHashes: _totpRecoveryHashes,
  totpLastStep: _totpLastStep,
  ...userColumns
} = getTableColumns(users);
const selection = { ...userColumns, unitName: units.name, regionCode: units.regionCode, rolePermissions: roles.permissions };

type SelectedRow = Omit<typeof users.$inferSelect, 'passwordHash' | 'totpSecret' | 'totpRecoveryHashes' | 'totpLastStep'> & {
  unitName: string;
  regionCode: string;
  rolePermissions: string[];
};
export type UserRow = SelectedRow & { scopeUnitIds: string[] };

/** Users the actor may see: by the unit they belong to, and only oneself under the `own` scope. */
const visible = (actor: Actor): SQL => dataScopeCondition(actor, { unitId: users.unitId, ownerId: users.id });

const baseQuery = (db: Executor) =>
  db.select(selection).from(users).innerJoin(units, eq(units.id, users.unitId)).innerJoin(roles, eq(roles.code, users.roleCode));

/** Adds each user's custom-scope units, in one query for the whole page. */
async function withScopeUnits(db: Executor, rows: SelectedRow[]): Promise<UserRow[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.select().from(userScopeUnits).where(inArray(userScopeUnits.userId, ids)).orderBy(asc(userScopeUnits.unitId))
    : [];
  return rows.map((r) => ({ ...r, scopeUnitIds: links.filter((l) => l.userId === r.id).map((l) => l.unitId) }));
}

export async function listUsers(db: Executor, actor: Actor, query: z.infer<typeof userListQuery>) {
  const where = and(
    visible(actor),
    query.q ? or(ilike(users.username, containsPattern(query.q)), ilike(users.displayName, containsPattern(query.q))) : undefined,
    query.unitId ? eq(users.unitId, query.unitId) : undefined,
    query.roleCode ? eq(users.roleCode, query.roleCode) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
  );
  const order = orderFor(
    query.sort,
    { username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt },
    [asc(users.username)],
    users.id,
  );
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(...order)
      .limit(pageWindow(query).limit)
      .offset(pageWindow(query).offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: await withScopeUnits(db, rows), total: total?.n ?? 0 };
}

/** One user, or null when it does not exist or lies outside the actor's scope. */
export async function findUser(db: Executor, actor: Actor, id: string): Promise<UserRow | null> {
  const [row] = await baseQuery(db).where(and(eq(users.id, id), visible(actor)));
  return row ? ((await withScopeUnits(db, [row]))[0] ?? null) : null;
}

/** A user the actor has just written, read back whatever the actor's scope (an `own`-scoped creator cannot see it). */
export async function loadWrittenUser(db: Executor, id: string): Promise<UserRow> {
  const [row] = await baseQuery(db).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
  const [result] = await withScopeUnits(db, [row]);
  return result ?? { ...row, scopeUnitIds: [] };
}

/** True when the username is taken, ignoring case (the unique index is on lower(username)). */
export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return !!row;
}

/** How many of these units the actor may see, by the same data-scope rule the units module applies. */
export async function countVisibleUnits(db: Executor, actor: Actor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(units)
    .where(and(inArray(units.id, [...ids]), dataScopeCondition(actor, { unitId: units.id })));
  return row?.n ?? 0;
}
