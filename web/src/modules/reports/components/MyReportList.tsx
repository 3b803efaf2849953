import { chinaToday } from '../../../lib/china-today';
import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import type { ProgressReport } from '../api/reports-api';
import { useOpenPeriodReports } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { ReportStatusTag } from './ReportStatusTag';

/** What needs doing first: returned reports, then drafts, then those awaiting review, then the approved. */
const ORDER: Record<ProgressReport['status'], number> = { returned: 0, draft: 1, submitted: 2, approved: 3 };
const toDo = (r: ProgressReport) => r.status === 'draft' || r.status === 'returned';

function ReportCard({ report }: { report: ProgressReport }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      onClick={() => navigate(`/my-reports/${report.id}`)}
      data-testid="my-report"
      data-project={report.projectName}
      data-project-id={report.projectId}
      data-period={report.period}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: report.projectName }}>
            {report.projectName}
          </Typography.Text>
          <Flex gap={8} align="center" wrap>
            <ReportStatusTag status={report.status} late={report.late} />
            {report.investmentYuan !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatWan(report.investmentYuan)} {t('money.wan')}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
        <Flex align="center" gap={4} style={{ flexShrink: 0, color: '#1d4ed8' }}>
          {report.abilities.fill ? t('report.fill') : t('report.view')}
          <RightOutlined />
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * The reports the user's unit owes in the open periods, as cards a thumb can open: one group per month (the oldest,
 * most urgent, first, marked once past its deadline), what still needs doing first within it.
 */
export function MyReportList() {
  const { t } = useI18n();
  const query = useOpenPeriodReports(undefined);
  if (query.isPending) return <Skeleton active />;
  const reports = query.data?.reports ?? [];
  if (reports.length === 0) return <Empty description={`${t('report.none')}。${t('report.noneHint')}`} data-testid="my-reports-empty" />;
  const periods = [...(query.data?.periods ?? [])].sort((a, b) => a.period.localeCompare(b.period));
  const today = chinaToday().format('YYYY-MM-DD');

  return (
    <Flex vertical gap={16} data-testid="my-reports">
      {periods.map((period) => {
        const own = reports
          .filter((r) => r.periodId === period.id)
          .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.projectName.localeCompare(b.projectName, 'zh-CN'));
        if (own.length === 0) return null;
        const left = own.filter(toDo).length;
        const overdue = left > 0 && period.deadline < today;
        return (
          <Flex key={period.id} vertical gap={8} data-testid="my-reports-period" data-period={period.period}>
            <Flex justify="space-between" align="baseline" wrap gap={4}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {periodLabel(t, period.period)}
              </Typography.Text>
              <Flex gap={4} align="center">
                <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                  {t('report.due', { deadline: period.deadline })}
                </Typography.Text>
                {left > 0 && <Tag color={overdue ? 'error' : 'warning'}>{t('report.toDo', { count: left })}</Tag>}
              </Flex>
            </Flex>
            {own.map((report) => (
              <ReportCard key={report.id} report={report} />
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
