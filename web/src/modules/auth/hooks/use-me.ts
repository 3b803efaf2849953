import { type QueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Permission } from '../../../../../common/permissions';
import type { Me } from '../../../../../common/schemas/auth';
import { setCsrfToken } from '../../../lib/api-client';
import { authApi } from '../api/auth-api';

export const ME_KEY = ['auth', 'me'] as const;

/** Loads "who am I" and keeps the session's CSRF token in memory for the next write. */
export async function loadMe(): Promise<Me | null> {
  const me = await authApi.me();
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

/** Stores a fresh Me (after sign-in, password change, language change) with its CSRF token. */
export function storeMe(queryClient: QueryClient, me: Me | null) {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(ME_KEY, me);
}

/** The session query: `data` is null when signed out, undefined while loading. */
export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: loadMe, staleTime: 5 * 60_000 });
}

/**
 * The signed-in user as RequireAuth last rendered it. Components read it from context rather than from the query,
 * so that while signing out (the query turns null) they never render without a user before being unmounted.
 */
export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe used outside RequireAuth');
  return me;
}

/** Whether the signed-in user holds a permission (for hiding; the server still enforces). */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}
