import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleCode } from '../../../../../common/permissions';
import { type RoleUpdateBody, rolesApi } from '../api/roles-api';

const ROLES_KEY = ['roles'] as const;

/** The six built-in roles with their permissions and default scope. */
export function useRoles() {
  return useQuery({ queryKey: [...ROLES_KEY, 'list'], queryFn: async ({ signal }) => (await rolesApi.list(signal)).items });
}

/** Every permission the platform knows, with its resource and action. */
export function usePermissionCatalogue() {
  return useQuery({
    queryKey: [...ROLES_KEY, 'permissions'],
    queryFn: async ({ signal }) => (await rolesApi.permissions(signal)).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Saves a role's permissions and default scope (with the version read). */
export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: RoleCode; body: RoleUpdateBody }) => rolesApi.update(code, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      // The signed-in user's own permissions may have changed with the role.
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
