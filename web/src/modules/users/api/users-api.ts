import type { z } from 'zod';
import type { RoleCode } from '../../../../../common/permissions';
import type { PersonOption, User, userCreateBody, userUpdateBody } from '../../../../../common/schemas/organisation';
import { api } from '../../../lib/api-client';
import type { UserStatus } from '../../../lib/enums';
import type { ListParams, Page } from '../../../lib/list';

export type UserListParams = ListParams & { unitId?: string; roleCode?: RoleCode; status?: UserStatus };
export type UserCreateBody = z.input<typeof userCreateBody>;
export type UserUpdateBody = z.input<typeof userUpdateBody>;
/** A user with the one-time password to hand over (shown once). */
export type UserWithPassword = { user: User; oneTimePassword: string };

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) => api.get<Page<User>>('/users', params, { signal }),
  /** A unit of the reader's district: its active people, names only (lead owners, visitors). */
  peopleOptions: (unitId: string, signal?: AbortSignal) => api.get<{ items: PersonOption[] }>('/people-options', { unitId }, { signal }),
  create: (body: UserCreateBody) => api.post<UserWithPassword>('/users', body),
  update: (id: string, body: UserUpdateBody) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: string) => api.post<UserWithPassword>(`/users/${id}/reset-password`),
  resetTotp: (id: string) => api.post<User>(`/users/${id}/reset-totp`),
};
