import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_KINDS, DELIVERY_STATUSES } from '../../../common/schemas/notifications';
import { timestamps, versioned } from './columns';
import { units, users } from './organisation';
import { reportingPeriods } from './reports';

/**
 * An in-app notification (站内消息) for one person: a message key and its parameters, rendered in the reader's
 * language when read, with a link to the record it is about. Written in the transaction of the change that caused it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** A path of the web page (`/reports/periods/…`), or null. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt.desc(), t.id),
    index('notifications_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * An outgoing channel of a unit (its DingTalk or WeCom group, a mailbox, phones) or of one person. The settings are
 * stored encrypted (AES-256-GCM, key derived from the server secret, the row id as authenticated data); `target` is
 * the masked summary the API shows instead.
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    label: text('label').notNull(),
    /** What the API shows of the settings: a host, a masked key or address. */
    target: text('target').notNull(),
    settingsEncrypted: text('settings_encrypted').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    createdBy: uuid('created_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    check('notification_channels_owner_ck', sql`(${t.unitId} is null) <> (${t.userId} is null)`),
    index('notification_channels_unit_idx').on(t.unitId),
    index('notification_channels_user_idx').on(t.userId),
  ],
);

/**
 * The outbox and delivery log: one message for one channel, written with the change that caused it and delivered
 * by the `deliver-notifications` job with retries and back-off (server/lib/notify/retry.ts). A "send test" is logged
 * here too. The channel's owner is copied so the log stays readable after a channel is deleted.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id').references(() => notificationChannels.id, { onDelete: 'set null' }),
    channelKind: text('channel_kind', { enum: CHANNEL_KINDS }).notNull(),
    /** The unit whose channel it went to, or the unit of the person whose channel it went to (the log's scope). */
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow(),
    /** A delivery being sent is leased to one instance until then. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    /** Why the last attempt failed: a message key of server/lib/notify with its parameters, and the remote's answer. */
    lastErrorKey: text('last_error_key'),
    lastErrorParams: jsonb('last_error_params').$type<Record<string, string | number>>(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('notification_deliveries_created_idx').on(t.createdAt.desc(), t.id),
    index('notification_deliveries_channel_idx').on(t.channelId),
    index('notification_deliveries_unit_idx').on(t.unitId, t.createdAt.desc()),
  ],
);

/** Host names an administrator allows although they resolve to an intranet address (an intranet SMS gateway). */
export const notificationAllowedHosts = pgTable('notification_allowed_hosts', {
  host: text('host').primaryKey(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The report reminders sent to a unit for a period: one row per kind (`before`, `on`, `after` the deadline, sent
 * once; `manual`, the office's "remind them all", its time renewed on each send), so a reminder is never doubled.
 */
export const reportReminders = pgTable(
  'report_reminders',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['before', 'on', 'after', 'manual'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.kind] })],
);
