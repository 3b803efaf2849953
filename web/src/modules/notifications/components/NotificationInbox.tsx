import { SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, List, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useShowError } from '../../../lib/use-show-error';
import type { Inbox } from '../api/notifications-api';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from '../hooks/use-notifications';
import { NOTIFICATION_CHANNELS_PATH } from '../paths';

type Item = Inbox['items'][number];

/**
 * The inbox drawer the bell opens: click an item to read it and go to its record. Loaded with its list and pagination
 * when the bell is first clicked, not with the first page.
 */
export function NotificationInbox({ open, onClose, compact }: { open: boolean; onClose: () => void; compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const unread = useUnreadCount();
  const inbox = useInbox(page, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const openItem = async (item: Item) => {
    try {
      if (!item.readAt) await markRead.mutateAsync(item.id);
      if (item.link) {
        onClose();
        navigate(item.link);
      }
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={compact ? 340 : 420}
      title={t('notifications.title')}
      extra={
        <Flex gap={4}>
          <Button
            size="small"
            disabled={!unread.data?.unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (error) => showError(error) })}
            data-testid="notification-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
          <Button
            size="small"
            icon={<SettingOutlined />}
            aria-label={t('notifications.channels')}
            onClick={() => {
              onClose();
              navigate(NOTIFICATION_CHANNELS_PATH);
            }}
          />
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <List<Item>
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            onClick={() => void openItem(item)}
            style={{ cursor: 'pointer', paddingInline: 16, background: item.readAt ? undefined : '#f0f7ff' }}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!item.readAt}>
                    {!item.readAt && <Badge status="processing" />} {item.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(item.createdAt)}
                  </Typography.Text>
                </Flex>
              }
              description={item.text}
            />
          </List.Item>
        )}
      />
      {(inbox.data?.total ?? 0) > 20 && (
        <Flex justify="center" style={{ padding: 12 }}>
          <Pagination size="small" current={page} pageSize={20} total={inbox.data?.total ?? 0} onChange={setPage} />
        </Flex>
      )}
    </Drawer>
  );
}
