import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useMatters } from '../hooks/use-matters';
import { MattersTable } from './MattersTable';
import { RaiseMatterModal, type RaiseMatterTarget } from './RaiseMatterModal';

/** The matters tab of a project: its problems and other matters, open ones first; 提出问题 raises a new one. */
export function ProjectMatters({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [raising, setRaising] = useState<RaiseMatterTarget | null>(null);
  const list = useMatters({ projectId, page, pageSize: 10 });
  const extra = list.data?.abilities?.create ? (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setRaising({ projectId, projectName })} data-testid="matter-raise">
      {t('matter.raiseProblem')}
    </Button>
  ) : null;
  return (
    <Card title={t('matter.projectMatters')} size="small" extra={extra} data-testid="project-matters">
      <MattersTable list={list.data} loading={list.isFetching} onPage={setPage} showProject={false} />
      <RaiseMatterModal target={raising} onClose={() => setRaising(null)} onRaised={(id) => navigate(`/matters/${id}`)} />
    </Card>
  );
}
