import { Alert, Button, Descriptions, Flex, Grid, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../auth/hooks/use-me';
import { AttachmentList } from '../../attachments/components/AttachmentList';
import { MatterStatusTag } from '../../matters/components/MatterStatusTag';
import { RaiseMatterModal, type RaiseMatterTarget } from '../../matters/components/RaiseMatterModal';
import type { ProgressReportDetail } from '../api/reports-api';
import { periodLabel } from '../utils/period';
import { ReportStatusTag } from './ReportStatusTag';

/**
 * What a report says, read-only: amount in 万元, 形象进度, milestones reached, problems, and its way through review.
 * Who may raise matters turns the report's problems into one (问题协调), pre-filled with the text and the project and
 * recording the report; the matters already raised from it are listed under the problems, so none is raised twice.
 */
export function ReportDetails({ report }: { report: ProgressReportDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  // On a phone the labels go above their values: beside them they would be squeezed to a character a line.
  const wide = Grid.useBreakpoint().sm ?? true;
  const [raising, setRaising] = useState<RaiseMatterTarget | null>(null);
  const problems = report.problems?.trim() ? report.problems : null;
  const raised = report.raisedMatters;
  const text = (value: string | null) =>
    value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph> : '—';
  return (
    <Flex vertical gap={12} data-testid="report-details">
      {report.status === 'returned' && report.returnReason && (
        <Alert
          type="error"
          showIcon
          title={t('report.returnReason')}
          description={report.returnReason}
          data-testid="report-return-reason"
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        layout={wide ? 'horizontal' : 'vertical'}
        styles={wide ? { label: { width: 140 } } : undefined}
      >
        <Descriptions.Item label={t('report.project')}>{report.projectName}</Descriptions.Item>
        <Descriptions.Item label={t('report.unit')}>{report.responsibleUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('report.period')}>{periodLabel(t, report.period)}</Descriptions.Item>
        <Descriptions.Item label={t('report.status')}>
          <ReportStatusTag status={report.status} late={report.late} />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.investment')}>
          <span data-testid="report-investment">
            {report.investmentYuan === null ? '—' : `${formatWan(report.investmentYuan)} ${t('money.wan')}`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('report.progressText')}>{text(report.progressText)}</Descriptions.Item>
        <Descriptions.Item label={t('report.progressPercent')}>
          {report.progressPercent === null ? '—' : `${report.progressPercent}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.milestones')}>
          {report.milestones.length === 0
            ? '—'
            : report.milestones.map((m) => (
                <div key={m.milestoneId}>
                  {m.name ?? '—'} · {m.reachedOn}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.problems')}>
          {text(report.problems)}
          {raised.length > 0 && (
            <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="report-raised-matters">
              <Flex gap={8} wrap>
                <Typography.Text type="secondary">{t('report.raisedMatters')}</Typography.Text>
                <Link to={`/matters?sourceReportId=${report.id}`} data-testid="report-raised-on-board">
                  {t('report.raisedMattersOnBoard')}
                </Link>
              </Flex>
              {raised.map((matter) => (
                <Flex key={matter.id} gap={8} align="center" wrap data-testid="report-raised-matter">
                  <Link to={`/matters/${matter.id}`}>{matter.title}</Link>
                  <MatterStatusTag status={matter.status} />
                </Flex>
              ))}
            </Flex>
          )}
          {problems && can('matter.create') && (
            <Button
              size="small"
              style={{ marginTop: 8 }}
              onClick={() =>
                setRaising({ projectId: report.projectId, projectName: report.projectName, problem: problems, sourceReportId: report.id })
              }
              data-testid="report-raise-matter"
            >
              {t(raised.length > 0 ? 'report.raisedMatter' : 'report.raiseMatter')}
            </Button>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.attachments')}>
          <AttachmentList recordType="report" recordId={report.id} />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.submittedAt')}>{formatDateTime(report.submittedAt)}</Descriptions.Item>
        {report.returnedAt && <Descriptions.Item label={t('report.returnedAt')}>{formatDateTime(report.returnedAt)}</Descriptions.Item>}
        {report.approvedAt && <Descriptions.Item label={t('report.approvedAt')}>{formatDateTime(report.approvedAt)}</Descriptions.Item>}
      </Descriptions>
      <RaiseMatterModal target={raising} onClose={() => setRaising(null)} onRaised={(id) => navigate(`/matters/${id}`)} />
    </Flex>
  );
}
