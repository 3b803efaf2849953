import { Card } from 'antd';
import { useI18n } from '../i18n';
import { ReviewQueue } from '../modules/reports/components/ReviewQueue';

/** 填报审核: the project office approves the submitted reports or returns them with a reason. */
export function ReportReviewPage() {
  const { t } = useI18n();
  return (
    <Card title={t('nav.reportReview')}>
      <ReviewQueue />
    </Card>
  );
}
