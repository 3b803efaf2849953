import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { isApiError } from '../lib/api-client';
import { describeError } from '../lib/use-show-error';
import { ReportDetails } from '../modules/reports/components/ReportDetails';
import { ReportForm } from '../modules/reports/components/ReportForm';
import { ReportStatusTag } from '../modules/reports/components/ReportStatusTag';
import { useReport } from '../modules/reports/hooks/use-reports';
import { periodLabel } from '../modules/reports/utils/period';

/** One owed report: the form while it may be filled (a draft, or returned with its reason), else what was sent. */
export function ReportFormPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const report = useReport(id);
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/my-reports')}
      style={{ paddingInline: 0, alignSelf: 'start' }}
      data-testid="report-back"
    >
      {t('report.back')}
    </Button>
  );

  if (report.isPending) return <Skeleton active />;
  if (report.isError) {
    const notFound = isApiError(report.error) && (report.error.status === 404 || report.error.status === 400);
    return (
      <Result status={notFound ? '404' : 'error'} title={notFound ? t('report.notFound') : describeError(report.error, t)} extra={back} />
    );
  }
  const data = report.data;

  return (
    <Flex vertical gap={8}>
      {back}
      <Card
        styles={{ body: { padding: 16 } }}
        title={
          <Flex vertical style={{ paddingBlock: 8, whiteSpace: 'normal' }}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="report-project">
              {data.projectName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {periodLabel(t, data.period)} · {t('report.due', { deadline: data.deadline })}
            </Typography.Text>
          </Flex>
        }
        extra={<ReportStatusTag status={data.status} late={data.late} />}
      >
        {data.abilities.fill ? (
          <ReportForm report={data} onSubmitted={() => window.scrollTo({ top: 0 })} />
        ) : (
          <ReportDetails report={data} />
        )}
      </Card>
    </Flex>
  );
}
