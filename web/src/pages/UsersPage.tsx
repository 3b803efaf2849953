import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { FIRST_PAGE, type Paging } from '../lib/list';
import { useShowError } from '../lib/use-show-error';
import { useCan } from '../modules/auth/hooks/use-me';
import { useAllUnits } from '../modules/units/hooks/use-units';
import type { UserWithPassword } from '../modules/users/api/users-api';
import { type UserFilterValues, UserFilters } from '../modules/users/components/UserFilters';
import { UserFormModal, type UserFormTarget } from '../modules/users/components/UserFormModal';
import { UserTable } from '../modules/users/components/UserTable';
import { useResetPassword, useResetTotp, useSetUserStatus, useUserList } from '../modules/users/hooks/use-users';
import { OneTimeSecretModal } from '../ui/OneTimeSecretModal';

/** 用户管理: users in scope, with create (one-time password shown once), edit, password and two-step resets, and disable. */
export function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const showError = useShowError();
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [target, setTarget] = useState<UserFormTarget | null>(null);
  const [secret, setSecret] = useState<UserWithPassword | null>(null);

  const units = useAllUnits(can('unit.read'));
  const list = useUserList({ ...paging, ...filters });
  const resetPassword = useResetPassword();
  const resetTotp = useResetTotp();
  const setStatus = useSetUserStatus();
  const canCreate = list.data?.abilities?.create === true;

  return (
    <Card
      title={t('nav.users')}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="user-create">
            {t('action.create')}
          </Button>
        )
      }
    >
      <UserFilters
        value={filters}
        units={units.data ?? []}
        onChange={(next) => {
          setFilters(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <UserTable
        page={list.data}
        loading={list.isFetching}
        sort={paging.sort}
        onPagingChange={setPaging}
        onEdit={(user) => setTarget({ mode: 'edit', user })}
        onResetPassword={(user) => resetPassword.mutate(user.id, { onSuccess: setSecret, onError: (error) => showError(error) })}
        onResetTotp={(user) =>
          resetTotp.mutate(user.id, { onSuccess: () => message.success(t('twoFactor.resetDone')), onError: (error) => showError(error) })
        }
        onToggleStatus={(user) =>
          setStatus.mutate(
            { user, status: user.status === 'active' ? 'disabled' : 'active' },
            { onSuccess: () => message.success(t('common.saved')), onError: (error) => showError(error) },
          )
        }
      />
      <UserFormModal target={target} units={units.data ?? []} onClose={() => setTarget(null)} onCreated={setSecret} />
      <OneTimeSecretModal
        open={secret !== null}
        title={t('user.oneTimePasswordTitle')}
        subject={secret ? t('user.oneTimePasswordFor', { name: secret.user.displayName, username: secret.user.username }) : undefined}
        secret={secret?.oneTimePassword ?? ''}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
