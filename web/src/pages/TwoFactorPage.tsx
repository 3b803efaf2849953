import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { TotpDisableForm } from '../modules/auth/components/TotpDisableForm';
import { TotpEnrolment } from '../modules/auth/components/TotpEnrolment';
import { useMe } from '../modules/auth/hooks/use-me';
import { OneTimeSecretModal } from '../ui/OneTimeSecretModal';

/**
 * 两步验证: the own second factor — set it up (forced, and the only page open, while the role requires it and it is
 * missing), see whether it is on, and turn it off where the role allows. Recovery codes are shown once, on setup.
 */
export function TwoFactorPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [forced] = useState(me.mustEnrolTotp);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const closeCodes = () => {
    setRecoveryCodes(null);
    if (forced) navigate('/', { replace: true });
  };

  return (
    <Card title={t('twoFactor.title')}>
      <Flex vertical gap={16} style={{ maxWidth: 640 }}>
        {me.mustEnrolTotp && <Alert type="warning" showIcon title={t('twoFactor.mustEnrol')} data-testid="must-enrol-totp" />}
        <Typography.Paragraph style={{ margin: 0 }}>{t('twoFactor.intro')}</Typography.Paragraph>
        <div>
          <Tag color={me.totpEnabled ? 'green' : 'default'} data-testid="totp-status">
            {me.totpEnabled ? t('twoFactor.statusOn') : t('twoFactor.statusOff')}
          </Tag>
        </div>
        {!me.totpEnabled && <TotpEnrolment onEnabled={setRecoveryCodes} />}
        {me.totpEnabled && me.totpRequired && <Alert type="info" showIcon title={t('twoFactor.requiredByRole')} />}
        {me.totpEnabled && !me.totpRequired && <TotpDisableForm />}
      </Flex>
      <OneTimeSecretModal
        open={recoveryCodes !== null}
        title={t('twoFactor.recoveryTitle')}
        subject={t('twoFactor.recoveryFor')}
        secret={recoveryCodes?.join('\n') ?? ''}
        onClose={closeCodes}
      />
    </Card>
  );
}
