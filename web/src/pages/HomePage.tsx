import { Card, Descriptions, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import { useCan, useMe } from '../modules/auth/hooks/use-me';
import { FullPageSpin } from '../ui/FullPageSpin';

// The dashboard's chunk (with its charts) is loaded only for those who read projects.
const DashboardView = lazy(async () => ({ default: (await import('../modules/dashboard/components/DashboardView')).DashboardView }));

/** The home page: the dashboard (驾驶舱) for whoever reads projects, else the welcome card. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  if (!can('project.read')) return <WelcomeCard />;
  return (
    <>
      <Typography.Text type="secondary" data-testid="home-welcome">
        {t('home.welcome', { name: me.displayName })}
      </Typography.Text>
      <Suspense fallback={<FullPageSpin />}>
        <DashboardView />
      </Suspense>
    </>
  );
}

/** The welcome card: who I am, where I belong, and what data I can see, in words. */
function WelcomeCard() {
  const { t, tOptional } = useI18n();
  const me = useMe();
  const scopeParams = { unit: me.unit.name, region: me.region.name };
  const items = [
    { key: 'username', label: t('home.username'), children: me.username },
    { key: 'role', label: t('home.role'), children: tOptional(`role.${me.role.code}`, me.role.name) },
    { key: 'unit', label: t('home.unit'), children: me.unit.name },
    { key: 'region', label: t('home.region'), children: `${me.region.name} (${me.region.code})` },
    {
      key: 'scope',
      label: t('home.dataScope'),
      span: 2,
      children: (
        <>
          <Typography.Text strong>{t(`dataScope.${me.dataScope}`)}</Typography.Text>
          {' — '}
          <span data-testid="home-scope-text">{t(`dataScopeExplain.${me.dataScope}`, scopeParams)}</span>
        </>
      ),
    },
  ];
  return (
    <Card data-testid="home-welcome">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" items={items} />
    </Card>
  );
}
