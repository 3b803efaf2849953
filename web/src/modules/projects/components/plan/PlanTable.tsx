import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../../i18n';
import type { MilestoneKind } from '../../../../lib/enums';
import type { Milestone, Plan } from '../../api/tracks-api';

const range = (start: string | null, finish: string | null) => (start || finish ? `${start ?? '…'} — ${finish ?? '…'}` : '—');

/** The plan's milestones with their durations, predecessors, computed dates, float and flags. */
export function PlanTable({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const names = new Map(plan.milestones.map((m) => [m.id, m.name]));
  const columns: ColumnsType<Milestone> = [
    {
      title: t('plan.milestone'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <Space size={4} wrap>
          <Typography.Text strong={m.critical} type={m.overdue ? 'danger' : undefined}>
            {name}
          </Typography.Text>
          {m.kind !== 'other' && <Tag>{t(`milestoneKind.${m.kind as MilestoneKind}`)}</Tag>}
          {m.critical && <Tag color="orange">{t('plan.critical')}</Tag>}
          {m.overdue && <Tag color="red">{t('plan.overdue')}</Tag>}
          {/* A bound milestone's finish is its approval item's date: say where it comes from, beside its name. */}
          {m.approval && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, display: 'block', maxWidth: 240, whiteSpace: 'normal' }}
              data-testid="milestone-from-approval"
            >
              {m.actualFinish ? `${t('plan.reachedOn', { date: m.actualFinish })} · ` : ''}
              {t('plan.fromApproval', { type: m.approval.typeName })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('plan.duration'), dataIndex: 'durationDays', align: 'right' },
    {
      title: t('plan.predecessors'),
      dataIndex: 'predecessorIds',
      render: (ids: string[]) => (ids.length > 0 ? ids.map((id) => names.get(id) ?? '?').join('、') : '—'),
    },
    { title: t('plan.earliest'), key: 'earliest', render: (_, m) => range(m.earliestStart, m.earliestFinish) },
    { title: t('plan.latest'), key: 'latest', render: (_, m) => range(m.latestStart, m.latestFinish) },
    { title: t('plan.float'), dataIndex: 'floatDays', align: 'right', render: (days: number | null) => days ?? '—' },
    { title: t('plan.plannedFinish'), dataIndex: 'plannedFinish', render: (day: string | null) => day ?? '—' },
    { title: t('plan.actual'), key: 'actual', render: (_, m) => range(m.actualStart, m.actualFinish) },
  ];
  return (
    <Table<Milestone>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...plan.milestones].sort((a, b) => a.sortOrder - b.sortOrder)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="plan-table"
    />
  );
}
