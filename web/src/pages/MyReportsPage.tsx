import { Card } from 'antd';
import { useI18n } from '../i18n';
import { MyReportList } from '../modules/reports/components/MyReportList';

/** 我的填报: the reports the user's unit owes for the open periods, to fill in and submit (from a phone as often as not). */
export function MyReportsPage() {
  const { t } = useI18n();
  return (
    <Card title={t('nav.myReports')} styles={{ body: { padding: 12 } }}>
      <MyReportList />
    </Card>
  );
}
