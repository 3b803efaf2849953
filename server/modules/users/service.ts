import { and, eq, isNull, sql } from 'drizzle-orm';
import { UNIQUE_VIOLATION, hasSqlState } from '../../db/errors';
import type { z } from 'zod';
import type { userCreateBody, userUpdateBody } from '../../../common/schemas/organisation';
import type { Executor, Tx } from '../../db/client';
import { apiTokens, sessions, userScopeUnits, users } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { generateOneTimePassword, hashPassword } from '../../lib/passwords';
import { setPassword } from '../auth';
import { assertManageable, assertUnitInScope, grantableRole, grantableScopeUnits } from './grants';
import { type UserRow, findUser, loadWrittenUser, usernameTaken } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof userCreateBody>;
type UpdateInput = z.infer<typeof userUpdateBody>;
export type UserWithPassword = { user: UserRow; oneTimePassword: string };

const auditable = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  phone: u.phone,
  email: u.email,
  unitId: u.unitId,
  roleCode: u.roleCode,
  dataScope: u.dataScope,
  scopeUnitIds: u.scopeUnitIds,
  status: u.status,
  mustChangePassword: u.mustChangePassword,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

async function replaceScopeUnits(tx: Executor, userId: string, unitIds: readonly string[]) {
  await tx.delete(userScopeUnits).where(eq(userScopeUnits.userId, userId));
  if (unitIds.length > 0) await tx.insert(userScopeUnits).values(unitIds.map((unitId) => ({ userId, unitId })));
}

/** Creates an account the actor may grant, with a one-time password that must be changed at first sign-in. */
export async function createUser({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: CreateInput }): Promise<UserWithPassword> {
  await assertUnitInScope(tx, ctx.actor, input.unitId);
  const role = await grantableRole(tx, ctx.actor, input.roleCode);
  const dataScope = input.dataScope ?? role.defaultScope;
  const scopeUnitIds = await grantableScopeUnits(tx, ctx.actor, dataScope, input.scopeUnitIds);
  if (await usernameTaken(tx, input.username)) throw conflict('user.duplicate_username', 'username');
  const oneTimePassword = generateOneTimePassword();
  const id = crypto.randomUUID();
  try {
    await tx.insert(users).values({
      id,
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      unitId: input.unitId,
      roleCode: input.roleCode,
      dataScope,
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
      createdBy: ctx.actor.userId,
    });
  } catch (error) {
    // Two administrators picking the same name at once: the unique index decides.
    if (hasSqlState(error, UNIQUE_VIOLATION)) throw conflict('user.duplicate_username', 'username');
    throw error;
  }
  await replaceScopeUnits(tx, id, scopeUnitIds);
  const created = await loadWrittenUser(tx, id);
  await recordAudit(tx, ctx, {
    action: 'users.create',
    recordType: 'user',
    recordId: id,
    regionCode: created.regionCode,
    after: auditable(created),
  });
  return { user: created, oneTimePassword };
}

/**
 * Updates an account. Role and data scope are permission changes and follow the same least-privilege rules as
 * creation; disabling ends the user's sessions and revokes their API tokens at once. A stale version answers 409.
 */
export async function updateUser({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: UpdateInput;
}): Promise<UserRow> {
  const { actor } = ctx;
  const current = await findUser(tx, actor, id);
  if (!current) throw notFound();
  await assertManageable(tx, actor, current);
  if (current.version !== input.version) throw staleVersion();
  const scopeUnitsRequested = input.scopeUnitIds === undefined ? null : [...new Set(input.scopeUnitIds)];
  const roleChanged = input.roleCode !== undefined && input.roleCode !== current.roleCode;
  const scopeRequested =
    (input.dataScope !== undefined && input.dataScope !== current.dataScope) ||
    (scopeUnitsRequested !== null && !sameSet(scopeUnitsRequested, current.scopeUnitIds));
  // Nobody edits their own access: it could not widen it (least privilege) but could lock the last administrator out.
  const isSelf = id === actor.userId;
  if (isSelf && (roleChanged || scopeRequested))
    throw invalidField(roleChanged ? 'roleCode' : 'dataScope', 'user.cannot_change_own_access');

  const unitId = input.unitId ?? current.unitId;
  if (unitId !== current.unitId) await assertUnitInScope(tx, actor, unitId);
  const newRole = input.roleCode && roleChanged ? await grantableRole(tx, actor, input.roleCode) : null;
  // A new role brings its default scope unless a scope is chosen with it.
  const dataScope = input.dataScope ?? newRole?.defaultScope ?? current.dataScope;
  const scopeChanged = scopeRequested || dataScope !== current.dataScope;
  const keptUnits = dataScope === 'custom' ? current.scopeUnitIds : undefined;
  const scopeUnitIds = scopeChanged
    ? await grantableScopeUnits(tx, actor, dataScope, scopeUnitsRequested ?? keptUnits)
    : current.scopeUnitIds;
  const status = input.status ?? current.status;
  if (isSelf && status === 'disabled') throw invalidField('status', 'user.cannot_disable_self');

  await updateAtVersion(
    tx,
    users,
    { key: users.id, keyValue: id, version: input.version },
    {
      displayName: input.displayName ?? current.displayName,
      phone: input.phone === undefined ? current.phone : input.phone,
      email: input.email === undefined ? current.email : input.email,
      unitId,
      roleCode: newRole?.code ?? current.roleCode,
      dataScope,
      status,
    },
  );
  if (scopeChanged) await replaceScopeUnits(tx, id, scopeUnitIds);
  if (current.status === 'active' && status === 'disabled') await cutOffAccess(tx, id);
  const result = await loadWrittenUser(tx, id);
  await recordAudit(tx, ctx, {
    action: 'users.update',
    recordType: 'user',
    recordId: id,
    regionCode: result.regionCode,
    ...changedFields(auditable(current), auditable(result)),
  });
  return result;
}

/** A disabled user loses every way in at once: sessions end and API tokens are revoked. */
async function cutOffAccess(tx: Executor, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Gives the user a new one-time password, signs them out everywhere, and makes them choose their own at next sign-in. */
export async function resetUserPassword({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }): Promise<UserWithPassword> {
  const current = await findUser(tx, ctx.actor, id);
  if (!current) throw notFound();
  await assertManageable(tx, ctx.actor, current);
  const oneTimePassword = generateOneTimePassword();
  await setPassword(tx, id, await hashPassword(oneTimePassword), true);
  const result = await loadWrittenUser(tx, id);
  await recordAudit(tx, ctx, {
    action: 'users.reset_password',
    recordType: 'user',
    recordId: id,
    regionCode: result.regionCode,
    before: { mustChangePassword: current.mustChangePassword, lockedUntil: current.lockedUntil?.toISOString() ?? null },
    after: { mustChangePassword: true, lockedUntil: null, sessionsRevoked: true },
  });
  return { user: result, oneTimePassword };
}
