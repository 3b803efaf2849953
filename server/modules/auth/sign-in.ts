import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { sessions, settings, units, users } from '../../db/schema';
import { recordAudit, type SystemContext } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords';
import { keyedHash, randomToken } from '../../lib/tokens';
import { CHALLENGE_TTL_MS, signChallenge } from '../../lib/totp';

export type NewSession = { token: string; csrfToken: string; userId: string; maxAgeSeconds: number };
/** A password sign-in either opens a session or, for a user with a second factor, asks for a code. */
export type SignInResult = { kind: 'session'; session: NewSession } | { kind: 'totp_required'; challenge: string; expiresAt: string };
export type SignInContext = SystemContext & { userAgent: string | null };
type UserRow = typeof users.$inferSelect;
type Policy = typeof settings.$inferSelect;

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'auth.invalid_credentials');
const MAX_LOCK_MINUTES = 24 * 60;

/** Stores a new server-side session; the caller holds the only copy of the cookie token. */
export async function insertSession(
  tx: Executor,
  session: { idHash: string; userId: string; csrfToken: string; ip: string | null; userAgent: string | null },
) {
  await tx.insert(sessions).values({ ...session, userAgent: session.userAgent?.slice(0, 400) ?? null });
}

export async function loadSignInPolicy(db: Executor): Promise<Policy> {
  const [policy] = await db.select().from(settings).where(eq(settings.id, 1));
  if (!policy) throw new Error('settings row missing');
  return policy;
}

/** Who an attempt was about, for its audit event (also when it fails before anyone is signed in). */
export const attemptContext = (
  ctx: SignInContext,
  name: string,
  user: { id: string; unitId: string } | undefined,
  regionCode?: string,
) => ({
  ...ctx,
  actorId: user?.id ?? null,
  actorName: name,
  actorUnitId: user?.unitId ?? null,
  regionCode: regionCode ?? null,
});

/** Refuses a locked account (423) and audits the refused attempt. */
export async function assertNotLocked(db: Executor, user: UserRow, attempt: SystemContext) {
  const lockedFor = user.lockedUntil ? Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000) : 0;
  if (lockedFor <= 0) return;
  await recordAudit(db, attempt, { action: 'auth.sign_in_failed', recordType: 'user', recordId: user.id, after: { reason: 'locked' } });
  throw new AppError(423, 'account_locked', 'auth.locked', { minutes: lockedFor });
}

/**
 * Counts a failed attempt (a wrong password or a wrong second-factor code alike) and locks the account once the
 * threshold is reached, for a time that doubles with each further failure; audited with the reason.
 */
export async function recordFailedAttempt(db: Db, user: UserRow, policy: Policy, attempt: SystemContext, reason: string) {
  const failures = user.failedSignIns + 1;
  const over = failures - policy.lockoutThreshold;
  const lockMinutes = over >= 0 ? Math.min(policy.lockoutBaseMinutes * 2 ** over, MAX_LOCK_MINUTES) : 0;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        // Counted in the database, so parallel wrong guesses cannot overwrite each other's count.
        failedSignIns: sql`${users.failedSignIns} + 1`,
        lockedUntil: lockMinutes ? sql`now() + make_interval(mins => ${lockMinutes})` : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, attempt, {
      action: 'auth.sign_in_failed',
      recordType: 'user',
      recordId: user.id,
      after: { reason, failures, lockedMinutes: lockMinutes },
    });
  });
}

/** Opens a new session (a fresh id) inside the caller's transaction, clears the failure count, and audits the sign-in. */
export async function openSession(
  tx: Executor,
  secret: string,
  ctx: SignInContext,
  user: UserRow,
  policy: Policy,
  attempt: SystemContext,
  detail?: Record<string, unknown>,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: sql`now()` }).where(eq(users.id, user.id));
  await insertSession(tx, { idHash: keyedHash(secret, token), userId: user.id, csrfToken, ip: ctx.ip, userAgent: ctx.userAgent });
  await recordAudit(
    tx,
    { ...attempt, actorName: user.username },
    { action: 'auth.sign_in', recordType: 'user', recordId: user.id, after: detail },
  );
  return { token, csrfToken, userId: user.id, maxAgeSeconds: policy.sessionAbsoluteHours * 3600 };
}

/**
 * Checks a username and password. Repeated failures lock the account with a back-off that doubles with each
 * further failure; every attempt, good or bad, is audited. Success opens a new session, unless the user has a
 * second factor: then the answer is a short-lived challenge for the code, and the failure count is kept until
 * the code is right, so knowing the password never resets the guesses left at the code.
 */
export async function signIn(
  db: Db,
  secret: string,
  ctx: SignInContext,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const [found] = await db
    .select({ user: users, regionCode: units.regionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
  const user = found?.user;
  const policy = await loadSignInPolicy(db);
  const attempt = attemptContext(ctx, input.username, user, found?.regionCode);

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(db, attempt, { action: 'auth.sign_in_failed', after: { username: input.username, reason: 'unknown_user' } });
    throw invalidCredentials();
  }
  await assertNotLocked(db, user, attempt);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedAttempt(db, user, policy, attempt, 'wrong_password');
    throw invalidCredentials();
  }
  if (user.status !== 'active') {
    await recordAudit(db, attempt, { action: 'auth.sign_in_failed', recordType: 'user', recordId: user.id, after: { reason: 'disabled' } });
    throw new AppError(403, 'account_disabled', 'auth.disabled');
  }
  if (user.totpEnabledAt) {
    const now = Date.now();
    await recordAudit(
      db,
      { ...attempt, actorName: user.username },
      { action: 'auth.totp_challenge', recordType: 'user', recordId: user.id },
    );
    return {
      kind: 'totp_required',
      challenge: signChallenge(secret, user.id, now),
      expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString(),
    };
  }
  const session = await db.transaction((tx) => openSession(tx, secret, ctx, user, policy, attempt));
  return { kind: 'session', session };
}
