import { App, Button, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useTotpDisable } from '../hooks/use-totp';

/** Turning the own second factor off, confirmed with the current password. */
export function TotpDisableForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const disable = useTotpDisable();
  const showError = useShowError();

  const submit = ({ password }: { password: string }) =>
    disable.mutate(
      { password },
      { onSuccess: () => message.success(t('twoFactor.disabled')), onError: (error) => showError(error, { form }) },
    );

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} style={{ maxWidth: 420 }}>
      <Typography.Paragraph type="secondary">{t('twoFactor.disableHint')}</Typography.Paragraph>
      <Form.Item name="password" label={t('password.current')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="totp-disable-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={disable.isPending} data-testid="totp-disable">
        {t('twoFactor.disable')}
      </Button>
    </Form>
  );
}
