import { Form, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { DATA_SCOPES, DEFAULT_ROLE_SCOPE, type DataScope, ROLE_CODES, type RoleCode } from '../../../../../common/permissions';
import type { Unit, User } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { UserWithPassword } from '../api/users-api';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

type Values = {
  username?: string;
  displayName: string;
  phone?: string | null;
  email?: string | null;
  unitId: string;
  roleCode: RoleCode;
  dataScope: DataScope;
  scopeUnitIds?: string[];
};

type UserFormModalProps = {
  target: UserFormTarget | null;
  units: Unit[];
  onClose: () => void;
  /** After creating: show the one-time password. */
  onCreated: (result: UserWithPassword) => void;
};

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Creates or edits a user: identity, contact, unit, role and data scope (with units for a custom scope). */
export function UserFormModal({ target, units, onClose, onCreated }: UserFormModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;
  const dataScope = Form.useWatch('dataScope', form);
  const unitTree = useMemo(() => buildUnitTree(units), [units]);

  const submit = async (values: Values, opened: UserFormTarget) => {
    const body = {
      displayName: values.displayName,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      unitId: values.unitId,
      roleCode: values.roleCode,
      dataScope: values.dataScope,
      scopeUnitIds: values.dataScope === 'custom' ? (values.scopeUnitIds ?? []) : [],
    };
    if (opened.mode === 'edit') {
      await update.mutateAsync({ id: opened.user.id, body: { ...body, version: opened.user.version } });
    } else {
      onCreated(await create.mutateAsync({ ...body, username: values.username ?? '' }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, UserFormTarget>
      target={target}
      form={form}
      title={editing ? t('user.editTitle', { name: editing.displayName }) : t('user.createTitle')}
      startValues={(opened) => {
        if (opened.mode === 'create') return { roleCode: 'unit_staff', dataScope: DEFAULT_ROLE_SCOPE.unit_staff, scopeUnitIds: [] };
        const { displayName, phone, email, unitId, roleCode, dataScope: scope, scopeUnitIds } = opened.user;
        return { displayName, phone, email, unitId, roleCode, dataScope: scope, scopeUnitIds };
      }}
      onSubmit={submit}
      onClose={onClose}
      onValuesChange={(changed) => {
        // A new role proposes its default data scope; the administrator may still choose another.
        if (changed.roleCode) form.setFieldValue('dataScope', DEFAULT_ROLE_SCOPE[changed.roleCode]);
      }}
      testId="user-form"
      width={600}
    >
      {!editing && (
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={t('user.usernameHint')}
          rules={[required, { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: t('user.usernameFormat') }]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="user-username" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ ...required, whitespace: true }, { max: 64 }]}>
        <Input maxLength={64} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')} rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('user.phoneFormat') }]}>
        <Input inputMode="tel" maxLength={20} data-testid="user-phone" />
      </Form.Item>
      <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.emailFormat') }]}>
        <Input inputMode="email" maxLength={254} data-testid="user-email" />
      </Form.Item>
      <Form.Item name="unitId" label={t('user.unit')} rules={[required]}>
        <TreeSelect treeData={unitTree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll data-testid="user-unit" />
      </Form.Item>
      <Form.Item name="roleCode" label={t('user.role')} rules={[required]}>
        <Select options={ROLE_CODES.map((code) => ({ value: code, label: t(`role.${code}`) }))} data-testid="user-role" />
      </Form.Item>
      <Form.Item name="dataScope" label={t('user.dataScope')} rules={[required]}>
        <Select options={DATA_SCOPES.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }))} data-testid="user-data-scope" />
      </Form.Item>
      {dataScope === 'custom' && (
        <Form.Item
          name="scopeUnitIds"
          label={t('user.scopeUnits')}
          rules={[{ ...required, type: 'array', min: 1, message: t('user.scopeUnitsRequired') }]}
        >
          {/* SHOW_ALL: checking a unit grants it and every unit below it, each listed by id. */}
          <TreeSelect
            treeData={unitTree}
            multiple
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_ALL}
            maxTagCount="responsive"
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            data-testid="user-scope-units"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
