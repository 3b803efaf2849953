import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Locale } from '../../../../../common/locale';
import type { Me } from '../../../../../common/schemas/auth';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import {
  authApi,
  type ChangePasswordBody,
  isTotpChallenge,
  type SignInBody,
  type TotpChallenge,
  type TotpSignInBody,
} from '../api/auth-api';
import { landingPath } from '../paths';
import { ME_KEY, storeMe, useMeQuery } from './use-me';

/** Forgets every cached answer except the session itself (no data of one user may show to the next). */
function forgetData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/** Starts the signed-in session on the page: no data of the previous user, the user's language, the right page. */
function useEnterSession(redirectTo: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { setLocale } = useI18n();
  return (me: Me) => {
    forgetData(queryClient);
    storeMe(queryClient, me);
    setLocale(me.locale);
    navigate(landingPath(me, redirectTo), { replace: true });
  };
}

/**
 * The password step. A user with a second factor gets a challenge (handed to `onChallenge`) instead of a session;
 * a user holding an initial password, or who must still set up a second factor, goes straight to that page.
 */
export function useSignIn(redirectTo: string, onChallenge: (challenge: TotpChallenge) => void) {
  const enter = useEnterSession(redirectTo);
  return useMutation({
    mutationFn: (body: SignInBody) => authApi.signIn(body),
    onSuccess: (result) => (isTotpChallenge(result) ? onChallenge(result) : enter(result)),
  });
}

/** The second step: a code from the authenticator app or a recovery code, with the challenge of the password step. */
export function useSignInTotp(redirectTo: string) {
  const enter = useEnterSession(redirectTo);
  return useMutation({ mutationFn: (body: TotpSignInBody) => authApi.signInTotp(body), onSuccess: enter });
}

/**
 * Signs out this session, or every session of the user, then loads the sign-in page afresh: nothing of the last
 * user stays in memory, and the next person to sign in starts on the home page, not on the page the last one left.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: (scope: 'this' | 'everywhere') => (scope === 'this' ? authApi.signOut() : authApi.signOutEverywhere()),
    onSuccess: () => {
      forgetData(queryClient);
      window.location.replace('/sign-in');
    },
    onError: (error) => showError(error),
  });
}

/** Changes the own password; the server answers with a new session and CSRF token. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => authApi.changePassword(body),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

/** Switches the interface language; saved on the account when signed in, on this browser always. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  const { setLocale } = useI18n();
  const { data: me } = useMeQuery();
  const showError = useShowError();
  const mutation = useMutation({
    mutationFn: (locale: Locale) => authApi.setLocale(locale),
    onSuccess: async (updated) => {
      storeMe(queryClient, updated);
      // Names and messages from the server (roles, errors) come in the new language.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
    onError: (error) => showError(error),
  });
  return (locale: Locale) => {
    setLocale(locale);
    if (me) mutation.mutate(locale);
  };
}
