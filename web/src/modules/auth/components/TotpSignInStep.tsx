import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { describeError } from '../../../lib/use-show-error';
import type { TotpChallenge } from '../api/auth-api';
import { useSignInTotp } from '../hooks/use-session';
import { TotpCodeField } from './TotpCodeField';

type Values = { code?: string; recoveryCode?: string };

type TotpSignInStepProps = { challenge: TotpChallenge; redirectTo: string; onBack: () => void };

/** The second sign-in step: the 6-digit code from the authenticator app, or one recovery code instead. */
export function TotpSignInStep({ challenge, redirectTo, onBack }: TotpSignInStepProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const signIn = useSignInTotp(redirectTo);

  const submit = (values: Values) =>
    signIn.mutate(
      withRecoveryCode
        ? { challenge: challenge.challenge, recoveryCode: values.recoveryCode ?? '' }
        : { challenge: challenge.challenge, code: values.code ?? '' },
      { onError: () => form.resetFields() },
    );

  const toggle = () => {
    signIn.reset();
    form.resetFields();
    setWithRecoveryCode(!withRecoveryCode);
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="totp-sign-in">
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text strong>
          <SafetyOutlined /> {t('twoFactor.signInTitle')}
        </Typography.Text>
        <Typography.Text type="secondary">{withRecoveryCode ? t('twoFactor.recoveryHint') : t('twoFactor.signInHint')}</Typography.Text>
      </Flex>
      {withRecoveryCode ? (
        <Form.Item
          name="recoveryCode"
          label={t('twoFactor.recoveryCode')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoComplete="off" autoFocus size="large" data-testid="totp-recovery-code" />
        </Form.Item>
      ) : (
        <TotpCodeField label={t('twoFactor.code')} testId="totp-code" autoFocus />
      )}
      {signIn.isError && (
        <Alert type="error" showIcon title={describeError(signIn.error, t)} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending} data-testid="totp-submit">
        {t('twoFactor.verify')}
      </Button>
      <Flex justify="space-between" wrap style={{ marginTop: 8 }}>
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={toggle} data-testid="totp-use-recovery">
          {withRecoveryCode ? t('twoFactor.useCode') : t('twoFactor.useRecovery')}
        </Button>
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={onBack} data-testid="totp-back">
          {t('twoFactor.back')}
        </Button>
      </Flex>
    </Form>
  );
}
