import type { z } from 'zod';
import type { Permission, RoleCode } from '../../../../../common/permissions';
import type { Role, roleUpdateBody } from '../../../../../common/schemas/organisation';
import { api } from '../../../lib/api-client';

export type RoleUpdateBody = z.input<typeof roleUpdateBody>;
export type PermissionInfo = { name: Permission; resource: string; action: string };

export const rolesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Role[] }>('/roles', undefined, { signal }),
  permissions: (signal?: AbortSignal) => api.get<{ items: PermissionInfo[] }>('/permissions', undefined, { signal }),
  update: (code: RoleCode, body: RoleUpdateBody) => api.patch<Role>(`/roles/${code}`, body),
};
