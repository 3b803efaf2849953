import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { applyFieldErrors } from '../../../lib/form-errors';
import { describeError } from '../../../lib/use-show-error';
import type { SignInBody, TotpChallenge } from '../api/auth-api';
import { useSignIn } from '../hooks/use-session';
import { TotpSignInStep } from './TotpSignInStep';

/**
 * Username and password; the server's answer (wrong password, locked, too many attempts) is shown above the button.
 * A user with two-step verification then enters a code in a second step.
 */
export function SignInForm({ redirectTo }: { redirectTo: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SignInBody>();
  const [challenge, setChallenge] = useState<TotpChallenge | null>(null);
  const signIn = useSignIn(redirectTo, setChallenge);

  if (challenge) return <TotpSignInStep challenge={challenge} redirectTo={redirectTo} onBack={() => setChallenge(null)} />;

  const submit = (values: SignInBody) => signIn.mutate(values, { onError: (error) => applyFieldErrors(form, error) });

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => signIn.reset()}>
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="sign-in-username" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="sign-in-password" />
      </Form.Item>
      {signIn.isError && (
        <Alert type="error" showIcon title={describeError(signIn.error, t)} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending} data-testid="sign-in-submit">
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}
