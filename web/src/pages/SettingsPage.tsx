import { Alert, Card, Spin } from 'antd';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { useCan } from '../modules/auth/hooks/use-me';
import { SettingsForm } from '../modules/settings/components/SettingsForm';
import { useSettings } from '../modules/settings/hooks/use-settings';

/** 系统设置: session and lockout settings. */
export function SettingsPage() {
  const { t } = useI18n();
  const can = useCan();
  const settings = useSettings();
  return (
    <Card title={t('nav.settings')}>
      {settings.isPending && <Spin />}
      {settings.error && <Alert type="error" showIcon title={describeError(settings.error, t)} />}
      {settings.data && <SettingsForm settings={settings.data} editable={can('setting.update')} />}
    </Card>
  );
}
