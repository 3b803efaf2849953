import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { CustomColumnsPicker } from '../modules/custom-fields/components/CustomColumnsPicker';
import { useCustomColumnChoice, useCustomColumns } from '../modules/custom-fields/hooks/use-custom-columns';
import type { ProjectFilters as Filters, ProjectListItem } from '../modules/projects/api/projects-api';
import { ExportMenu } from '../modules/projects/components/ExportMenu';
import { ProjectCardSort, ProjectCards } from '../modules/projects/components/ProjectCards';
import { ProjectColumnsPicker } from '../modules/projects/components/ProjectColumnsPicker';
import { ProjectFilters } from '../modules/projects/components/ProjectFilters';
import { ProjectFormDrawer, type ProjectFormTarget } from '../modules/projects/components/ProjectFormDrawer';
import { ProjectTable } from '../modules/projects/components/ProjectTable';
import { ProjectTotalsBar } from '../modules/projects/components/ProjectTotalsBar';
import { useProjectColumnChoice } from '../modules/projects/hooks/use-column-choice';
import { useProjectList } from '../modules/projects/hooks/use-projects';
import { paramsFromSearch, searchFromParams } from '../modules/projects/utils/list-params';
import type { Paging } from '../lib/list';

/** 项目库: search and filter the projects in scope, sort and page through them, and create one where allowed. */
export function ProjectsPage() {
  const { t } = useI18n();
  // Filters, sort and page live in the address, so going back from a project returns to the same list.
  const [search, setSearch] = useAddressSearch();
  const navigate = useNavigate();
  const params = paramsFromSearch(search);
  const [target, setTarget] = useState<ProjectFormTarget | null>(null);
  const list = useProjectList(params);
  const canCreate = list.data?.abilities?.create === true;
  const { page: _page, pageSize, sort, ...filters } = params;
  const columnChoice = useCustomColumnChoice();
  const customColumns = useCustomColumns<ProjectListItem>(columnChoice.chosen);
  const standardColumns = useProjectColumnChoice();
  // Below 768 px: icon-only buttons beside the title, the filters in a drawer, a card per project.
  const phone = Grid.useBreakpoint().md === false;
  const onPagingChange = (paging: Paging) => setSearch(searchFromParams({ ...filters, ...paging }), { replace: true });

  return (
    <Card
      title={t('nav.projects')}
      extra={
        <Space size={phone ? 4 : 8}>
          <ExportMenu filters={filters} sort={sort} iconOnly={phone} />
          {list.data?.abilities?.import && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => navigate('/projects/import')}
              aria-label={t('import.open')}
              data-testid="project-import"
            >
              {phone ? null : t('import.open')}
            </Button>
          )}
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'create' })}
              aria-label={t('project.create')}
              data-testid="project-create"
            >
              {phone ? null : t('project.create')}
            </Button>
          )}
        </Space>
      }
    >
      <ProjectFilters
        phone={phone}
        phoneDisplay={<CustomColumnsPicker chosen={columnChoice.chosen} onChange={columnChoice.choose} />}
        value={filters}
        onChange={(next: Filters) => setSearch(searchFromParams({ ...next, page: 1, pageSize, sort }), { replace: true })}
      />
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <ProjectTotalsBar params={params} />
        {phone ? (
          <ProjectCardSort sort={sort} onChange={(next) => onPagingChange({ page: 1, pageSize, sort: next })} />
        ) : (
          <Space size={8}>
            <CustomColumnsPicker chosen={columnChoice.chosen} onChange={columnChoice.choose} />
            <ProjectColumnsPicker hidden={standardColumns.hidden} onChange={standardColumns.hide} />
          </Space>
        )}
      </Flex>
      {phone ? (
        <ProjectCards page={list.data} loading={list.isFetching} extraColumns={customColumns} sort={sort} onPagingChange={onPagingChange} />
      ) : (
        <ProjectTable
          page={list.data}
          loading={list.isFetching}
          extraColumns={customColumns}
          hidden={standardColumns.hidden}
          sort={sort}
          onPagingChange={onPagingChange}
        />
      )}
      <ProjectFormDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
