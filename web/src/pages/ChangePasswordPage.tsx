import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { ChangePasswordForm } from '../modules/auth/components/ChangePasswordForm';
import { useMe } from '../modules/auth/hooks/use-me';

/** Changing the own password; forced (and the only page open) while the user still holds an initial password. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Card title={t('password.title')}>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={t('password.mustChange')}
          style={{ marginBottom: 16, maxWidth: 420 }}
          data-testid="must-change-password"
        />
      )}
      <ChangePasswordForm
        onDone={() => {
          message.success(t('password.changed'));
          navigate('/', { replace: true });
        }}
      />
    </Card>
  );
}
