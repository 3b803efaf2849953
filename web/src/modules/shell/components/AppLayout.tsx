import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../../i18n';
import { FullPageSpin } from '../../../ui/FullPageSpin';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch';
import { LocaleFromProfile } from '../../auth/components/LocaleFromProfile';
import { useMe } from '../../auth/hooks/use-me';
import { forcedPath } from '../../auth/paths';
import { NotificationBell } from '../../notifications/components/NotificationBell';
import { NavMenu } from './NavMenu';
import { ShellText } from './ShellText';
import { UserMenu } from './UserMenu';

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={8} style={{ height: 56, paddingInline: collapsed ? 0 : 20, justifyContent: collapsed ? 'center' : 'start' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <ShellText strong style={{ fontSize: 16 }}>
          {t('app.name')}
        </ShellText>
      )}
    </Flex>
  );
}

// The phone's menu drawer is fetched on phones only: a desktop's first page does without it.
const Drawer = lazy(() => import('antd/es/drawer'));

/** The signed-in frame: side menu (a drawer on phones), header with user, language and sign-out, then the page. */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Phone width (< 768 px): unit staff report from their phones.
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // An initial password to change, or a second factor the role requires: that page is the only one open.
  const forced = forcedPath(me);

  if (forced && location.pathname !== forced) return <Navigate to={forced} replace />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <LocaleFromProfile />
      {!isPhone && (
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <Brand collapsed={collapsed} />
          <NavMenu disabled={forced !== null} />
        </Layout.Sider>
      )}
      {isPhone && (
        <Suspense fallback={null}>
          <Drawer
            open={drawerOpen}
            placement="left"
            size={240}
            onClose={() => setDrawerOpen(false)}
            title={<Brand collapsed={false} />}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu disabled={forced !== null} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        </Suspense>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: isPhone ? 8 : 16,
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: 'normal',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Button
              type="text"
              icon={isPhone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => (isPhone ? setDrawerOpen(true) : setCollapsed(!collapsed))}
              data-testid="menu-toggle"
            />
            <Flex align="center" gap={isPhone ? 0 : 8}>
              {forced === null && <NotificationBell compact={isPhone} />}
              <LanguageSwitch />
              <UserMenu compact={isPhone} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
