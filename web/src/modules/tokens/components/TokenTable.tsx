import { Button, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ApiToken } from '../../../../../common/schemas/auth';
import { useI18n } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';

type TokenState = 'active' | 'expired' | 'revoked';

const stateOf = (token: ApiToken): TokenState => {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
};

const STATE_COLOURS: Record<TokenState, string> = { active: 'green', expired: 'default', revoked: 'red' };

type TokenTableProps = { tokens: ApiToken[] | undefined; loading: boolean; onRevoke: (token: ApiToken) => void };

/** The user's tokens with their scopes, dates and state; live tokens can be revoked. */
export function TokenTable({ tokens, loading, onRevoke }: TokenTableProps) {
  const { t, tOptional } = useI18n();
  const columns: ColumnsType<ApiToken> = [
    { title: t('token.name'), dataIndex: 'name' },
    {
      title: t('token.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) =>
        scopes.map((scope) => (
          <Tooltip key={scope} title={scope}>
            <Tag>{tOptional(`permission.${scope}`, scope)}</Tag>
          </Tooltip>
        )),
    },
    {
      title: t('token.state'),
      key: 'state',
      render: (_, token) => <Tag color={STATE_COLOURS[stateOf(token)]}>{t(`tokenState.${stateOf(token)}`)}</Tag>,
    },
    { title: t('token.expiresAt'), dataIndex: 'expiresAt', render: (at: string) => formatDate(at) },
    {
      title: t('token.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      responsive: ['md'],
      render: (at: string | null) => (at ? formatDateTime(at) : t('token.neverUsed')),
    },
    { title: t('token.createdAt'), dataIndex: 'createdAt', responsive: ['lg'], render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        stateOf(token) === 'active' && (
          <Popconfirm
            title={t('token.revokeConfirm', { name: token.name })}
            okText={t('token.revoke')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(token)}
          >
            <Button type="link" size="small" danger data-testid={`token-revoke-${token.id}`}>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<ApiToken>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tokens}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="token-table"
    />
  );
}
