import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { encryptTotpSecret, newTotpSecret } from '../lib/totp';

/**
 * Test-only: gives a template user a confirmed second factor (a fresh random secret, stored encrypted as
 * enrolment stores it), so the administrators, whose role requires one, sign in as in production. Enrolment
 * through the API is tested on its own (server/modules/auth/totp.test.ts).
 */
export async function seedSecondFactor(db: Db, serverSecret: string, username: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username} to enrol`);
  await db
    .update(users)
    .set({ totpSecret: encryptTotpSecret(serverSecret, user.id, newTotpSecret()), totpEnabledAt: new Date(), totpLastStep: null })
    .where(eq(users.id, user.id));
}
