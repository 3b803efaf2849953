import { Alert, Card, Spin, Tabs } from 'antd';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { RoleEditor } from '../modules/roles/components/RoleEditor';
import { usePermissionCatalogue, useRoles } from '../modules/roles/hooks/use-roles';

/** 角色权限: each built-in role's permissions and default data scope. */
export function RolesPage() {
  const { t } = useI18n();
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const error = roles.error ?? catalogue.error;

  return (
    <Card title={t('nav.roles')}>
      {error && <Alert type="error" showIcon title={describeError(error, t)} />}
      {(roles.isPending || catalogue.isPending) && !error && <Spin />}
      {roles.data && catalogue.data && (
        <Tabs
          items={roles.data.map((role) => ({
            key: role.code,
            label: <span data-testid={`role-tab-${role.code}`}>{t(`role.${role.code}`)}</span>,
            children: <RoleEditor role={role} catalogue={catalogue.data} />,
          }))}
        />
      )}
    </Card>
  );
}
