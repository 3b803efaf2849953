import { Card, Flex, List, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { DEFAULT_PAGE_SIZE, type Page, type Paging } from '../../../lib/list';
import { WarningTag } from '../../warnings/components/WarningTag';
import type { ProjectListItem } from '../api/projects-api';
import { DEFAULT_PROJECT_SORT, projectSortOptions } from '../utils/sortable-columns';
import { LevelTags, Money, PoolTag } from './ProjectTags';

type ProjectCardsProps = {
  page: Page<ProjectListItem> | undefined;
  /** The custom fields the person chose to show (the table's extra columns): each a line of the card. */
  extraColumns?: ColumnsType<ProjectListItem>;
  loading: boolean;
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
};

/**
 * The project library on a phone: a card per project (name, pool, warning, lead unit, total investment, planned
 * dates, and the custom fields chosen for the table), paged like the table; the name opens the project.
 */
export function ProjectCards({ page, loading, extraColumns = [], sort, onPagingChange }: ProjectCardsProps) {
  const { t } = useI18n();
  return (
    <List<ProjectListItem>
      loading={loading}
      dataSource={page?.items}
      rowKey="id"
      split={false}
      data-testid="project-cards"
      pagination={
        page && page.total > 0
          ? {
              current: page.page,
              pageSize: page.pageSize,
              total: page.total,
              size: 'small',
              align: 'center',
              showSizeChanger: false,
              showTotal: (total) => t(page.totalCapped ? 'common.totalMoreThan' : 'common.total', { total }),
              onChange: (next, pageSize) => onPagingChange({ page: next, pageSize: pageSize ?? DEFAULT_PAGE_SIZE, sort }),
            }
          : false
      }
      renderItem={(project, index) => (
        <List.Item style={{ padding: '0 0 8px' }}>
          <Card size="small" style={{ width: '100%' }} data-testid={`project-card-${project.id}`}>
            <Flex vertical gap={6}>
              <Link to={`/projects/${project.id}`} style={{ fontWeight: 500, fontSize: 15 }} data-testid={`project-link-${project.id}`}>
                {project.name}
              </Link>
              <Flex wrap gap={4}>
                <PoolTag pool={project.pool} />
                {project.warning && <WarningTag colour={project.warning} />}
                {(project.isProvincialKey || project.isCityKey) && <LevelTags project={project} />}
              </Flex>
              <span>
                <Typography.Text type="secondary">{t('project.leadUnit')} </Typography.Text>
                {project.leadUnitName ?? '—'}
              </span>
              <Flex justify="space-between" wrap gap={4}>
                <span>
                  <Typography.Text type="secondary">{t('project.totalInvestment')} </Typography.Text>
                  <Money yuan={project.totalInvestmentYuan} strong />
                </span>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <Typography.Text type="secondary">{t('project.card.planned')} </Typography.Text>
                  {project.plannedStart || project.plannedCompletion
                    ? `${formatDate(project.plannedStart)} ~ ${formatDate(project.plannedCompletion)}`
                    : '—'}
                </span>
              </Flex>
              {extraColumns.map((column, i) => (
                <span key={String(column.key ?? i)} data-testid={`project-card-custom-${String(column.key ?? i)}`}>
                  <Typography.Text type="secondary">{column.title as ReactNode} </Typography.Text>
                  {column.render?.(undefined, project, index) as ReactNode}
                </span>
              ))}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}

type ProjectCardSortProps = { sort: string | undefined; onChange: (sort: string | undefined) => void };

/** 排序 for the cards: newest change first (the list's default), then every column the table sorts by, both ways. */
export function ProjectCardSort({ sort, onChange }: ProjectCardSortProps) {
  const { t } = useI18n();
  const options = projectSortOptions();
  const known = options.find((option) => option.value === (sort ?? DEFAULT_PROJECT_SORT))?.value;
  return (
    <Select
      size="small"
      variant="borderless"
      value={known}
      placeholder={t('project.sort.label')}
      onChange={(next: string) => onChange(next === DEFAULT_PROJECT_SORT ? undefined : next)}
      options={options.map((option) => ({
        value: option.value,
        label: t(option.label, option.column ? { column: t(option.column) } : undefined),
      }))}
      popupMatchSelectWidth={false}
      listHeight={320}
      data-testid="project-card-sort"
    />
  );
}
