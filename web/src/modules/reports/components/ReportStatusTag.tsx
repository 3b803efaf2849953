import { Space, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import type { ProgressReport } from '../api/reports-api';

const COLOURS: Record<ProgressReport['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

/** A report's state (草稿, 已报送, 已审核, 已退回), with 逾期 beside it when it was first submitted after the deadline. */
export function ReportStatusTag({ status, late }: { status: ProgressReport['status']; late?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="report-status" data-status={status}>
        {t(`reportStatus.${status}`)}
      </Tag>
      {late && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="report-late">
          {t('report.late')}
        </Tag>
      )}
    </Space>
  );
}
