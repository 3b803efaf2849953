import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { sessions, settings, users } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField } from '../../lib/errors';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../lib/passwords';
import { keyedHash, randomToken } from '../../lib/tokens';
import { insertSession } from './sign-in';

/** Rejects a password that breaks the policy, naming the field. */
export function assertPasswordAllowed(password: string, username: string, field = 'newPassword') {
  const problem = checkPasswordPolicy(password, username);
  if (problem) throw invalidField(field, problem.key, problem.params);
}

/**
 * Changes the actor's own password: checks the current one, applies the policy, revokes every session of the
 * user (all devices), and opens one new session for the caller so they stay signed in here.
 */
export async function changeOwnPassword(
  db: Db,
  secret: string,
  ctx: RequestContext & { userAgent: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; csrfToken: string; maxAgeSeconds: number }> {
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError(401, 'unauthenticated', 'error.unauthenticated');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
      { path: 'currentPassword', messageKey: 'auth.wrong_current_password' },
    ]);
  }
  assertPasswordAllowed(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) throw invalidField('newPassword', 'password.same_as_current');
  const passwordHash = await hashPassword(input.newPassword);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const [policy] = await db.select().from(settings).where(eq(settings.id, 1));
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, false);
    await insertSession(tx, { idHash: keyedHash(secret, token), userId: user.id, csrfToken, ip: ctx.ip, userAgent: ctx.userAgent });
    await recordAudit(tx, ctx, { action: 'auth.password_change', recordType: 'user', recordId: user.id });
  });
  return { token, csrfToken, maxAgeSeconds: (policy?.sessionAbsoluteHours ?? 12) * 3600 };
}

/** Stores a new password hash and signs the user out everywhere; used by every path that sets a password. */
export async function setPassword(tx: Executor, userId: string, passwordHash: string, mustChange: boolean) {
  await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: mustChange,
      passwordChangedAt: sql`now()`,
      failedSignIns: 0,
      lockedUntil: null,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
