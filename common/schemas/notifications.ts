/** The contract of notifications: the in-app inbox, outgoing channels, the delivery log, "remind them all". */
import { z } from 'zod';
import { abilities, text, uuid, version } from './shared';

/** What a notification is about: the inbox shows it as its headline. Other modules add theirs here. */
export const NOTIFICATION_KINDS = [
  'report_reminder',
  'report_overdue',
  'matter_deadline',
  'matter_assigned',
  'matter_escalated',
  'warning_red',
  'channel_test',
  'announcement',
  'lead_clock',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CHANNEL_KINDS = ['dingtalk', 'wecom', 'email', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** The headline, in the reader's language. */
  title: z.string(),
  /** The message, in the reader's language. */
  text: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxQuery = z.strictObject({
  page,
  pageSize,
  unread: z.enum(['true', 'false']).optional(),
});
export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const readAllSchema = z.object({ marked: z.number().int() });

const url = z.string().trim().min(1).max(2048);
const secret = z.string().trim().min(1).max(500);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{5,20}$/, 'format.phone');
const email = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/, 'format.email');
const flatJson = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));

/** A channel's settings as entered: each kind's own fields; secrets are write-only (never read back in full). */
export const channelSettingsBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dingtalk'), webhook: url, secret: secret.optional(), phones: z.array(phone).max(20).optional() }),
  z.strictObject({ kind: z.literal('wecom'), key: secret, endpoint: url.optional() }),
  z.strictObject({
    kind: z.literal('email'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).optional(),
    security: z.enum(['tls', 'starttls', 'none']),
    user: z.string().trim().min(1).max(200).optional(),
    password: secret.optional(),
    from: z.string().trim().min(3).max(300),
    to: z.array(email).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal('sms'),
    url,
    method: z.enum(['POST', 'PUT', 'GET']).optional(),
    headers: z.record(z.string().max(64), z.string().max(500)).optional(),
    body: flatJson.optional(),
    success: z.strictObject({ field: z.string().max(100), equals: z.union([z.string().max(200), z.number(), z.boolean()]) }).optional(),
    phones: z.array(phone).min(1).max(20),
  }),
]);
export type ChannelSettingsBody = z.infer<typeof channelSettingsBody>;

export const channelCreateBody = z.strictObject({
  label: text(100),
  enabled: z.boolean().default(false),
  settings: channelSettingsBody,
});
/** A change at the version read: the label, on/off, or the settings entered again in full (secrets included). */
export const channelUpdateBody = z.strictObject({
  version,
  label: text(100).optional(),
  enabled: z.boolean().optional(),
  settings: channelSettingsBody.optional(),
});

export const channelSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  userId: z.string().nullable(),
  kind: z.enum(CHANNEL_KINDS),
  label: z.string(),
  /** What the settings point at, with keys and addresses masked. */
  target: z.string(),
  enabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  abilities,
});
export type NotificationChannel = z.infer<typeof channelSchema>;
export const channelListSchema = z.object({ items: z.array(channelSchema), abilities });

export const unitChannelsParam = z.strictObject({ unitId: uuid });
export const unitChannelParam = z.strictObject({ unitId: uuid, id: uuid });

/** The outcome of a "send test": delivered or not, and why, in the reader's language. */
export const sendTestSchema = z.object({
  ok: z.boolean(),
  status: z.number().nullable(),
  message: z.string(),
  detail: z.string(),
});

export const deliverySchema = z.object({
  id: z.string(),
  channelId: z.string().nullable(),
  channelKind: z.enum(CHANNEL_KINDS),
  unitId: z.string().nullable(),
  userId: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const deliveryListQuery = z.strictObject({ page, pageSize, status: z.enum(DELIVERY_STATUSES).optional() });

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_\-[\]]+$/, 'format.host');
export const allowedHostsSchema = z.object({ hosts: z.array(z.string()) });
export const allowedHostsBody = z.strictObject({ hosts: z.array(hostName).max(50) });

/** What "remind them all" did: the units reminded now, and those reminded a moment ago and left alone. */
export const remindResultSchema = z.object({
  reminded: z.array(z.object({ unitId: z.string(), unitName: z.string(), reports: z.number().int() })),
  skipped: z.array(z.object({ unitId: z.string(), unitName: z.string(), remindedAt: z.string() })),
  /** A unit is reminded by hand at most once in this many minutes. */
  againAfterMinutes: z.number().int(),
});
export type RemindResult = z.infer<typeof remindResultSchema>;
