import { BellOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useRemindMissing } from '../hooks/use-reports';

/**
 * 一键提醒: notifies every unit 未报送 lists, in the app and on its channels (`POST /reporting-periods/:id/remind`);
 * a unit reminded a few minutes ago is left alone, and the message says so.
 */
export function RemindAllButton({ periodId, units }: { periodId: string; units: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const remind = useRemindMissing();
  return (
    <Popconfirm
      title={t('missing.remindConfirm', { units })}
      okText={t('missing.remindAll')}
      cancelText={t('action.cancel')}
      okButtonProps={{ 'data-testid': 'missing-remind-confirm' } as Record<string, string>}
      onConfirm={() =>
        remind
          .mutateAsync(periodId)
          .then((result) => {
            const done = t('missing.reminded', { units: result.reminded.length });
            const skipped =
              result.skipped.length > 0
                ? t('missing.remindSkipped', { units: result.skipped.length, minutes: result.againAfterMinutes })
                : '';
            message.success(skipped ? `${done}；${skipped}` : done);
          })
          .catch((error) => showError(error))
      }
    >
      <Button icon={<BellOutlined />} loading={remind.isPending} disabled={units === 0} data-testid="missing-remind-all">
        {t('missing.remindAll')}
      </Button>
    </Popconfirm>
  );
}
