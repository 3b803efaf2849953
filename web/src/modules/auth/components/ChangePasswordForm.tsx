import { Alert, Button, Form, Input } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useChangePassword } from '../hooks/use-session';

// Mirrors PASSWORD_MIN_LENGTH in common/schemas/auth.ts (kept here so the page does not bundle zod); the server decides.
const PASSWORD_MIN_LENGTH = 12;

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** Current, new and confirmed password; the policy is shown up front and the server's objections under the fields. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const changePassword = useChangePassword();
  const showError = useShowError();

  const submit = ({ currentPassword, newPassword }: Values) =>
    changePassword.mutate({ currentPassword, newPassword }, { onSuccess: onDone, onError: (error) => showError(error, { form }) });

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Alert type="info" showIcon title={t('password.policy', { min: PASSWORD_MIN_LENGTH })} style={{ marginBottom: 16 }} />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) },
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        hasFeedback
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
