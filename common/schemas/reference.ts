import { TILE_URL_MAX, isTileUrl } from '../domain/tile-url';
import { z } from 'zod';
import { AUDIT_SESSION_FILTERS } from '../domain/audit';
import { abilities, listQuery, optionalText, text, version } from './shared';
import { DICTIONARY_TYPES } from '../enums';

export { DICTIONARY_TYPES };
export type { DictionaryType } from '../enums';

export const dictionaryItemSchema = z.object({
  id: z.string(),
  type: z.enum(DICTIONARY_TYPES),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  sortOrder: z.number(),
  enabled: z.boolean(),
  version: z.number(),
  abilities,
});
export type DictionaryItem = z.infer<typeof dictionaryItemSchema>;
export const dictionaryTypeParam = z.strictObject({ type: z.enum(DICTIONARY_TYPES) });
export const dictionaryItemParam = dictionaryTypeParam.extend({ id: z.uuid() });
export const dictionaryListQuery = listQuery.extend({
  parentCode: optionalText(16).optional(),
  enabled: z.enum(['true', 'false']).optional(),
});
export const dictionaryCreateBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,16}$/, 'format.code'),
  name: text(100),
  nameEn: text(200),
  parentCode: z.string().trim().max(16).nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  enabled: z.boolean().optional(),
});
export const dictionaryUpdateBody = dictionaryCreateBody.omit({ code: true }).partial().extend({ version });

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Who acted by the name people know him by (the log keeps the username, which no official reads); null when unknown. */
  actorDisplayName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /**
   * The record's name when the reader may see the record (a project's, a matter's title, an approval item's type, an
   * enterprise's, a unit's …), for the log to name it; null outside his scope or for records without a name.
   */
  recordName: z.string().nullable(),
  /** The project the record belongs to (an approval item's, a report's, a matter's; a plan's), when the reader may see it. */
  recordProject: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** What the event's sentence names that its values do not keep: a report's or period's month (2026-10), a matter's title, an approval item's type. */
  about: z.object({ month: z.string().optional(), title: z.string().optional(), typeCode: z.string().optional() }).nullable(),
  /** The names of the people, units, projects and enterprises its values name by id (id → name), in the reader's scope. */
  valueNames: z.record(z.string(), z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditListQuery = listQuery.extend({
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional(),
  actorId: z.uuid().optional(),
  recordType: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
  recordId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Routine session events (sign-in, sign-out, failed sign-in, second-factor step): shown (the default), hidden or only. */
  sessions: z.enum(AUDIT_SESSION_FILTERS).optional(),
});

export const settingsSchema = z.object({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  lockoutThreshold: z.number().int().min(3).max(50),
  lockoutBaseMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** An intranet tile server drawn under the one map (`https://tiles.gov.local/{z}/{x}/{y}.png`), or null. */
  mapTileUrl: z.string().trim().max(TILE_URL_MAX, 'format.tileUrl').refine(isTileUrl, 'format.tileUrl').nullable(),
  version: z.number(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsUpdateBody = settingsSchema.partial().extend({ version }).strict();
