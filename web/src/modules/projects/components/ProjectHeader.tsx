import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useCustomValueItems } from '../../custom-fields/hooks/use-custom-value-items';
import type { Project } from '../api/projects-api';
import { useProjectAbilities } from '../hooks/use-project-abilities';
import { PoolMoveActions } from './PoolMoveActions';
import { WarningTag } from '../../warnings/components/WarningTag';
import { LevelTags, Money, NatureTag, PoolTag } from './ProjectTags';
import { SinceStartFigure } from './SinceStartFigure';
import { SummaryDownloadButton } from './SummaryDownloadButton';

type ProjectHeaderProps = { project: Project; onEdit: () => void };

/** Who and what the project is at a glance, with the edit button and the pool moves the user may make. */
export function ProjectHeader({ project, onEdit }: ProjectHeaderProps) {
  const { t } = useI18n();
  const can = useProjectAbilities(project);
  const customItems = useCustomValueItems(project);
  const code = project.code ? (
    <Space size={4} wrap>
      <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="project-code-value">
        {project.code}
      </Typography.Text>
      {project.codeRegionName && (
        <Typography.Text type="secondary" data-testid="project-code-region">
          （{t('project.codeRegion', { name: project.codeRegionName })}）
        </Typography.Text>
      )}
    </Space>
  ) : (
    <Typography.Text type="secondary">{t('project.noCode')}</Typography.Text>
  );

  return (
    <Card className="project-header" data-testid="project-header">
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Link to="/projects" className="no-print">
            <ArrowLeftOutlined /> {t('project.back')}
          </Link>
          <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">
              {project.name}
            </Typography.Title>
            <PoolTag pool={project.pool} />
            <WarningTag colour={project.warning} />
            <NatureTag nature={project.nature} />
            <LevelTags project={project} />
          </Flex>
        </div>
        <Space wrap className="no-print">
          {can('update') && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="project-edit">
              {t('action.edit')}
            </Button>
          )}
          <SummaryDownloadButton projectId={project.id} />
          <PoolMoveActions project={project} />
        </Space>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'code', label: t('project.code'), children: code },
          { key: 'total', label: t('project.totalInvestment'), children: <Money yuan={project.totalInvestmentYuan} strong /> },
          { key: 'sinceStart', label: t('project.completedSinceStart'), children: <SinceStartFigure projectId={project.id} /> },
          { key: 'unit', label: t('project.leadUnit'), children: project.leadUnitName },
          {
            key: 'leaders',
            label: t('project.leaders'),
            children: project.leaders.length > 0 ? project.leaders.map((l) => l.name).join('、') : '—',
          },
          {
            key: 'dates',
            label: `${t('project.plannedStart')} / ${t('project.plannedCompletion')}`,
            children: (
              <>
                {project.plannedStart || project.plannedCompletion
                  ? `${formatDate(project.plannedStart)} — ${formatDate(project.plannedCompletion)}`
                  : '—'}
                {/* Where the header and the plan could disagree, the plan wins: say so. */}
                {project.datesFromPlan.length > 0 && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} data-testid="project-dates-source">
                    {t('project.datesFromPlanSource')}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'street', label: t('project.street'), children: project.streetName ?? '—' },
          ...customItems,
          ...(project.pool === 'withdrawn' && project.withdrawnReason
            ? [{ key: 'withdrawn', label: t('move.reason'), children: project.withdrawnReason }]
            : []),
        ]}
      />
    </Card>
  );
}
