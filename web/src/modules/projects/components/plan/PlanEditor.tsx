import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { isApiError } from '../../../../lib/api-client';
import { MILESTONE_KINDS, type MilestoneKind } from '../../../../lib/enums';
import { useShowError } from '../../../../lib/use-show-error';
import type { Plan } from '../../api/tracks-api';
import { useDictionaryOptions } from '../../hooks/use-pickers';
import { useSavePlan } from '../../hooks/use-tracks';
import { appendMilestone, type DraftMilestone, removeMilestone, toDraft, toPlanBody } from '../../utils/plan-draft';

type PlanEditorProps = { projectId: string; plan: Plan; onDone: () => void };

/** Edits the whole plan in place: names, kinds, durations, predecessors and actual dates; saved at once. */
export function PlanEditor({ projectId, plan, onDone }: PlanEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSavePlan(projectId);
  const approvalTypes = useDictionaryOptions('approval_item_type');
  const [draft, setDraft] = useState<DraftMilestone[]>(() => toDraft(plan));
  const [cycle, setCycle] = useState<string | null>(null);
  const patch = (id: string, change: Partial<DraftMilestone>) =>
    setDraft((rows) => rows.map((m) => (m.id === id ? { ...m, ...change } : m)));
  const invalid = draft.some((m) => !m.name.trim());

  const submit = () => {
    setCycle(null);
    save.mutate(toPlanBody(draft, plan.version), {
      onSuccess: () => {
        message.success(t('plan.saved'));
        onDone();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'plan_cycle') {
          setCycle(error.message || t('plan.cycle', { cycle: error.details.map((d) => d.message).join(' → ') }));
          return;
        }
        showError(error, { onConflict: onDone });
      },
    });
  };

  const date = (value: string | null) => (value ? dayjs(value) : null);
  const columns: ColumnsType<DraftMilestone> = [
    {
      title: t('plan.milestone'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, m, i) => (
        <Input
          value={name}
          maxLength={100}
          status={name.trim() ? undefined : 'error'}
          onChange={(e) => patch(m.id, { name: e.target.value })}
          data-testid={`milestone-name-${i}`}
        />
      ),
    },
    {
      title: t('plan.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: MilestoneKind, m) => (
        <Select
          value={kind}
          onChange={(next: MilestoneKind) => patch(m.id, { kind: next })}
          options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`milestoneKind.${k}`) }))}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: t('plan.duration'),
      dataIndex: 'durationDays',
      width: 110,
      render: (days: number, m, i) => (
        <InputNumber
          value={days}
          min={0}
          max={3650}
          precision={0}
          onChange={(next) => patch(m.id, { durationDays: next ?? 0 })}
          style={{ width: '100%' }}
          data-testid={`milestone-duration-${i}`}
        />
      ),
    },
    {
      title: t('plan.predecessors'),
      dataIndex: 'predecessorIds',
      width: 240,
      render: (ids: string[], m, i) => (
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          value={ids}
          onChange={(next: string[]) => patch(m.id, { predecessorIds: next })}
          options={draft.filter((other) => other.id !== m.id).map((other) => ({ value: other.id, label: other.name || '—' }))}
          style={{ width: '100%' }}
          data-testid={`milestone-predecessors-${i}`}
        />
      ),
    },
    {
      title: t('plan.plannedFinish'),
      dataIndex: 'plannedFinish',
      width: 150,
      render: (value: string | null, m, i) => (
        <DatePicker
          value={date(value)}
          onChange={(d) => patch(m.id, { plannedFinish: d ? d.format('YYYY-MM-DD') : null })}
          data-testid={`milestone-planned-finish-${i}`}
        />
      ),
    },
    {
      title: t('plan.approvalType'),
      dataIndex: 'approvalTypeCode',
      width: 200,
      render: (code: string | null, m, i) => (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={code ?? undefined}
          placeholder={t('plan.approvalTypeNone')}
          onChange={(next?: string) => patch(m.id, { approvalTypeCode: next ?? null, approval: null })}
          options={approvalTypes.options}
          style={{ width: '100%' }}
          data-testid={`milestone-approval-type-${i}`}
        />
      ),
    },
    {
      title: t('plan.actualStart'),
      dataIndex: 'actualStart',
      width: 150,
      render: (value: string | null, m) => (
        <DatePicker value={date(value)} onChange={(d) => patch(m.id, { actualStart: d ? d.format('YYYY-MM-DD') : null })} />
      ),
    },
    {
      title: t('plan.actualFinish'),
      dataIndex: 'actualFinish',
      width: 180,
      render: (value: string | null, m, i) =>
        m.approval ? (
          // Bound to an approval item the project has: its approval date is the one place this date is typed.
          <Typography.Text type="secondary" data-testid={`milestone-actual-finish-${i}`}>
            {value ?? '—'}
            <br />
            {t('plan.fromApproval', { type: m.approval.typeName })}
          </Typography.Text>
        ) : (
          <DatePicker
            value={date(value)}
            onChange={(d) => patch(m.id, { actualFinish: d ? d.format('YYYY-MM-DD') : null })}
            data-testid={`milestone-actual-finish-${i}`}
          />
        ),
    },
    {
      key: 'remove',
      width: 48,
      render: (_, m) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={() => setDraft((rows) => removeMilestone(rows, m.id))}
          aria-label={t('action.delete')}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="plan-editor">
      <Table<DraftMilestone>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={draft}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {/* Beside the save button, where the eye is after clicking it. */}
      {cycle && <Alert type="error" showIcon title={cycle} data-testid="plan-cycle" />}
      <Flex justify="space-between" wrap gap={8}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setDraft((rows) => appendMilestone(rows, t('plan.newMilestone')))}
          data-testid="milestone-add"
        >
          {t('plan.addMilestone')}
        </Button>
        <Flex gap={8}>
          <Button onClick={onDone}>{t('plan.discard')}</Button>
          <Button type="primary" loading={save.isPending} disabled={invalid} onClick={submit} data-testid="plan-save">
            {t('plan.save')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
