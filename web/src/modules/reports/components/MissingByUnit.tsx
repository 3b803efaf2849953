import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { describeError } from '../../../lib/use-show-error';
import { useMissing } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { ReportStatusTag } from './ReportStatusTag';

/** 未报送: the period's owed reports not submitted, one card per responsible unit (in the units' order). */
export function MissingByUnit({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const missing = useMissing(periodId);
  if (missing.isPending) return <Skeleton active />;
  if (missing.isError) return <Alert type="error" title={describeError(missing.error, t)} />;
  const data = missing.data;

  return (
    <Flex vertical gap={12} data-testid="missing">
      <Alert
        type={data.total === 0 ? 'success' : data.overdue ? 'error' : 'warning'}
        showIcon
        title={
          <span data-testid="missing-summary">
            {t('missing.summary', { period: periodLabel(t, data.period), deadline: data.deadline, total: data.total })}
            {data.total > 0 && ` · ${data.overdue ? t('missing.overdue') : t('missing.beforeDeadline')}`}
          </span>
        }
      />
      {data.units.length === 0 ? (
        <Empty description={t('missing.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {data.units.map((unit) => (
            <Col key={unit.unitId} xs={24} lg={12} xxl={8}>
              <Card
                size="small"
                title={<span style={{ whiteSpace: 'normal' }}>{unit.unitName}</span>}
                extra={<Tag color={data.overdue ? 'error' : 'warning'}>{t('missing.count', { count: unit.count })}</Tag>}
                data-testid="missing-unit"
                data-unit={unit.unitName}
              >
                <List
                  size="small"
                  dataSource={unit.reports}
                  renderItem={(report) => (
                    <List.Item style={{ paddingInline: 0 }} data-testid="missing-report" data-project={report.projectName}>
                      <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                        <Link to={`/projects/${report.projectId}`} style={{ minWidth: 0 }}>
                          <Typography.Text ellipsis={{ tooltip: report.projectName }} style={{ color: 'inherit' }}>
                            {report.projectName}
                          </Typography.Text>
                        </Link>
                        <ReportStatusTag status={report.status} />
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
