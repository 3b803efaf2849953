import { Alert, Card, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { GateConfigForm } from '../modules/gates/components/GateConfigForm';
import { useGateConfig } from '../modules/gates/hooks/use-gate-config';

/** 入库条件: the project office sets what each forward move between pools requires; read-only without project.configure. */
export function GatesPage() {
  const { t } = useI18n();
  const config = useGateConfig();
  const isDefault = config.data?.isDefault ?? false;
  return (
    <Card
      title={t('nav.gates')}
      extra={
        isDefault && (
          <Tag color="blue" data-testid="gates-default">
            {t('gates.default')}
          </Tag>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('gates.intro')}</Typography.Paragraph>
      {isDefault && <Alert type="info" showIcon title={t('gates.defaultHint')} style={{ marginBottom: 16 }} />}
      {config.isPending && <Spin />}
      {config.error && <Alert type="error" showIcon title={describeError(config.error, t)} />}
      {config.data && <GateConfigForm config={config.data} editable={config.data.abilities?.update ?? false} />}
    </Card>
  );
}
