import { Button, Flex, Form, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useTotpConfirm, useTotpSetup } from '../hooks/use-totp';
import { TotpCodeField } from './TotpCodeField';

/** Groups a base32 key in fours, as people copy it into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Setting up two-step verification: a new key as a QR code (and typed out for apps that cannot scan), then a first
 * code from the app to prove it works. The recovery codes the server answers go to `onEnabled`, to be shown once.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const showError = useShowError();

  if (!setup.data) {
    return (
      <Button
        type="primary"
        style={{ alignSelf: 'flex-start' }}
        loading={setup.isPending}
        onClick={() => setup.mutate(undefined, { onError: (error) => showError(error) })}
        data-testid="totp-start"
      >
        {t('twoFactor.start')}
      </Button>
    );
  }

  const submit = ({ code }: { code: string }) =>
    confirm.mutate(code, { onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes), onError: (error) => showError(error, { form }) });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 420 }}>
      <Typography.Text strong>{t('twoFactor.scan')}</Typography.Text>
      <img
        src={setup.data.qrCode}
        alt={t('twoFactor.qrAlt')}
        width={200}
        height={200}
        style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
        data-testid="totp-qr"
      />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('twoFactor.manualKey')}</Typography.Text>
        <Typography.Text code copyable={{ text: setup.data.secret }} style={{ fontSize: 15 }} data-testid="totp-manual-key">
          {grouped(setup.data.secret)}
        </Typography.Text>
      </Flex>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <TotpCodeField label={t('twoFactor.enterCode')} testId="totp-confirm-code" />
        <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="totp-confirm">
          {t('twoFactor.confirm')}
        </Button>
      </Form>
    </Flex>
  );
}
