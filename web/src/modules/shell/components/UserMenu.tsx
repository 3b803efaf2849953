import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useMe } from '../../auth/hooks/use-me';
import { useSignOut } from '../../auth/hooks/use-session';
import { CHANGE_PASSWORD_PATH, TWO_FACTOR_PATH } from '../../auth/paths';
import { ShellText } from './ShellText';

const PHONE_NAME = { display: 'block', maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The user's name and unit, with password change, two-step verification and the two ways to sign out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const confirmEverywhere = () =>
    modal.confirm({
      title: t('auth.signOutEverywhereConfirmTitle'),
      content: t('auth.signOutEverywhereConfirmText'),
      okText: t('auth.signOutEverywhere'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () => signOut.mutateAsync('everywhere'),
    });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'unit', label: me.unit.name, disabled: true, icon: <UserOutlined /> },
          { type: 'divider' },
          { key: 'password', label: t('auth.changePassword'), icon: <KeyOutlined />, 'data-testid': 'change-password' },
          { key: 'two-factor', label: t('nav.twoFactor'), icon: <SafetyOutlined />, 'data-testid': 'two-factor' },
          { key: 'sign-out', label: t('auth.signOut'), icon: <LogoutOutlined />, 'data-testid': 'sign-out' },
          {
            key: 'everywhere',
            label: t('auth.signOutEverywhere'),
            icon: <PoweroffOutlined />,
            danger: true,
            'data-testid': 'sign-out-everywhere',
          },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
          if (key === 'two-factor') navigate(TWO_FACTOR_PATH);
          if (key === 'sign-out') signOut.mutate('this');
          if (key === 'everywhere') confirmEverywhere();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }} title={me.displayName}>
        <Flex align="center" gap={8}>
          <UserOutlined />
          <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
            {/* On a phone a long name (周立新（市重点项目服务中心）) is cut with an ellipsis rather than widen the page. */}
            <ShellText strong data-testid="header-user-name" style={compact ? PHONE_NAME : undefined}>
              {me.displayName}
            </ShellText>
            {!compact && (
              <ShellText secondary style={{ fontSize: 12 }} data-testid="header-user-unit">
                {me.unit.name}
              </ShellText>
            )}
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
