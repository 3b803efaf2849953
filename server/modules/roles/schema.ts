import { z } from 'zod';
import { PERMISSIONS } from '../../../common/permissions';
import { roleSchema } from '../../../common/schemas/organisation';

export const roleListSchema = z.object({ items: z.array(roleSchema) });

export const permissionInfoSchema = z.object({ name: z.enum(PERMISSIONS), resource: z.string(), action: z.string() });
export type PermissionInfo = z.infer<typeof permissionInfoSchema>;
export const permissionListSchema = z.object({ items: z.array(permissionInfoSchema) });
