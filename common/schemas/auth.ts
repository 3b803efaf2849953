import { z } from 'zod';
import { DATA_SCOPES, PERMISSIONS } from '../permissions';
import { LOCALES } from '../locale';
import { text } from './shared';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const signInBody = z.strictObject({
  username: text(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().max(PASSWORD_MAX_LENGTH),
});

export const preferencesBody = z.strictObject({ locale: z.enum(LOCALES) });

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
  /** The user signs in with a second factor (TOTP). */
  totpEnabled: z.boolean(),
  /** The user's role requires a second factor. */
  totpRequired: z.boolean(),
  /** Required but not yet enrolled: until enrolment only the enrolment routes answer (403 totp_enrolment_required). */
  mustEnrolTotp: z.boolean(),
  role: z.object({ code: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  dataScope: z.enum(DATA_SCOPES),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** The password was right and the user has a second factor: send a code with this challenge to finish signing in. */
export const totpChallengeSchema = z.object({
  status: z.literal('totp_required'),
  challenge: z.string(),
  expiresAt: z.string(),
});
export type TotpChallenge = z.infer<typeof totpChallengeSchema>;
/** Password sign-in answers the signed-in user, or a challenge when a second step is due. */
export const signInResultSchema = z.union([meSchema, totpChallengeSchema]);

export const totpCode = z.string().regex(/^\d{6}$/, 'format.totpCode');
const recoveryCode = z.string().trim().min(1).max(32);

export const totpSignInBody = z
  .strictObject({ challenge: z.string().min(1).max(400), code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), { message: 'totp.code_or_recovery', path: ['code'] });

export const totpSetupSchema = z.object({
  /** The secret in base32, for typing into an app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code (an SVG data URL). */
  qrCode: z.string(),
});
export const totpConfirmBody = z.strictObject({ code: totpCode });
/** Shown once, when the second factor is switched on. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableBody = z
  .strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(), code: totpCode.optional() })
  .refine((body) => body.password !== undefined || body.code !== undefined, { message: 'totp.password_or_code', path: ['password'] });

export const apiTokenCreateBody = z.strictObject({
  name: text(64),
  scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
