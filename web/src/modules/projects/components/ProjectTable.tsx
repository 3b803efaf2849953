import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { Page, Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import type { ProjectListItem } from '../api/projects-api';
import { formatWan } from '../../../../../common/domain/money';
import { LevelTags, NatureTag, PoolTag } from './ProjectTags';
import { WarningTag } from '../../warnings/components/WarningTag';

type ProjectTableProps = {
  page: Page<ProjectListItem> | undefined;
  loading: boolean;
  /** Columns added after the standard ones (the custom fields the user chose to show). */
  extraColumns?: ColumnsType<ProjectListItem>;
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
};

/** The project library: one row per project, sortable by name, code, money and dates; the name opens the project. */
export function ProjectTable({ page, loading, extraColumns = [], sort, onPagingChange }: ProjectTableProps) {
  const { t } = useI18n();
  const columns: ColumnsType<ProjectListItem> = [
    {
      title: t('project.name'),
      dataIndex: 'name',
      sorter: true,
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
      sorter: true,
      render: (code: string | null) =>
        code ? <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{code}</Typography.Text> : '—',
    },
    {
      title: t('project.warning'),
      dataIndex: 'warning',
      sorter: true,
      render: (colour: ProjectListItem['warning']) => <WarningTag colour={colour} />,
    },
    { title: t('project.pool'), dataIndex: 'pool', render: (pool: ProjectListItem['pool']) => <PoolTag pool={pool} /> },
    { title: t('project.nature'), dataIndex: 'nature', render: (nature: ProjectListItem['nature']) => <NatureTag nature={nature} /> },
    {
      title: t('project.totalInvestmentWan'),
      dataIndex: 'totalInvestmentYuan',
      sorter: true,
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
      sorter: true,
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
    {
      title: t('project.plannedCompletion'),
      dataIndex: 'plannedCompletion',
      sorter: true,
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
    ...extraColumns,
  ];

  return (
    <PagedTable<ProjectListItem>
      columns={columns}
      page={page}
      loading={loading}
      sort={sort}
      onPagingChange={onPagingChange}
      data-testid="project-table"
    />
  );
}
