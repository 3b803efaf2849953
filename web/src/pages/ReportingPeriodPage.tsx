import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { isApiError } from '../lib/api-client';
import { describeError } from '../lib/use-show-error';
import type { ReportingPeriod } from '../modules/reports/api/reports-api';
import { AddProjectModal } from '../modules/reports/components/AddProjectModal';
import { PeriodReportsTable } from '../modules/reports/components/PeriodReportsTable';
import { usePeriod } from '../modules/reports/hooks/use-reports';
import { periodLabel } from '../modules/reports/utils/period';

/** One reporting period: its deadline and counts, and every report it owes (added or taken off while it is open). */
export function ReportingPeriodPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const period = usePeriod(id);
  const [adding, setAdding] = useState<ReportingPeriod | null>(null);
  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate('/reporting-periods')}
      style={{ paddingInline: 0, alignSelf: 'start' }}
    >
      {t('period.back')}
    </Button>
  );

  if (period.isPending) return <Skeleton active />;
  if (period.isError) {
    const notFound = isApiError(period.error) && (period.error.status === 404 || period.error.status === 400);
    return (
      <Result status={notFound ? '404' : 'error'} title={notFound ? t('period.notFound') : describeError(period.error, t)} extra={back} />
    );
  }
  const data = period.data;
  const c = data.counts;

  return (
    <Flex vertical gap={8}>
      {back}
      <Card title={`${periodLabel(t, data.period)} ${t('period.reports')}`}>
        <Flex justify="end" gap={8} wrap style={{ marginBottom: 12 }}>
          <Link to={`/reporting-periods/${data.id}/missing`}>
            <Button data-testid="period-missing-link">
              {t('missing.title')} {c.missing}
            </Button>
          </Link>
          {data.abilities.addProject && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(data)} data-testid="period-add-project">
              {t('period.addProject')}
            </Button>
          )}
        </Flex>
        <Descriptions size="small" column={{ xs: 2, sm: 4, xl: 8 }} style={{ marginBottom: 16 }} data-testid="period-summary">
          <Descriptions.Item label={t('period.status')}>
            <Tag color={data.status === 'open' ? 'processing' : 'default'}>{t(`periodStatus.${data.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('period.deadline')}>{data.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('period.owed')}>{c.owed}</Descriptions.Item>
          <Descriptions.Item label={t('period.submitted')}>{c.submitted}</Descriptions.Item>
          <Descriptions.Item label={t('period.approved')}>{c.approved}</Descriptions.Item>
          <Descriptions.Item label={t('period.returned')}>{c.returned}</Descriptions.Item>
          <Descriptions.Item label={t('period.missing')}>{c.missing}</Descriptions.Item>
          <Descriptions.Item label={t('period.late')}>{c.late}</Descriptions.Item>
        </Descriptions>
        <PeriodReportsTable period={data} />
      </Card>
      <AddProjectModal period={adding} onClose={() => setAdding(null)} />
    </Flex>
  );
}
