import { Alert, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { describeError } from '../../../lib/use-show-error';
import { useMissingReports } from '../hooks/use-reports';
import { ReportStatusTag } from './ReportStatusTag';

/** How many of a unit's missing reports one page shows: a phone screen's worth. */
export const UNIT_PAGE_SIZE = 10;

type Props = { periodId: string; unitId: string; page: number; onPage: (page: number) => void };

/**
 * One unit's missing reports on 未报送, a page at a time from the server (`…/missing/reports?unitId=`): each project
 * links to its page, each report to the report itself.
 */
export function UnitMissingReports({ periodId, unitId, page, onPage }: Props) {
  const { t } = useI18n();
  const reports = useMissingReports(periodId, { unitId, page, pageSize: UNIT_PAGE_SIZE });
  if (reports.isError) return <Alert type="error" title={describeError(reports.error, t)} />;
  const data = reports.data;
  return (
    <List
      size="small"
      loading={reports.isFetching}
      dataSource={data?.items}
      data-testid="missing-reports"
      pagination={
        data && data.total > UNIT_PAGE_SIZE
          ? { current: data.page, pageSize: UNIT_PAGE_SIZE, total: data.total, size: 'small', showSizeChanger: false, onChange: onPage }
          : false
      }
      renderItem={(report) => (
        <List.Item style={{ paddingInline: 0 }} data-testid="missing-report" data-project={report.projectName}>
          <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
            <Link to={`/projects/${report.projectId}`} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis={{ tooltip: report.projectName }} style={{ color: 'inherit' }}>
                {report.projectName}
              </Typography.Text>
            </Link>
            <Flex gap={8} align="center" style={{ flex: 'none' }}>
              <ReportStatusTag status={report.status} />
              <Link to={`/my-reports/${report.id}`} data-testid="missing-report-open">
                {t('missing.openReport')}
              </Link>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
