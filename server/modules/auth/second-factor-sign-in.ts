import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { matchTotpStep, recoveryCodeHash, verifyChallenge } from '../../lib/totp';
import {
  assertNotLocked,
  attemptContext,
  loadSignInPolicy,
  type NewSession,
  openSession,
  recordFailedAttempt,
  type SignInContext,
} from './sign-in';
import { claimTotpStep, consumeRecoveryCode } from './totp-repository';
import { readTotpSecret } from './totp-service';

const invalidChallenge = () => new AppError(401, 'invalid_challenge', 'totp.invalid_challenge');

export type SecondFactorInput = { challenge: string; code?: string; recoveryCode?: string };

/**
 * Finishes a sign-in with the code from the authenticator app (a time step already used is refused) or with one
 * of the recovery codes (each works once). A wrong code counts toward the same lockout as a wrong password.
 */
export async function completeTotpSignIn(db: Db, secret: string, ctx: SignInContext, input: SecondFactorInput): Promise<NewSession> {
  const userId = verifyChallenge(secret, input.challenge);
  if (!userId) throw invalidChallenge();
  const [found] = await db
    .select({ user: users, regionCode: units.regionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  const user = found?.user;
  if (!user?.totpEnabledAt || !user.totpSecret || user.status !== 'active') throw invalidChallenge();
  const policy = await loadSignInPolicy(db);
  const attempt = attemptContext(ctx, user.username, user, found?.regionCode);
  await assertNotLocked(db, user, attempt);

  const totpSecret = user.totpSecret;
  const session = await db.transaction(async (tx) => {
    if (input.code !== undefined) {
      const step = matchTotpStep(readTotpSecret(secret, user.id, totpSecret), input.code);
      if (step === null || !(await claimTotpStep(tx, user.id, step))) return null;
      return openSession(tx, secret, ctx, user, policy, attempt, { secondFactor: 'totp' });
    }
    if (!(await consumeRecoveryCode(tx, user.id, recoveryCodeHash(secret, input.recoveryCode ?? '')))) return null;
    return openSession(tx, secret, ctx, user, policy, attempt, { secondFactor: 'recovery_code' });
  });
  if (session) return session;
  const field = input.code !== undefined ? 'code' : 'recoveryCode';
  await recordFailedAttempt(db, user, policy, attempt, input.code !== undefined ? 'wrong_totp_code' : 'wrong_recovery_code');
  const messageKey = field === 'code' ? 'totp.wrong_code' : 'totp.wrong_recovery_code';
  throw new AppError(401, 'invalid_second_factor', messageKey, {}, [{ path: field, messageKey }]);
}
