import type { Locale } from '../../../common/locale';
import type { Notification, NotificationChannel } from '../../../common/schemas/notifications';
import type { ChannelRow, DeliveryRow, NotificationRow } from './repository';
import { render, titleOf } from './notify';

export const presentNotification = (locale: Locale, row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  title: titleOf(locale, row.kind),
  text: render(locale, row.messageKey, row.params),
  link: row.link,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** A channel as the API shows it: never its settings, only the masked target. */
export const presentChannel = (row: ChannelRow, canManage: boolean): NotificationChannel => ({
  id: row.id,
  unitId: row.unitId,
  userId: row.userId,
  kind: row.kind,
  label: row.label,
  target: row.target,
  enabled: row.enabled,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
  abilities: { update: canManage, delete: canManage, test: canManage },
});

export const presentDelivery = (locale: Locale, row: DeliveryRow) => ({
  id: row.id,
  channelId: row.channelId,
  channelKind: row.channelKind,
  unitId: row.unitId,
  userId: row.userId,
  kind: row.kind,
  title: row.title,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
  lastStatus: row.lastStatus,
  lastError: row.lastErrorKey
    ? `${render(locale, row.lastErrorKey, row.lastErrorParams ?? {})}${row.lastError ? ` — ${row.lastError}` : ''}`
    : row.lastError,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
