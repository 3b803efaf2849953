import { Card, Flex, List, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { DEFAULT_PAGE_SIZE, type Page, type Paging } from '../../../lib/list';
import { WarningTag } from '../../warnings/components/WarningTag';
import type { ProjectListItem } from '../api/projects-api';
import { LevelTags, Money, PoolTag } from './ProjectTags';

type ProjectCardsProps = {
  page: Page<ProjectListItem> | undefined;
  loading: boolean;
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
};

/**
 * The project library on a phone: a card per project (name, pool, warning, lead unit, total investment, planned
 * dates), paged like the table; the name opens the project.
 */
export function ProjectCards({ page, loading, sort, onPagingChange }: ProjectCardsProps) {
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
      renderItem={(project) => (
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
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}

/** The orders a phone user can pick instead of a column header's arrows; values are the list's `sort`. */
const CARD_SORTS = [
  ['-updatedAt', 'project.sort.updatedAt'],
  ['-warning', 'project.sort.warning'],
  ['-totalInvestmentYuan', 'project.sort.totalInvestmentYuan'],
  ['plannedStart', 'project.sort.plannedStart'],
  ['plannedCompletion', 'project.sort.plannedCompletion'],
  ['name', 'project.sort.name'],
] as const;

type ProjectCardSortProps = { sort: string | undefined; onChange: (sort: string | undefined) => void };

/** 排序 for the cards: newest change first (the list's default), red first, largest investment, dates, name. */
export function ProjectCardSort({ sort, onChange }: ProjectCardSortProps) {
  const { t } = useI18n();
  const known = CARD_SORTS.find(([option]) => option === sort)?.[0];
  return (
    <Select
      size="small"
      variant="borderless"
      value={known ?? (sort ? undefined : '-updatedAt')}
      placeholder={t('project.sort.label')}
      onChange={(next: string) => onChange(next === '-updatedAt' ? undefined : next)}
      options={CARD_SORTS.map(([option, label]) => ({ value: option, label: t(label) }))}
      popupMatchSelectWidth={false}
      data-testid="project-card-sort"
    />
  );
}
