import type { z } from 'zod';
import type { Locale } from '../../../../../common/locale';
import type {
  changePasswordBody,
  Me,
  signInBody,
  TotpChallenge,
  totpDisableBody,
  totpSetupSchema,
  totpSignInBody,
} from '../../../../../common/schemas/auth';
import { api, isApiError } from '../../../lib/api-client';

export type SignInBody = z.input<typeof signInBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;
export type TotpSignInBody = z.input<typeof totpSignInBody>;
export type TotpDisableBody = z.input<typeof totpDisableBody>;
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type { TotpChallenge };

/** The password step answers the user, or a challenge when a second step is due. */
export const isTotpChallenge = (result: Me | TotpChallenge): result is TotpChallenge =>
  'status' in result && result.status === 'totp_required';

/** The signed-in user, or null when signed out (a 401 here is an answer, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me', undefined, { expectUnauthorized: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const authApi = {
  me: fetchMe,
  signIn: (body: SignInBody) => api.post<Me | TotpChallenge>('/auth/sign-in', body, { expectUnauthorized: true }),
  signInTotp: (body: TotpSignInBody) => api.post<Me>('/auth/sign-in/totp', body, { expectUnauthorized: true }),
  signOut: () => api.post<{ ok: true }>('/auth/sign-out'),
  signOutEverywhere: () => api.post<{ ok: true }>('/auth/sign-out-everywhere'),
  changePassword: (body: ChangePasswordBody) => api.post<Me>('/auth/change-password', body),
  setLocale: (locale: Locale) => api.patch<Me>('/auth/preferences', { locale }),
  totpSetup: () => api.post<TotpSetup>('/auth/totp/setup'),
  totpConfirm: (code: string) => api.post<{ recoveryCodes: string[] }>('/auth/totp/confirm', { code }),
  totpDisable: (body: TotpDisableBody) => api.post<Me>('/auth/totp/disable', body),
};
