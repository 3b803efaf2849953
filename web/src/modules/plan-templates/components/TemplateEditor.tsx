import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useShowError } from '../../../lib/use-show-error';
import type { PlanTemplate } from '../api/plan-templates-api';
import { useUpdatePlanTemplate } from '../hooks/use-plan-templates';
import {
  type DraftItem,
  appendItem,
  bindingOf,
  fieldErrors,
  moveUp,
  removeItem,
  toBody,
  toDraft,
  withBinding,
} from '../utils/template-draft';
import { BindingPicker } from './BindingPicker';

type TemplateEditorProps = { template: PlanTemplate };

/** A control with the server's refusal of it written underneath. */
function Field({ error, children }: { error?: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      {children}
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="template-field-error">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * A plan template's milestones in order — name, duration, predecessors and binding (none / an approval item type /
 * the project's planned start or completion) — edited in place and saved at once with the version read. A refused
 * save shows each error under its field and saves nothing. A table at desktop width, a card per milestone on a phone.
 */
export function TemplateEditor({ template }: TemplateEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = Grid.useBreakpoint().md === false;
  const update = useUpdatePlanTemplate();
  const [draft, setDraft] = useState<DraftItem[]>(() => toDraft(template));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const patch = (index: number, change: (item: DraftItem) => DraftItem) =>
    setDraft((items) => items.map((item, i) => (i === index ? change(item) : item)));
  const invalid = draft.some((m) => !m.name.trim());

  const save = () => {
    setErrors(new Map());
    setRefusal(null);
    update.mutate(
      { id: template.id, body: toBody(draft, template.version) },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.code === 'plan_template_invalid') {
            setErrors(fieldErrors(error.details));
            setRefusal(error.message);
            return;
          }
          showError(error);
        },
      },
    );
  };

  const nameOf = (item: DraftItem, i: number) => (
    <Field error={errors.get(`${i}.name`)}>
      <Input
        value={item.name}
        maxLength={100}
        status={item.name.trim() ? undefined : 'error'}
        onChange={(e) => patch(i, (m) => ({ ...m, name: e.target.value }))}
        aria-label={t('plan.milestone')}
        data-testid={`template-name-${i}`}
      />
    </Field>
  );
  const durationOf = (item: DraftItem, i: number) => (
    <Field error={errors.get(`${i}.durationDays`)}>
      <InputNumber
        value={item.durationDays}
        min={0}
        max={3650}
        precision={0}
        onChange={(next) => patch(i, (m) => ({ ...m, durationDays: next ?? 0 }))}
        style={{ width: '100%' }}
        aria-label={t('plan.duration')}
        data-testid={`template-duration-${i}`}
      />
    </Field>
  );
  const predecessorsOf = (item: DraftItem, i: number) => (
    <Field error={errors.get(`${i}.predecessors`)}>
      <Select
        mode="multiple"
        value={item.predecessors}
        onChange={(next: number[]) => patch(i, (m) => ({ ...m, predecessors: [...next].sort((a, b) => a - b) }))}
        options={draft.slice(0, i).map((other, j) => ({ value: j, label: `${j + 1}. ${other.name || '—'}` }))}
        placeholder={t('templates.noPredecessors')}
        style={{ width: '100%' }}
        aria-label={t('plan.predecessors')}
        data-testid={`template-predecessors-${i}`}
      />
    </Field>
  );
  const bindingFor = (item: DraftItem, i: number) => (
    <Field error={errors.get(`${i}.binding`)}>
      <BindingPicker
        value={bindingOf(item)}
        onChange={(binding) => patch(i, (m) => withBinding(m, binding))}
        error={errors.get(`${i}.binding`)}
        testId={`template-binding-${i}`}
      />
    </Field>
  );
  const actionsOf = (i: number) => (
    <Flex gap={4}>
      <Button
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={i === 0}
        onClick={() => setDraft((items) => moveUp(items, i))}
        aria-label={t('templates.moveUp')}
        title={t('templates.moveUp')}
      />
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        disabled={draft.length <= 1}
        onClick={() => setDraft((items) => removeItem(items, i))}
        aria-label={t('action.delete')}
        title={t('action.delete')}
      />
    </Flex>
  );

  const columns: ColumnsType<DraftItem> = [
    { title: t('templates.order'), key: 'order', width: 48, render: (_, __, i) => i + 1 },
    { title: t('plan.milestone'), key: 'name', width: 150, render: (_, m, i) => nameOf(m, i) },
    { title: t('plan.duration'), key: 'duration', width: 96, render: (_, m, i) => durationOf(m, i) },
    { title: t('plan.predecessors'), key: 'predecessors', width: 190, render: (_, m, i) => predecessorsOf(m, i) },
    { title: t('templates.binding'), key: 'binding', width: 200, render: (_, m, i) => bindingFor(m, i) },
    { key: 'actions', width: 80, render: (_, __, i) => actionsOf(i) },
  ];

  return (
    <Flex vertical gap={12} data-testid="template-editor">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('templates.bindingHint')}
      </Typography.Paragraph>
      {phone ? (
        <Flex vertical gap={8}>
          {draft.map((item, i) => (
            <Card
              key={item.key}
              size="small"
              title={`${i + 1}. ${item.name || '—'}`}
              extra={actionsOf(i)}
              data-testid={`template-card-${i}`}
            >
              <Flex vertical gap={8}>
                <div>
                  <Typography.Text type="secondary">{t('plan.milestone')}</Typography.Text>
                  {nameOf(item, i)}
                </div>
                <Flex gap={8}>
                  <div style={{ width: 96, flex: 'none' }}>
                    <Typography.Text type="secondary">{t('plan.duration')}</Typography.Text>
                    {durationOf(item, i)}
                  </div>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text type="secondary">{t('plan.predecessors')}</Typography.Text>
                    {predecessorsOf(item, i)}
                  </div>
                </Flex>
                <div>
                  <Typography.Text type="secondary">{t('templates.binding')}</Typography.Text>
                  {bindingFor(item, i)}
                </div>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<DraftItem> rowKey="key" size="small" columns={columns} dataSource={draft} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="template-refused" />}
      <Flex justify="space-between" wrap gap={8}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setDraft((items) => appendItem(items, t('plan.newMilestone')))}
          data-testid="template-add"
        >
          {t('plan.addMilestone')}
        </Button>
        <Button type="primary" onClick={save} loading={update.isPending} disabled={invalid} data-testid="template-save">
          {t('action.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
