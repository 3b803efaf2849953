import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../../common/schemas/organisation';
import type { UserStatus } from '../../../lib/enums';
import { type UserCreateBody, type UserListParams, type UserUpdateBody, usersApi } from '../api/users-api';

const USERS_KEY = ['users'] as const;

/** One page of users for the table. */
export function useUserList(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', params],
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The active people of a unit of the reader's district, names only, for a picker (GET /people-options). */
export function usePeopleOptions(unitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, 'people-options', unitId],
    queryFn: ({ signal }) => usersApi.peopleOptions(unitId ?? '', signal),
    enabled: enabled && !!unitId,
  });
}

/** Creates a user; the answer carries the one-time password. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => usersApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Updates a user's details (with the version read). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdateBody }) => usersApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Disables or re-enables an account. */
export function useSetUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, status }: { user: User; status: UserStatus }) => usersApi.update(user.id, { status, version: user.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Issues a new one-time password; the user must change it at the next sign-in. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => usersApi.resetPassword(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Removes a user's two-step verification (a lost phone); the user is signed out everywhere. */
export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => usersApi.resetTotp(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
