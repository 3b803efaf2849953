import { BellOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../../../i18n';

/**
 * 一键提醒: notifies every unit 未报送 lists. TODO(notifications): when `POST /reporting-periods/:id/remind` exists,
 * call it here (report.manage_period) and say how many units were reminded; until then the button shows its place.
 */
export function RemindAllButton({ periodId: _periodId }: { periodId: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('missing.remindPending')}>
      <Button icon={<BellOutlined />} disabled data-testid="missing-remind-all">
        {t('missing.remindAll')}
      </Button>
    </Tooltip>
  );
}
