import { ShopOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../modules/auth/components/LanguageSwitch';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { useMeQuery } from '../modules/auth/hooks/use-me';
import { landingPath } from '../modules/auth/paths';
import { FullPageSpin } from '../ui/FullPageSpin';

const safeRedirect = (from: unknown) =>
  typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/';

/** The sign-in screen; a signed-in visitor goes straight on. */
export function SignInPage() {
  const { t } = useI18n();
  const location = useLocation();
  const { data: me, isPending } = useMeQuery();
  const redirectTo = safeRedirect((location.state as { from?: unknown } | null)?.from);

  if (isPending) return <FullPageSpin />;
  if (me) return <Navigate to={landingPath(me, redirectTo)} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #eff6ff 0%, #f8fafc 60%)' }}
    >
      <Flex justify="end" style={{ width: '100%', maxWidth: 400 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <SignInForm redirectTo={redirectTo} />
      </Card>
      <Link to="/open/opportunities" style={{ marginTop: 16 }} data-testid="sign-in-opportunities">
        <ShopOutlined /> {t('signIn.opportunities')}
      </Link>
    </Flex>
  );
}
