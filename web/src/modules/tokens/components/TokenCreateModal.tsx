import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Permission } from '../../../../../common/permissions';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useMe } from '../../auth/hooks/use-me';
import type { CreatedApiToken } from '../api/tokens-api';
import { useCreateToken } from '../hooks/use-tokens';

type Values = { name: string; scopes: Permission[]; expiresAt: Dayjs };

type TokenCreateModalProps = { open: boolean; onClose: () => void; onCreated: (created: CreatedApiToken) => void };

/** A new API token: a name, scopes (only permissions the user holds), and an expiry within a year. */
export function TokenCreateModal({ open, onClose, onCreated }: TokenCreateModalProps) {
  const { t, tOptional } = useI18n();
  const me = useMe();
  const create = useCreateToken();

  const submit = async (values: Values) => {
    const created = await create.mutateAsync({
      name: values.name,
      scopes: values.scopes,
      expiresAt: values.expiresAt.endOf('day').toISOString(),
    });
    onCreated(created);
  };

  return (
    <FormModal<Values, 'new'>
      target={open ? 'new' : null}
      title={t('token.createTitle')}
      startValues={() => ({ expiresAt: dayjs().add(90, 'day').endOf('day'), scopes: [] })}
      onSubmit={submit}
      onClose={onClose}
      okText={t('action.create')}
      testId="token-form"
    >
      <Form.Item
        name="name"
        label={t('token.name')}
        extra={t('token.nameHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 64 }]}
      >
        <Input maxLength={64} data-testid="token-name" />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('token.scopes')}
        extra={t('token.scopesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('token.scopesRequired') }]}
      >
        <Select
          mode="multiple"
          options={me.permissions.map((permission) => ({
            value: permission,
            label: `${tOptional(`permission.${permission}`, permission)} (${permission})`,
          }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="token-scopes"
        />
      </Form.Item>
      <Form.Item name="expiresAt" label={t('token.expiresAt')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker
          disabledDate={(day) => day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(1, 'year').subtract(1, 'day'), 'day')}
          style={{ width: 200 }}
          data-testid="token-expires"
        />
      </Form.Item>
    </FormModal>
  );
}
