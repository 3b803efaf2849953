import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Permission } from '../../../../../common/permissions';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useMe } from '../../auth/hooks/use-me';
import type { CreatedApiToken } from '../api/tokens-api';
import { useCreateToken } from '../hooks/use-tokens';

type Values = { name: string; scopes: Permission[]; expiresAt: Dayjs };

type TokenCreateModalProps = { open: boolean; onClose: () => void; onCreated: (created: CreatedApiToken) => void };

/** A new API token: a name, scopes (only permissions the user holds), and an expiry within a year. */
export function TokenCreateModal({ open, onClose, onCreated }: TokenCreateModalProps) {
  const { t, tOptional } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ expiresAt: dayjs().add(90, 'day').endOf('day'), scopes: [] });
  }, [open, form]);

  const submit = (values: Values) =>
    create.mutate(
      { name: values.name, scopes: values.scopes, expiresAt: values.expiresAt.endOf('day').toISOString() },
      {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
        onError: (error) => showError(error, { form }),
      },
    );

  return (
    <Modal
      open={open}
      title={t('token.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.create')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="token-form">
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
      </Form>
    </Modal>
  );
}
