import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { CustomColumnsPicker } from '../modules/custom-fields/components/CustomColumnsPicker';
import { useCustomColumnChoice, useCustomColumns } from '../modules/custom-fields/hooks/use-custom-columns';
import type { ProjectFilters as Filters, ProjectListItem } from '../modules/projects/api/projects-api';
import { ExportMenu } from '../modules/projects/components/ExportMenu';
import { ProjectFilters } from '../modules/projects/components/ProjectFilters';
import { ProjectFormDrawer, type ProjectFormTarget } from '../modules/projects/components/ProjectFormDrawer';
import { ProjectTable } from '../modules/projects/components/ProjectTable';
import { ProjectTotalsBar } from '../modules/projects/components/ProjectTotalsBar';
import { useProjectList } from '../modules/projects/hooks/use-projects';
import { paramsFromSearch, searchFromParams } from '../modules/projects/utils/list-params';

/** 项目库: search and filter the projects in scope, sort and page through them, and create one where allowed. */
export function ProjectsPage() {
  const { t } = useI18n();
  // Filters, sort and page live in the address, so going back from a project returns to the same list.
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const params = paramsFromSearch(search);
  const [target, setTarget] = useState<ProjectFormTarget | null>(null);
  const list = useProjectList(params);
  const canCreate = list.data?.abilities?.create === true;
  const { page: _page, pageSize, sort, ...filters } = params;
  const columnChoice = useCustomColumnChoice();
  const customColumns = useCustomColumns<ProjectListItem>(columnChoice.chosen);

  return (
    <Card
      title={t('nav.projects')}
      extra={
        <Space>
          <ExportMenu filters={filters} sort={sort} />
          {list.data?.abilities?.import && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/projects/import')} data-testid="project-import">
              {t('import.open')}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="project-create">
              {t('project.create')}
            </Button>
          )}
        </Space>
      }
    >
      <ProjectFilters
        value={filters}
        onChange={(next: Filters) => setSearch(searchFromParams({ ...next, page: 1, pageSize, sort }), { replace: true })}
      />
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <ProjectTotalsBar params={params} />
        <CustomColumnsPicker chosen={columnChoice.chosen} onChange={columnChoice.choose} />
      </Flex>
      <ProjectTable
        page={list.data}
        loading={list.isFetching}
        extraColumns={customColumns}
        sort={sort}
        onPagingChange={(paging) => setSearch(searchFromParams({ ...filters, ...paging }), { replace: true })}
      />
      <ProjectFormDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
