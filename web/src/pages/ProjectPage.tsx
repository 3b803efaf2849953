import { Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { isApiError } from '../lib/api-client';
import { describeError } from '../lib/use-show-error';
import { ProjectFormDrawer, type ProjectFormTarget } from '../modules/projects/components/ProjectFormDrawer';
import { ProjectHeader } from '../modules/projects/components/ProjectHeader';
import { ProjectTimeline } from '../modules/projects/components/ProjectTimeline';
import { ProjectTracks } from '../modules/projects/components/ProjectTracks';
import { useProject } from '../modules/projects/hooks/use-projects';
import { ProjectReports } from '../modules/reports/components/ProjectReports';
import { ProjectMatters } from '../modules/matters/components/ProjectMatters';
import { AttachmentList } from '../modules/attachments/components/AttachmentList';
import { ProjectWarningCard } from '../modules/warnings/components/ProjectWarningCard';
import { ProjectPlacement } from '../modules/map/components/ProjectPlacement';
import { useMe } from '../modules/auth/hooks/use-me';

/** One project: who and what it is, its pool moves, its seven tracks and annual plan, and its history. */
export function ProjectPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const project = useProject(id);
  const me = useMe();
  const [target, setTarget] = useState<ProjectFormTarget | null>(null);

  if (project.isPending) return <Skeleton active />;
  if (project.isError) {
    // Outside the user's scope looks the same as absent: the server answers 404 for both.
    if (isApiError(project.error) && (project.error.status === 404 || project.error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('project.notFound')}
          extra={<Button onClick={() => navigate('/projects')}>{t('project.back')}</Button>}
          data-testid="project-not-found"
        />
      );
    }
    return <Result status="error" title={describeError(project.error, t)} />;
  }
  const data = project.data;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ProjectHeader project={data} onEdit={() => setTarget({ mode: 'edit', project: data })} />
      </Col>
      <Col xs={24} xl={17}>
        <ProjectTracks project={data} />
        {me.permissions.includes('report.read') && (
          <div style={{ marginTop: 16 }}>
            <ProjectReports projectId={data.id} />
          </div>
        )}
        {me.permissions.includes('matter.read') && (
          <div style={{ marginTop: 16 }}>
            <ProjectMatters projectId={data.id} projectName={data.name} />
          </div>
        )}
        <Card title={t('attachment.title')} size="small" style={{ marginTop: 16 }}>
          <AttachmentList recordType="project" recordId={data.id} />
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <ProjectWarningCard projectId={data.id} />
        <div style={{ marginBottom: 16 }}>
          <ProjectPlacement project={data} />
        </div>
        <ProjectTimeline projectId={data.id} projectName={data.name} />
      </Col>
      <ProjectFormDrawer target={target} onClose={() => setTarget(null)} />
    </Row>
  );
}
