import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import type { ProjectFilters as Filters } from '../modules/projects/api/projects-api';
import { ProjectFilters } from '../modules/projects/components/ProjectFilters';
import { ProjectFormDrawer, type ProjectFormTarget } from '../modules/projects/components/ProjectFormDrawer';
import { ProjectTable } from '../modules/projects/components/ProjectTable';
import { useProjectList } from '../modules/projects/hooks/use-projects';
import { paramsFromSearch, searchFromParams } from '../modules/projects/utils/list-params';

/** 项目库: search and filter the projects in scope, sort and page through them, and create one where allowed. */
export function ProjectsPage() {
  const { t } = useI18n();
  // Filters, sort and page live in the address, so going back from a project returns to the same list.
  const [search, setSearch] = useSearchParams();
  const params = paramsFromSearch(search);
  const [target, setTarget] = useState<ProjectFormTarget | null>(null);
  const list = useProjectList(params);
  const canCreate = list.data?.abilities?.create === true;
  const { page: _page, pageSize, sort, ...filters } = params;

  return (
    <Card
      title={t('nav.projects')}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="project-create">
            {t('project.create')}
          </Button>
        )
      }
    >
      <ProjectFilters
        value={filters}
        onChange={(next: Filters) => setSearch(searchFromParams({ ...next, page: 1, pageSize, sort }), { replace: true })}
      />
      <ProjectTable
        page={list.data}
        loading={list.isFetching}
        sort={sort}
        onChange={(change) => setSearch(searchFromParams({ ...filters, ...change }), { replace: true })}
      />
      <ProjectFormDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
