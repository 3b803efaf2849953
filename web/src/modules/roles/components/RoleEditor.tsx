import { App, Button, Checkbox, Flex, Form, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { ADMIN_ONLY_PERMISSIONS, DATA_SCOPES, type DataScope, type Permission } from '../../../../../common/permissions';
import type { Role } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import type { PermissionInfo } from '../api/roles-api';
import { useUpdateRole } from '../hooks/use-roles';

type Values = { permissions: Permission[]; defaultScope: DataScope; requireTotp: boolean };

type RoleEditorProps = { role: Role; catalogue: PermissionInfo[] };

/** One role: a checkbox grid of permissions grouped by resource, its default data scope, and whether it requires two-step verification. */
export function RoleEditor({ role, catalogue }: RoleEditorProps) {
  const { t, tOptional } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRole();
  const showError = useShowError();
  const editable = role.abilities.update === true;

  const groups = useMemo(() => {
    const byResource = new Map<string, PermissionInfo[]>();
    for (const permission of catalogue) byResource.set(permission.resource, [...(byResource.get(permission.resource) ?? []), permission]);
    return [...byResource];
  }, [catalogue]);

  useEffect(() => {
    form.setFieldsValue({ permissions: role.permissions, defaultScope: role.defaultScope, requireTotp: role.requireTotp });
  }, [role, form]);

  const submit = (values: Values) =>
    update.mutate(
      {
        code: role.code,
        body: {
          permissions: values.permissions,
          defaultScope: values.defaultScope,
          requireTotp: values.requireTotp,
          version: role.version,
        },
      },
      { onSuccess: () => message.success(t('common.saved')), onError: (error) => showError(error, { form }) },
    );

  // Only the administrator role may hold these, so they are greyed out elsewhere (the server refuses them too).
  const adminOnly = (name: Permission) => role.code !== 'admin' && ADMIN_ONLY_PERMISSIONS.includes(name);

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} data-testid={`role-form-${role.code}`}>
      <Form.Item name="permissions" label={t('roleEditor.permissions')}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            {groups.map(([resource, permissions]) => (
              <Flex key={resource} gap={12} wrap align="baseline" style={{ borderBottom: '1px solid #f0f0f0', paddingBlock: 8 }}>
                <Typography.Text strong style={{ width: 120, flexShrink: 0 }}>
                  {tOptional(`resource.${resource}`, resource)}
                </Typography.Text>
                <Flex gap={12} wrap style={{ flex: 1 }}>
                  {permissions.map((permission) => (
                    <Checkbox
                      key={permission.name}
                      value={permission.name}
                      disabled={adminOnly(permission.name)}
                      data-testid={`perm-${role.code}-${permission.name}`}
                    >
                      {tOptional(`permission.${permission.name}`, permission.name)}
                    </Checkbox>
                  ))}
                </Flex>
              </Flex>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="defaultScope" label={t('roleEditor.defaultScope')} extra={t('roleEditor.defaultScopeHint')}>
        <Select
          options={DATA_SCOPES.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }))}
          style={{ maxWidth: 320 }}
          data-testid={`role-scope-${role.code}`}
        />
      </Form.Item>
      <Form.Item name="requireTotp" label={t('twoFactor.roleRequire')} valuePropName="checked" extra={t('twoFactor.roleRequireHint')}>
        <Switch data-testid={`role-require-totp-${role.code}`} />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid={`role-save-${role.code}`}>
          {t('action.save')}
        </Button>
      )}
    </Form>
  );
}
