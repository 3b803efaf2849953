import { Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { type Page, sortFromSorter, sortOrderOf } from '../../../lib/list';
import type { ProjectListItem } from '../api/projects-api';
import { formatWan } from '../utils/money';
import { LevelTags, NatureTag, PoolTag } from './ProjectTags';

type ProjectTableProps = {
  page: Page<ProjectListItem> | undefined;
  loading: boolean;
  /** Columns added after the standard ones (the custom fields the user chose to show). */
  extraColumns?: ColumnsType<ProjectListItem>;
  sort: string | undefined;
  onChange: (change: { page: number; pageSize: number; sort: string | undefined }) => void;
};

/** The project library: one row per project, sortable by name, code, money and dates; the name opens the project. */
export function ProjectTable({ page, loading, extraColumns = [], sort, onChange }: ProjectTableProps) {
  const { t } = useI18n();
  const sortable = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(sort, field) });
  const columns: ColumnsType<ProjectListItem> = [
    {
      title: t('project.name'),
      dataIndex: 'name',
      ...sortable('name'),
      fixed: 'left',
      width: 260,
      render: (name: string, project) => (
        <div>
          <Link to={`/projects/${project.id}`} data-testid={`project-link-${project.id}`}>
            {name}
          </Link>
          {(project.isProvincialKey || project.isCityKey) && (
            <div>
              <LevelTags project={project} />
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('project.code'),
      dataIndex: 'code',
      ...sortable('code'),
      render: (code: string | null) =>
        code ? <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{code}</Typography.Text> : '—',
    },
    { title: t('project.pool'), dataIndex: 'pool', render: (pool: ProjectListItem['pool']) => <PoolTag pool={pool} /> },
    { title: t('project.nature'), dataIndex: 'nature', render: (nature: ProjectListItem['nature']) => <NatureTag nature={nature} /> },
    {
      title: t('project.totalInvestmentWan'),
      dataIndex: 'totalInvestmentYuan',
      ...sortable('totalInvestmentYuan'),
      align: 'right',
      render: (yuan: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatWan(yuan)}</span>,
    },
    { title: t('project.leadUnit'), dataIndex: 'leadUnitName', responsive: ['md'] },
    {
      title: t('project.leaders'),
      dataIndex: 'leaders',
      responsive: ['lg'],
      render: (leaders: ProjectListItem['leaders']) => (leaders.length > 0 ? leaders.map((l) => l.name).join('、') : '—'),
    },
    { title: t('project.street'), dataIndex: 'streetName', responsive: ['lg'], render: (name: string | null) => name ?? '—' },
    {
      title: t('project.plannedStart'),
      dataIndex: 'plannedStart',
      ...sortable('plannedStart'),
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
    {
      title: t('project.plannedCompletion'),
      dataIndex: 'plannedCompletion',
      ...sortable('plannedCompletion'),
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
    ...extraColumns,
  ];

  return (
    <Table<ProjectListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page?.page,
        pageSize: page?.pageSize,
        total: page?.total,
        showSizeChanger: true,
        showTotal: (total) => t(page?.totalCapped ? 'common.totalMoreThan' : 'common.total', { total }),
      }}
      onChange={(pagination: TablePaginationConfig, _filters, sorter: SorterResult<ProjectListItem> | SorterResult<ProjectListItem>[]) =>
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20, sort: sortFromSorter(sorter) })
      }
      data-testid="project-table"
    />
  );
}
