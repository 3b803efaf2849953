import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { describeError, useShowError } from '../lib/use-show-error';
import type { CreatedApiToken } from '../modules/tokens/api/tokens-api';
import { TokenCreateModal } from '../modules/tokens/components/TokenCreateModal';
import { TokenTable } from '../modules/tokens/components/TokenTable';
import { useRevokeToken, useTokens } from '../modules/tokens/hooks/use-tokens';
import { OneTimeSecretModal } from '../ui/OneTimeSecretModal';

/** API 令牌: the user's own tokens for scripts and other systems, each secret shown once. */
export function ApiTokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <Card
      title={t('nav.tokens')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('action.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      {tokens.error && <Alert type="error" showIcon title={describeError(tokens.error, t)} style={{ marginBottom: 16 }} />}
      <TokenTable
        tokens={tokens.data}
        loading={tokens.isFetching}
        onRevoke={(token) =>
          revoke.mutate(token.id, { onSuccess: () => message.success(t('token.revoked')), onError: (error) => showError(error) })
        }
      />
      <TokenCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <OneTimeSecretModal
        open={created !== null}
        title={t('token.secretTitle')}
        subject={created ? t('token.secretFor', { name: created.apiToken.name }) : undefined}
        secret={created?.token ?? ''}
        onClose={() => setCreated(null)}
      />
    </Card>
  );
}
