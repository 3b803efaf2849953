import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { roles, sessions, users } from '../../db/schema';

/** The second-factor state of one user and whether the user's role requires it. */
export async function findTotpState(db: Executor, userId: string) {
  const [row] = await db
    .select({
      username: users.username,
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      requireTotp: roles.requireTotp,
    })
    .from(users)
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Keeps a new secret, not yet confirmed: it takes effect only when a first code from it is confirmed. */
export async function storePendingSecret(tx: Executor, userId: string, encryptedSecret: string) {
  await tx
    .update(users)
    .set({ totpSecret: encryptedSecret, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] })
    .where(eq(users.id, userId));
}

/** Switches the second factor on with the step of the confirming code already used and fresh recovery codes. */
export async function enableTotp(tx: Executor, userId: string, step: number, recoveryHashes: string[]) {
  await tx
    .update(users)
    .set({ totpEnabledAt: sql`now()`, totpLastStep: step, totpRecoveryHashes: recoveryHashes })
    .where(eq(users.id, userId));
}

/**
 * Records a time step as used, only if it is later than the last one: true when this call claimed it. One
 * conditional update, so two requests racing with the same code cannot both succeed.
 */
export async function claimTotpStep(tx: Executor, userId: string, step: number): Promise<boolean> {
  const claimed = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** Removes a recovery code's hash if present: true when this call used it (each code works once). */
export async function consumeRecoveryCode(tx: Executor, userId: string, codeHash: string): Promise<boolean> {
  const used = await tx
    .update(users)
    .set({ totpRecoveryHashes: sql`array_remove(${users.totpRecoveryHashes}, ${codeHash}::text)` })
    .where(and(eq(users.id, userId), sql`${codeHash}::text = any(${users.totpRecoveryHashes})`))
    .returning({ id: users.id });
  return used.length === 1;
}

/** How many unused recovery codes a user has left. */
export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`cardinality(${users.totpRecoveryHashes})::int` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.n ?? 0;
}

/**
 * Removes the second factor entirely (secret, replay guard, recovery codes). With `signOut`, also ends every
 * session of the user, as after a lost phone nobody should stay signed in on the strength of it.
 */
export async function clearSecondFactor(tx: Executor, userId: string, { signOut }: { signOut: boolean }) {
  await tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] })
    .where(eq(users.id, userId));
  if (signOut) await tx.delete(sessions).where(eq(sessions.userId, userId));
}
