import { Card, Col, Descriptions, Result, Row, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { useCan } from '../modules/auth/hooks/use-me';
import { formatDate } from '../lib/format';
import { MatterStatusTag } from '../modules/matters/components/MatterStatusTag';
import { MatterSteps } from '../modules/matters/components/MatterSteps';
import { MatterTimeline } from '../modules/matters/components/MatterTimeline';
import { AttachmentList } from '../modules/attachments/components/AttachmentList';
import { useMatter } from '../modules/matters/hooks/use-matters';
import type { MatterDetail } from '../modules/matters/api/matters-api';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';

/** One matter: what it is, who leads it, its deadline and state, the steps the user may take, and its timeline. */
export function MatterPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const matter = useMatter(id);
  const categories = useDictionaryOptions('problem_category');
  const can = useCan();
  if (matter.isError) return <Result status="404" title={t('matter.notFound')} />;
  const m = matter.data;
  if (!m) return <Skeleton active />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          title={<Typography.Text data-testid="matter-title">{m.title}</Typography.Text>}
          extra={<MatterStatusTag status={m.status} daysOverdue={m.daysOverdue} />}
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="matter-facts">
            <Descriptions.Item label={t('matter.source')}>{t(`matterSource.${m.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('matter.priority')}>{t(`matterPriority.${m.priority}`)}</Descriptions.Item>
            <Descriptions.Item label={t('matter.category')}>{categories.label(m.category)}</Descriptions.Item>
            {m.projectId && (
              <Descriptions.Item label={t('matter.project')}>
                <Link to={`/projects/${m.projectId}`}>{m.projectName}</Link>
              </Descriptions.Item>
            )}
            {m.sourceReport && (
              <Descriptions.Item label={t('matter.sourceReport')}>
                <SourceReport report={m.sourceReport} linked={can('report.read')} />
              </Descriptions.Item>
            )}
            {m.sourceVisit && (
              <Descriptions.Item label={t('matter.sourceVisit')}>
                <SourceVisit visit={m.sourceVisit} linked={can('enterprise.read')} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('matter.leadUnit')}>{m.leadUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('matter.coUnits')}>{m.coUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('matter.raisingUnit')}>{m.raisingUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('matter.deadline')}>{formatDate(m.deadline)}</Descriptions.Item>
            <Descriptions.Item label={t('matter.escalation')}>
              {m.escalationLevel === 'none' ? '—' : t(`matterEscalation.${m.escalationLevel}`)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{m.description}</Typography.Paragraph>
          <MatterSteps matter={m} />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('matter.timeline')} size="small">
          <MatterTimeline matterId={m.id} entries={m.entries} />
        </Card>
        <Card title={t('attachment.title')} size="small" style={{ marginTop: 16 }}>
          <AttachmentList recordType="matter" recordId={m.id} />
        </Card>
      </Col>
    </Row>
  );
}

/**
 * The monthly report a matter was raised from, opened on the one page that shows a single report (`/my-reports/:id`:
 * the form for its filler, read-only for everyone else who sees it); plain text for a reader without reports.
 */
function SourceReport({ report, linked }: { report: { id: string; year: number; month: number }; linked: boolean }) {
  const { t } = useI18n();
  const label = t('matter.sourceReportLink', { year: report.year, month: report.month });
  return linked ? (
    <Link to={`/my-reports/${report.id}`} data-testid="matter-source-report">
      {label}
    </Link>
  ) : (
    <span data-testid="matter-source-report">{label}</span>
  );
}

/**
 * The visit an enterprise demand was raised in: the enterprise and the day, opening the enterprise's page (its visits
 * and their demands) for a reader who sees the visit and the register; plain words for anyone else.
 */
function SourceVisit({ visit, linked }: { visit: NonNullable<MatterDetail['sourceVisit']>; linked: boolean }) {
  const label = `${visit.enterpriseName} ${formatDate(visit.visitDate)}`;
  return linked && visit.enterpriseId ? (
    <Link to={`/enterprises/${visit.enterpriseId}`} data-testid="matter-source-visit">
      {label}
    </Link>
  ) : (
    <span data-testid="matter-source-visit">{label}</span>
  );
}
