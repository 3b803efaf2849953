import { z } from 'zod';
import { DATA_SCOPES, PERMISSIONS, ROLE_CODES } from '../permissions';
import { LOCALES } from '../locale';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';
import { REGION_LEVELS, UNIT_KINDS, USER_STATUSES } from '../enums';

export { REGION_LEVELS, UNIT_KINDS, USER_STATUSES };

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
  version: z.number(),
  abilities,
});
export type Region = z.infer<typeof regionSchema>;
export const regionCode = z.string().regex(/^\d{6}(\d{3})?$/, 'format.regionCode');
export const regionListQuery = listQuery.extend({ parentCode: regionCode.optional() });
export const regionCreateBody = z.strictObject({ code: regionCode, name: text(64), parentCode: regionCode });
/**
 * The national table searched by name (an enterprise's headquarters, a policy's region may lie anywhere in China), or
 * `codes=440000,370100`: these regions named in full (a form naming the regions a record already holds).
 */
export const regionLookupQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(40).optional(),
    codes: z
      .string()
      .max(400)
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(regionCode).min(1).max(20))
      .optional(),
  })
  .refine((query) => query.q !== undefined || query.codes !== undefined, { path: ['q'], message: 'region.lookup_needs_q' });
export const regionLookupSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** The names from the province down, as an address writes them: 广东省深圳市南山区. */
      fullName: z.string(),
      level: z.enum(['province', 'city', 'district']),
    }),
  ),
});
export type RegionLookupItem = z.infer<typeof regionLookupSchema>['items'][number];
export const regionUpdateBody = z.strictObject({ name: text(64), version });

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  sortOrder: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities,
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListQuery = listQuery.extend({
  parentId: uuid.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  regionCode: regionCode.optional(),
});
export const unitCreateBody = z.strictObject({
  name: text(100),
  shortName: optionalText(32).nullable().optional(),
  kind: z.enum(UNIT_KINDS),
  regionCode,
  parentId: uuid.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export const unitUpdateBody = unitCreateBody.partial().extend({ version });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  roleCode: z.enum(ROLE_CODES),
  dataScope: z.enum(DATA_SCOPES),
  scopeUnitIds: z.array(z.string()),
  status: z.enum(USER_STATUSES),
  locale: z.enum(LOCALES),
  mustChangePassword: z.boolean(),
  /** Signs in with a second factor (TOTP). */
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  abilities,
});
export type User = z.infer<typeof userSchema>;
/** A unit of the reader's district whose active people a picker offers (GET /people-options). */
export const peopleOptionsQuery = z.strictObject({ unitId: uuid });
export const personOptionSchema = z.object({ id: z.string(), name: z.string() });
export const personOptionListSchema = z.object({ items: z.array(personOptionSchema) });
export type PersonOption = z.infer<typeof personOptionSchema>;

export const userListQuery = listQuery.extend({
  unitId: uuid.optional(),
  roleCode: z.enum(ROLE_CODES).optional(),
  status: z.enum(USER_STATUSES).optional(),
});
export const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,64}$/, 'format.username');
export const userCreateBody = z.strictObject({
  username,
  displayName: text(64),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, 'format.phone')
    .nullable()
    .optional(),
  email: z.email().max(254).nullable().optional(),
  unitId: uuid,
  roleCode: z.enum(ROLE_CODES),
  dataScope: z.enum(DATA_SCOPES).optional(),
  scopeUnitIds: z.array(uuid).max(500).optional(),
});
export const userUpdateBody = userCreateBody
  .omit({ username: true })
  .partial()
  .extend({ status: z.enum(USER_STATUSES).optional(), version });
/** Returned once when a user is created or a password is reset: the one-time password to hand over. */
export const oneTimePasswordSchema = z.object({ user: userSchema, oneTimePassword: z.string() });

export const roleSchema = z.object({
  code: z.enum(ROLE_CODES),
  name: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  defaultScope: z.enum(DATA_SCOPES),
  /** Holders must sign in with a second factor (TOTP). */
  requireTotp: z.boolean(),
  version: z.number(),
  abilities,
});
export type Role = z.infer<typeof roleSchema>;
export const roleUpdateBody = z.strictObject({
  permissions: z.array(z.enum(PERMISSIONS)).max(200),
  defaultScope: z.enum(DATA_SCOPES).optional(),
  requireTotp: z.boolean().optional(),
  version,
});
export const roleParam = z.strictObject({ code: z.enum(ROLE_CODES) });
