import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useUnreadCount } from '../hooks/use-notifications';

// The count's badge and the inbox come in their own chunks (with the unread count's request, and on the first click):
// the first page's JavaScript stays within its budget.
const Badge = lazy(() => import('antd/es/badge'));
const NotificationInbox = lazy(async () => ({ default: (await import('./NotificationInbox')).NotificationInbox }));

/** The bell in the header: the unread count, and the inbox drawer (fetched on the first click). */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Mounted from the first click on, so the drawer can animate closed and keep its page.
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();

  const bell = (
    <Button
      type="text"
      icon={<BellOutlined />}
      aria-label={t('notifications.title')}
      onClick={() => {
        setOpened(true);
        setOpen(true);
      }}
      data-testid="notification-bell"
    />
  );
  return (
    <>
      <Suspense fallback={bell}>
        <Badge count={unread.data?.unread ?? 0} size="small" offset={[-4, 4]}>
          {bell}
        </Badge>
      </Suspense>
      {opened && (
        <Suspense fallback={null}>
          <NotificationInbox open={open} onClose={() => setOpen(false)} compact={compact} />
        </Suspense>
      )}
    </>
  );
}
