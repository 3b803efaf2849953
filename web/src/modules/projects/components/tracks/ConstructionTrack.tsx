import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../../i18n';
import type { Project } from '../../api/projects-api';
import { usePlan } from '../../hooks/use-tracks';
import { PlanEditor } from '../plan/PlanEditor';
import { PlanTable } from '../plan/PlanTable';
import { PlanTemplatePicker } from '../plan/PlanTemplatePicker';

// ECharts is large: it loads with the first Gantt chart, not with the project page.
const GanttChart = lazy(async () => ({ default: (await import('../GanttChart')).GanttChart }));

/** 建设: the plan (一项目一方案) scheduled back from the target completion, its milestones and its Gantt chart. */
export function ConstructionTrack({ project, editable }: { project: Project; editable: boolean }) {
  const { t } = useI18n();
  const plan = usePlan(project.id);
  const [editing, setEditing] = useState(false);
  if (plan.isPending) return <Skeleton active />;
  if (!plan.data) return <Empty />;
  const data = plan.data;
  const hasMilestones = data.milestones.length > 0;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{t('plan.title')}</Typography.Text>
        {editable && !editing && (
          <Space wrap>
            <PlanTemplatePicker project={project} hasMilestones={hasMilestones} />
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
              {t('plan.edit')}
            </Button>
          </Space>
        )}
      </Flex>
      {data.startDate && data.deadline ? (
        <Typography.Text type="secondary" data-testid="plan-window">
          {t('plan.window', { start: data.startDate, deadline: data.deadline, earliest: data.earliestCompletion ?? '—' })}
        </Typography.Text>
      ) : (
        <Alert type="info" showIcon title={t('plan.noDates')} />
      )}
      {!data.feasible && (
        <Alert
          type="error"
          showIcon
          title={t('plan.infeasible', { earliest: data.earliestCompletion ?? '—' })}
          data-testid="plan-infeasible"
        />
      )}
      {editing ? (
        <PlanEditor projectId={project.id} plan={data} onDone={() => setEditing(false)} />
      ) : hasMilestones ? (
        <PlanTable plan={data} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.empty')} />
      )}
      {hasMilestones && (
        <>
          <Divider style={{ margin: '8px 0' }} />
          <Suspense fallback={<Skeleton active />}>
            <GanttChart plan={data} projectName={project.name} />
          </Suspense>
        </>
      )}
    </Flex>
  );
}
