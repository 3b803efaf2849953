import { Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useMatters } from '../hooks/use-matters';
import { MattersTable } from './MattersTable';

/** The matters tab of a project: its problems and other matters, open ones first. */
export function ProjectMatters({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useMatters({ projectId, page, pageSize: 10 });
  return (
    <Card title={t('matter.projectMatters')} size="small" data-testid="project-matters">
      <MattersTable list={list.data} loading={list.isFetching} onPage={setPage} showProject={false} />
    </Card>
  );
}
