import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChannelOwner, type ChannelSettingsBody, type Delivery, notificationsApi } from '../api/notifications-api';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The bell's count, read again every minute while the page is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: 60_000,
  });
}

export function useInbox(page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'inbox', page],
    queryFn: ({ signal }) => notificationsApi.inbox({ page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInboxMutation<Input>(write: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export const useMarkRead = () => useInboxMutation((id: string) => notificationsApi.markRead(id));
export const useMarkAllRead = () => useInboxMutation(() => notificationsApi.markAllRead());

const channelsKey = (owner: ChannelOwner) => [...NOTIFICATIONS_KEY, 'channels', owner.kind === 'me' ? 'me' : owner.unitId];

export function useChannels(owner: ChannelOwner | null) {
  return useQuery({
    queryKey: owner ? channelsKey(owner) : [...NOTIFICATIONS_KEY, 'channels', 'none'],
    queryFn: ({ signal }) => notificationsApi.channels(owner as ChannelOwner, signal),
    enabled: owner !== null,
  });
}

function useChannelMutation<Input, Output>(owner: ChannelOwner, write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKey(owner) }),
  });
}

export const useCreateChannel = (owner: ChannelOwner) =>
  useChannelMutation(owner, (body: { label: string; enabled: boolean; settings: ChannelSettingsBody }) =>
    notificationsApi.createChannel(owner, body),
  );
export const useToggleChannel = (owner: ChannelOwner) =>
  useChannelMutation(owner, ({ id, version, enabled }: { id: string; version: number; enabled: boolean }) =>
    notificationsApi.updateChannel(owner, id, { version, enabled }),
  );
export const useDeleteChannel = (owner: ChannelOwner) =>
  useChannelMutation(owner, (id: string) => notificationsApi.deleteChannel(owner, id));
export const useTestChannel = (owner: ChannelOwner) => useChannelMutation(owner, (id: string) => notificationsApi.testChannel(owner, id));

export function useDeliveries(params: { page: number; pageSize: number; status?: Delivery['status'] }) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'deliveries', params],
    queryFn: ({ signal }) => notificationsApi.deliveries(params, signal),
    placeholderData: keepPreviousData,
  });
}
