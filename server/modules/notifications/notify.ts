import { and, eq, inArray, or } from 'drizzle-orm';
import type { Locale } from '../../../common/locale';
import type { NotificationKind } from '../../../common/schemas/notifications';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { notificationChannels, notificationDeliveries, notifications } from '../../db/schema/notifications';
import { isMessageKey, type MessageKey, translate } from '../../lib/messages';
import { plainMarkdown } from '../../lib/notify';

export type NotifyParams = Record<string, string | number>;

/** Who is told: people by id, and units by id (every active member, and the unit's own channels). */
export type NotifyRecipients = { userIds?: readonly string[]; unitIds?: readonly string[] };

export type NotifyInput = {
  recipients: NotifyRecipients;
  kind: NotificationKind;
  /** The message, rendered in each reader's language with `params` (a key of server/lib/messages.ts). */
  messageKey: MessageKey;
  params?: NotifyParams;
  /** The web page's path of the record it is about (`/reports/periods/…`). */
  link?: string | null;
};

export type NotifyOutcome = { notifications: number; deliveries: number };

/** A stored message key rendered in a language; a key no longer known shows as itself rather than failing the inbox. */
export const render = (locale: Locale, key: string, params: NotifyParams = {}) =>
  isMessageKey(key) ? translate(locale, key, params) : key;

/** The headline of a notification of this kind, in a language. */
export const titleOf = (locale: Locale, kind: string) => render(locale, `notification.kind.${kind}`);

const robotSafe = (params: NotifyParams): NotifyParams =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? plainMarkdown(v) : v]));

/**
 * Tells people something, inside the caller's transaction: an in-app notification for every recipient (a unit's
 * active members, and the people named), and a delivery in the outbox for every enabled channel of the units and
 * people named. Nothing is sent here: the `deliver-notifications` job sends, with retries, so a slow or failing
 * webhook never slows or fails the change, and the in-app notification is there whatever happens to the webhook.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<NotifyOutcome> {
  const userIds = [...new Set(input.recipients.userIds ?? [])];
  const unitIds = [...new Set(input.recipients.unitIds ?? [])];
  if (userIds.length === 0 && unitIds.length === 0) return { notifications: 0, deliveries: 0 };
  const params = input.params ?? {};
  const link = input.link ?? null;

  const readers = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        or(userIds.length ? inArray(users.id, userIds) : undefined, unitIds.length ? inArray(users.unitId, unitIds) : undefined),
      ),
    );
  if (readers.length) {
    await tx
      .insert(notifications)
      .values(readers.map((r) => ({ recipientId: r.id, kind: input.kind, messageKey: input.messageKey, params, link })));
  }

  const channels = await tx
    .select({
      id: notificationChannels.id,
      kind: notificationChannels.kind,
      unitId: notificationChannels.unitId,
      userId: notificationChannels.userId,
      userUnitId: users.unitId,
      userLocale: users.locale,
    })
    .from(notificationChannels)
    .leftJoin(users, eq(users.id, notificationChannels.userId))
    .where(
      and(
        eq(notificationChannels.enabled, true),
        or(
          unitIds.length ? inArray(notificationChannels.unitId, unitIds) : undefined,
          userIds.length ? inArray(notificationChannels.userId, userIds) : undefined,
        ),
      ),
    );
  if (channels.length) {
    await tx.insert(notificationDeliveries).values(
      channels.map((channel) => {
        // A unit's group reads Chinese; a person's own channel, his language.
        const locale: Locale = channel.userLocale ?? 'zh-CN';
        const robot = channel.kind === 'dingtalk' || channel.kind === 'wecom';
        return {
          channelId: channel.id,
          channelKind: channel.kind,
          unitId: channel.unitId ?? channel.userUnitId,
          userId: channel.userId,
          kind: input.kind,
          title: titleOf(locale, input.kind),
          body: translate(locale, input.messageKey, robot ? robotSafe(params) : params),
        };
      }),
    );
  }
  return { notifications: readers.length, deliveries: channels.length };
}
