import { Space, Tag } from 'antd';
import type { MatterStatus } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';

const COLOURS: Record<MatterStatus, string> = {
  assigned: 'default',
  accepted: 'cyan',
  in_progress: 'processing',
  answered: 'purple',
  under_review: 'gold',
  closed: 'success',
};

/** A matter's state in the loop, with 逾期 N 天 beside it when it is open past its deadline. */
export function MatterStatusTag({ status, daysOverdue = 0 }: { status: MatterStatus; daysOverdue?: number }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="matter-status" data-status={status}>
        {t(`matterStatus.${status}`)}
      </Tag>
      {daysOverdue > 0 && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="matter-overdue">
          {t('matter.overdueDays', { days: daysOverdue })}
        </Tag>
      )}
    </Space>
  );
}
