import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, type TotpDisableBody } from '../api/auth-api';
import { ME_KEY, storeMe } from './use-me';

/** Starts enrolment: a new secret and its QR code, shown on this page only. */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => authApi.totpSetup() });
}

/** Confirms enrolment with a first code; answers the recovery codes (shown once) and refreshes who-am-I. */
export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => authApi.totpConfirm(code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** Turns the own second factor off (with the password or a code). */
export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpDisableBody) => authApi.totpDisable(body),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}
