import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { User } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Page, Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';

type UserTableProps = {
  page: Page<User> | undefined;
  loading: boolean;
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onResetTotp: (user: User) => void;
  onToggleStatus: (user: User) => void;
};

const isLocked = (user: User) => user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();

/** Users with unit, role, scope and status; actions appear where the record's abilities allow them. */
export function UserTable({ page, loading, sort, onPagingChange, onEdit, onResetPassword, onResetTotp, onToggleStatus }: UserTableProps) {
  const { t } = useI18n();
  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', sorter: true },
    { title: t('user.displayName'), dataIndex: 'displayName', sorter: true },
    { title: t('user.unit'), dataIndex: 'unitName', responsive: ['md'] },
    { title: t('user.role'), dataIndex: 'roleCode', render: (code: User['roleCode']) => t(`role.${code}`) },
    {
      title: t('user.dataScope'),
      dataIndex: 'dataScope',
      responsive: ['lg'],
      render: (scope: User['dataScope']) => t(`dataScope.${scope}`),
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`userStatus.${user.status}`)}</Tag>
          {isLocked(user) && <Tag color="red">{t('user.locked')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('user.initialPassword')}</Tag>}
          {user.totpEnabled && <Tag color="blue">{t('twoFactor.userTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('user.lastSignInAt'), dataIndex: 'lastSignInAt', responsive: ['lg'], render: (at: string | null) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          {user.abilities.update && (
            <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.username}`}>
              {t('action.edit')}
            </Button>
          )}
          {user.abilities.resetPassword && (
            <Popconfirm
              title={t('user.resetPasswordConfirm', { name: user.displayName })}
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              onConfirm={() => onResetPassword(user)}
            >
              <Button type="link" size="small" data-testid={`user-reset-${user.username}`}>
                {t('user.resetPassword')}
              </Button>
            </Popconfirm>
          )}
          {user.abilities.resetTotp && (
            <Popconfirm
              title={t('twoFactor.resetConfirm', { name: user.displayName })}
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              onConfirm={() => onResetTotp(user)}
            >
              <Button type="link" size="small" data-testid={`user-reset-totp-${user.username}`}>
                {t('twoFactor.reset')}
              </Button>
            </Popconfirm>
          )}
          {user.abilities.update && (
            <Popconfirm
              title={
                user.status === 'active'
                  ? t('user.disableConfirm', { name: user.displayName })
                  : t('user.enableConfirm', { name: user.displayName })
              }
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              okButtonProps={{ danger: user.status === 'active' }}
              onConfirm={() => onToggleStatus(user)}
            >
              <Button type="link" size="small" danger={user.status === 'active'} data-testid={`user-toggle-${user.username}`}>
                {user.status === 'active' ? t('user.disable') : t('user.enable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PagedTable<User>
      columns={columns}
      page={page}
      loading={loading}
      sort={sort}
      onPagingChange={onPagingChange}
      data-testid="user-table"
    />
  );
}
