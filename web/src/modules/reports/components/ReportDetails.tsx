import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../auth/hooks/use-me';
import { AttachmentList } from '../../attachments/components/AttachmentList';
import { RaiseMatterModal, type RaiseMatterTarget } from '../../matters/components/RaiseMatterModal';
import type { ProgressReport } from '../api/reports-api';
import { periodLabel } from '../utils/period';
import { ReportStatusTag } from './ReportStatusTag';

/**
 * What a report says, read-only: amount in 万元, 形象进度, milestones reached, problems, and its way through review.
 * Who may raise matters turns the report's problems into one (问题协调), pre-filled with the text and the project.
 */
export function ReportDetails({ report }: { report: ProgressReport }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [raising, setRaising] = useState<RaiseMatterTarget | null>(null);
  const problems = report.problems?.trim() ? report.problems : null;
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
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 140 } }}>
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
          {problems && can('matter.create') && (
            <Button
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => setRaising({ projectId: report.projectId, projectName: report.projectName, problem: problems })}
              data-testid="report-raise-matter"
            >
              {t('report.raiseMatter')}
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
