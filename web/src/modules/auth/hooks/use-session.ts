import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Locale } from '../../../../../common/locale';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { authApi, type ChangePasswordBody, type SignInBody } from '../api/auth-api';
import { ME_KEY, storeMe, useMeQuery } from './use-me';

/** Forgets every cached answer except the session itself (no data of one user may show to the next). */
function forgetData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/** Signs in; a user holding an initial password goes straight to the password change. */
export function useSignIn(redirectTo: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { setLocale } = useI18n();
  return useMutation({
    mutationFn: (body: SignInBody) => authApi.signIn(body),
    onSuccess: (me) => {
      forgetData(queryClient);
      storeMe(queryClient, me);
      setLocale(me.locale);
      navigate(me.mustChangePassword ? '/change-password' : redirectTo, { replace: true });
    },
  });
}

/** Signs out this session, or every session of the user; forgets all cached data either way. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  return useMutation({
    mutationFn: (scope: 'this' | 'everywhere') => (scope === 'this' ? authApi.signOut() : authApi.signOutEverywhere()),
    onSuccess: () => {
      storeMe(queryClient, null);
      navigate('/sign-in', { replace: true });
      forgetData(queryClient);
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
