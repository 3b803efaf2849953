import QRCode from 'qrcode';
import type { z } from 'zod';
import type { recoveryCodesSchema, totpDisableBody, totpSetupSchema } from '../../../common/schemas/auth';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../lib/errors';
import { verifyPassword } from '../../lib/passwords';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  matchTotpStep,
  newTotpSecret,
  recoveryCodeHash,
  totpUri,
} from '../../lib/totp';
import { assertManageable } from '../users';
import { type UserRow, findUser, loadWrittenUser } from '../users';
import { claimTotpStep, clearSecondFactor, enableTotp, findTotpState, storePendingSecret } from './totp-repository';

/** The stored secret in clear; a secret that no longer decrypts (the server secret was changed) is a clear 409. */
export function readTotpSecret(serverSecret: string, userId: string, stored: string): string {
  try {
    return decryptTotpSecret(serverSecret, userId, stored);
  } catch {
    throw new AppError(409, 'totp_unreadable', 'totp.unreadable_secret');
  }
}

/** The own second factor is managed in a signed-in browser session, never with an API token. */
async function stateOf(db: Db, ctx: RequestContext) {
  if (ctx.actor.via !== 'session') throw forbidden();
  const state = await findTotpState(db, ctx.actor.userId);
  if (!state) throw new AppError(401, 'unauthenticated', 'error.unauthenticated');
  return state;
}

const alreadyEnabled = () => new AppError(409, 'totp_already_enabled', 'totp.already_enabled');

/**
 * Starts enrolment: a new secret, stored encrypted but pending until a code from it is confirmed, returned once
 * with its otpauth URI and QR code. Starting again replaces a pending secret; an enabled one must be turned off first.
 */
export async function setupTotp(db: Db, serverSecret: string, ctx: RequestContext): Promise<z.infer<typeof totpSetupSchema>> {
  const state = await stateOf(db, ctx);
  if (state.totpEnabledAt) throw alreadyEnabled();
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await storePendingSecret(tx, ctx.actor.userId, encryptTotpSecret(serverSecret, ctx.actor.userId, secret));
    await recordAudit(tx, ctx, { action: 'auth.totp_setup', recordType: 'user', recordId: ctx.actor.userId });
  });
  const otpauthUri = totpUri(secret, state.username);
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Confirms enrolment with a first code from the app: the second factor is on, and ten recovery codes are returned once. */
export async function confirmTotp(
  db: Db,
  serverSecret: string,
  ctx: RequestContext,
  input: { code: string },
): Promise<z.infer<typeof recoveryCodesSchema>> {
  const state = await stateOf(db, ctx);
  if (state.totpEnabledAt) throw alreadyEnabled();
  if (!state.totpSecret) throw conflict('totp.not_set_up', 'code');
  const step = matchTotpStep(readTotpSecret(serverSecret, ctx.actor.userId, state.totpSecret), input.code);
  if (step === null) throw invalidField('code', 'totp.wrong_code');
  const recoveryCodes = generateRecoveryCodes();
  await db.transaction(async (tx) => {
    // The confirming code's step counts as used, so the same code cannot also sign in.
    await enableTotp(
      tx,
      ctx.actor.userId,
      step,
      recoveryCodes.map((code) => recoveryCodeHash(serverSecret, code)),
    );
    await recordAudit(tx, ctx, {
      action: 'auth.totp_enable',
      recordType: 'user',
      recordId: ctx.actor.userId,
      after: { recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}

/**
 * Turns the own second factor off after checking the password or a current code. Refused while the role
 * requires a second factor: then only an administrator's reset (for a lost phone) removes it.
 */
export async function disableTotp(db: Db, serverSecret: string, ctx: RequestContext, input: z.infer<typeof totpDisableBody>) {
  const state = await stateOf(db, ctx);
  if (state.requireTotp) throw new AppError(403, 'totp_required_by_role', 'totp.required_by_role');
  await db.transaction(async (tx) => {
    if (input.password !== undefined) {
      if (!(await verifyPassword(state.passwordHash, input.password))) throw invalidField('password', 'auth.wrong_current_password');
    } else {
      const step =
        state.totpEnabledAt && state.totpSecret
          ? matchTotpStep(readTotpSecret(serverSecret, ctx.actor.userId, state.totpSecret), input.code ?? '')
          : null;
      if (step === null || !(await claimTotpStep(tx, ctx.actor.userId, step))) throw invalidField('code', 'totp.wrong_code');
    }
    await clearSecondFactor(tx, ctx.actor.userId, { signOut: false });
    await recordAudit(tx, ctx, {
      action: 'auth.totp_disable',
      recordType: 'user',
      recordId: ctx.actor.userId,
      before: { totpEnabled: state.totpEnabledAt !== null },
      after: { totpEnabled: false, confirmedWith: input.password !== undefined ? 'password' : 'code' },
    });
  });
}

/**
 * An administrator removes another user's second factor (a lost phone) and signs the user out everywhere; the
 * user signs in with the password alone and, if the role requires it, must enrol again before anything else.
 */
export async function resetUserSecondFactor({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }): Promise<UserRow> {
  const current = await findUser(tx, ctx.actor, id);
  if (!current) throw notFound();
  if (id === ctx.actor.userId) throw conflict('totp.cannot_reset_self');
  await assertManageable(tx, ctx.actor, current);
  await clearSecondFactor(tx, id, { signOut: true });
  await recordAudit(tx, ctx, {
    action: 'users.reset_totp',
    recordType: 'user',
    recordId: id,
    regionCode: current.regionCode,
    before: { totpEnabled: current.totpEnabledAt !== null },
    after: { totpEnabled: false, sessionsRevoked: true },
  });
  return loadWrittenUser(tx, id);
}
