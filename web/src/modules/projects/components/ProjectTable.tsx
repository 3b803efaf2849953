import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { Page, Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import type { ProjectListItem } from '../api/projects-api';
import type { OptionalProjectColumn } from '../hooks/use-column-choice';
import { isSortableColumn } from '../utils/sortable-columns';
import { formatWan } from '../../../../../common/domain/money';
import { LevelTags, NatureTag, PoolTag } from './ProjectTags';
import { WarningTag } from '../../warnings/components/WarningTag';

/** The heading of each column a person may hide; the column chooser lists them by the same words. */
export const PROJECT_COLUMN_TITLES: Record<OptionalProjectColumn, MessageKey> = {
  code: 'project.code',
  warning: 'project.warning',
  pool: 'project.pool',
  nature: 'project.nature',
  totalInvestmentYuan: 'project.totalInvestmentWan',
  leadUnitName: 'project.leadUnit',
  leaders: 'project.leaders',
  streetName: 'project.street',
  plannedStart: 'project.plannedStart',
  plannedCompletion: 'project.plannedCompletion',
};

/** 马骏（区委常委、副区长） → 马骏: a display name without the title in brackets. */
const withoutTitle = (name: string) => name.replace(/\s*[（(][^）)]*[）)]\s*$/, '') || name;

type ProjectTableProps = {
  page: Page<ProjectListItem> | undefined;
  loading: boolean;
  /** Columns added after the standard ones (the custom fields the user chose to show). */
  extraColumns?: ColumnsType<ProjectListItem>;
  /** Standard columns the person chose to hide. */
  hidden?: OptionalProjectColumn[];
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
};

/** The project library: one row per project, sortable by name, code, money and dates; the name opens the project. */
export function ProjectTable({ page, loading, extraColumns = [], hidden = [], sort, onPagingChange }: ProjectTableProps) {
  const { t } = useI18n();
  const standard: ColumnsType<ProjectListItem> = [
    {
      title: t('project.name'),
      dataIndex: 'name',
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
      title: t(PROJECT_COLUMN_TITLES.code),
      dataIndex: 'code',
      render: (code: string | null) =>
        code ? <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{code}</Typography.Text> : '—',
    },
    {
      title: t(PROJECT_COLUMN_TITLES.warning),
      dataIndex: 'warning',
      render: (colour: ProjectListItem['warning']) => <WarningTag colour={colour} />,
    },
    { title: t(PROJECT_COLUMN_TITLES.pool), dataIndex: 'pool', render: (pool: ProjectListItem['pool']) => <PoolTag pool={pool} /> },
    {
      title: t(PROJECT_COLUMN_TITLES.nature),
      dataIndex: 'nature',
      render: (nature: ProjectListItem['nature']) => <NatureTag nature={nature} />,
    },
    {
      title: t(PROJECT_COLUMN_TITLES.totalInvestmentYuan),
      dataIndex: 'totalInvestmentYuan',
      align: 'right',
      render: (yuan: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatWan(yuan)}</span>,
    },
    { title: t(PROJECT_COLUMN_TITLES.leadUnitName), dataIndex: 'leadUnitName', responsive: ['md'] },
    {
      title: t(PROJECT_COLUMN_TITLES.leaders),
      dataIndex: 'leaders',
      responsive: ['lg'],
      // The names alone in the row (a leader's title in brackets on hover), so the table fits a 1440 px screen.
      render: (leaders: ProjectListItem['leaders']) =>
        leaders.length > 0 ? (
          <span title={leaders.map((l) => l.name).join('、')}>{leaders.map((l) => withoutTitle(l.name)).join('、')}</span>
        ) : (
          '—'
        ),
    },
    {
      title: t(PROJECT_COLUMN_TITLES.streetName),
      dataIndex: 'streetName',
      responsive: ['lg'],
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t(PROJECT_COLUMN_TITLES.plannedStart),
      dataIndex: 'plannedStart',
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
    {
      title: t(PROJECT_COLUMN_TITLES.plannedCompletion),
      dataIndex: 'plannedCompletion',
      render: (date: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</span>,
    },
  ];
  const columns = [
    ...standard
      .filter((column) => !hidden.includes((column as { dataIndex?: string }).dataIndex as OptionalProjectColumn))
      // The sort arrows on the columns the list sorts by, the same list the phone's 排序 offers.
      .map((column) => ({ ...column, sorter: isSortableColumn((column as { dataIndex?: string }).dataIndex) })),
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
