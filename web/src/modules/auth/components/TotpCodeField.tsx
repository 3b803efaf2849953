import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n';

type TotpCodeFieldProps = { label: string; testId: string; autoFocus?: boolean };

/** The 6-digit code of the authenticator app (form field `code`), for signing in and for confirming setup. */
export function TotpCodeField({ label, testId, autoFocus = false }: TotpCodeFieldProps) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="code"
      label={label}
      rules={[
        { required: true, message: t('validation.required') },
        { pattern: /^\d{6}$/, message: t('twoFactor.codeFormat') },
      ]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        autoFocus={autoFocus}
        size="large"
        style={{ maxWidth: 240, letterSpacing: 8, fontSize: 20 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}
