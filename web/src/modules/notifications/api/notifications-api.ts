import type { z } from 'zod';
import type {
  ChannelSettingsBody,
  channelListSchema,
  deliverySchema,
  inboxSchema,
  NotificationChannel,
  RemindResult,
  sendTestSchema,
} from '../../../../../common/schemas/notifications';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';

export type Inbox = z.infer<typeof inboxSchema>;
export type ChannelList = z.infer<typeof channelListSchema>;
export type SendTestResult = z.infer<typeof sendTestSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type { ChannelSettingsBody, NotificationChannel, RemindResult };

/** Whose channels: one's own, or a unit's. */
export type ChannelOwner = { kind: 'me' } | { kind: 'unit'; unitId: string };

const channelsPath = (owner: ChannelOwner) =>
  owner.kind === 'me' ? '/notifications/channels' : `/units/${owner.unitId}/notification-channels`;

export const notificationsApi = {
  inbox: (params: { page?: number; pageSize?: number; unread?: 'true' | 'false' }, signal?: AbortSignal) =>
    api.get<Inbox>('/notifications', params, { signal }),
  unreadCount: (signal?: AbortSignal) => api.get<{ unread: number }>('/notifications/unread-count', undefined, { signal }),
  markRead: (id: string) => api.post<unknown>(`/notifications/${id}/read`),
  markAllRead: () => api.post<{ marked: number }>('/notifications/read-all'),

  channels: (owner: ChannelOwner, signal?: AbortSignal) => api.get<ChannelList>(channelsPath(owner), undefined, { signal }),
  createChannel: (owner: ChannelOwner, body: { label: string; enabled: boolean; settings: ChannelSettingsBody }) =>
    api.post<NotificationChannel>(channelsPath(owner), body),
  updateChannel: (owner: ChannelOwner, id: string, body: { version: number; enabled?: boolean; label?: string }) =>
    api.patch<NotificationChannel>(`${channelsPath(owner)}/${id}`, body),
  deleteChannel: (owner: ChannelOwner, id: string) => api.delete<{ ok: true }>(`${channelsPath(owner)}/${id}`),
  testChannel: (owner: ChannelOwner, id: string) => api.post<SendTestResult>(`${channelsPath(owner)}/${id}/test`),

  deliveries: (params: { page: number; pageSize: number; status?: Delivery['status'] }, signal?: AbortSignal) =>
    api.get<Page<Delivery>>('/notification-deliveries', params, { signal }),

  /** 一键催报: notify every unit on a period's 未报送 list (skips units reminded in the last `againAfterMinutes`). */
  remindMissing: (periodId: string) => api.post<RemindResult>(`/reporting-periods/${periodId}/remind`),
};
