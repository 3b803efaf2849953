import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { sessions, settings, units, users } from '../../db/schema';
import { recordAudit, type SystemContext } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { dummyPasswordHash, verifyPassword } from '../../lib/passwords';
import { keyedHash, randomToken } from '../../lib/tokens';

export type NewSession = { token: string; csrfToken: string; userId: string; maxAgeSeconds: number };

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'auth.invalid_credentials');
const MAX_LOCK_MINUTES = 24 * 60;

/**
 * Checks a username and password. Repeated failures lock the account with a back-off that doubles with each
 * further failure; every attempt, good or bad, is audited. Success opens a new session (a fresh id).
 */
/** Stores a new server-side session; the caller holds the only copy of the cookie token. */
export async function insertSession(
  tx: Executor,
  session: { idHash: string; userId: string; csrfToken: string; ip: string | null; userAgent: string | null },
) {
  await tx.insert(sessions).values({ ...session, userAgent: session.userAgent?.slice(0, 400) ?? null });
}

export async function signIn(
  db: Db,
  secret: string,
  ctx: SystemContext & { userAgent: string | null },
  input: { username: string; password: string },
): Promise<NewSession> {
  const [found] = await db
    .select({ user: users, regionCode: units.regionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
  const user = found?.user;
  const [policy] = await db.select().from(settings).where(eq(settings.id, 1));
  if (!policy) throw new Error('settings row missing');
  const failure: SystemContext = {
    ...ctx,
    actorId: user?.id ?? null,
    actorName: input.username,
    actorUnitId: user?.unitId ?? null,
    regionCode: found?.regionCode ?? null,
  };

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(db, failure, { action: 'auth.sign_in_failed', after: { username: input.username, reason: 'unknown_user' } });
    throw invalidCredentials();
  }
  const lockedFor = user.lockedUntil ? Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000) : 0;
  if (lockedFor > 0) {
    await recordAudit(db, failure, { action: 'auth.sign_in_failed', recordType: 'user', recordId: user.id, after: { reason: 'locked' } });
    throw new AppError(423, 'account_locked', 'auth.locked', { minutes: lockedFor });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedSignIns + 1;
    const over = failures - policy.lockoutThreshold;
    const lockMinutes = over >= 0 ? Math.min(policy.lockoutBaseMinutes * 2 ** over, MAX_LOCK_MINUTES) : 0;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedSignIns: failures,
          lockedUntil: lockMinutes ? sql`now() + make_interval(mins => ${lockMinutes})` : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(tx, failure, {
        action: 'auth.sign_in_failed',
        recordType: 'user',
        recordId: user.id,
        after: { reason: 'wrong_password', failures, lockedMinutes: lockMinutes },
      });
    });
    throw invalidCredentials();
  }
  if (user.status !== 'active') {
    await recordAudit(db, failure, { action: 'auth.sign_in_failed', recordType: 'user', recordId: user.id, after: { reason: 'disabled' } });
    throw new AppError(403, 'account_disabled', 'auth.disabled');
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: sql`now()` }).where(eq(users.id, user.id));
    await insertSession(tx, { idHash: keyedHash(secret, token), userId: user.id, csrfToken, ip: ctx.ip, userAgent: ctx.userAgent });
    await recordAudit(
      tx,
      { ...failure, actorName: user.username },
      {
        action: 'auth.sign_in',
        recordType: 'user',
        recordId: user.id,
      },
    );
  });
  return { token, csrfToken, userId: user.id, maxAgeSeconds: policy.sessionAbsoluteHours * 3600 };
}
