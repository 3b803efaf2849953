import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { LazyResult } from './LazyResult';

type StatusResultProps = { status: '403' | '404' };

/** The "no permission" and "no such page" screens, with a way back home. */
export function StatusResult({ status }: StatusResultProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const forbidden = status === '403';
  return (
    <LazyResult
      status={status}
      title={forbidden ? t('status.forbiddenTitle') : t('status.notFoundTitle')}
      subTitle={forbidden ? t('status.forbiddenText') : t('status.notFoundText')}
      extra={
        <Button type="primary" onClick={() => navigate('/')} data-testid="back-home">
          {t('status.backHome')}
        </Button>
      }
      data-testid={forbidden ? 'page-403' : 'page-404'}
    />
  );
}
