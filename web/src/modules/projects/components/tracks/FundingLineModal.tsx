import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../../i18n';
import { useShowError } from '../../../../lib/use-show-error';
import type { FundingLine } from '../../api/tracks-api';
import { useDictionaryOptions } from '../../hooks/use-pickers';
import { useSaveFundingLine } from '../../hooks/use-tracks';
import { wanToYuan, yuanToWanInput } from '../../../../../../common/domain/money';
import { WanInput, wanRule } from '../WanInput';

export type FundingLineTarget = { mode: 'create'; usedSources: string[] } | { mode: 'edit'; line: FundingLine };

const AMOUNTS = ['plannedYuan', 'appliedYuan', 'approvedYuan', 'receivedYuan'] as const;
type Values = { sourceCode: string; note?: string | null } & Record<(typeof AMOUNTS)[number], string | null>;

type FundingLineModalProps = { projectId: string; target: FundingLineTarget | null; onClose: () => void };

/** Adds a funding source or edits its amounts (planned, applied, approved, received), entered in 万元. */
export function FundingLineModal({ projectId, target, onClose }: FundingLineModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveFundingLine(projectId);
  const showError = useShowError();
  const sources = useDictionaryOptions('funding_source');
  const editing = target?.mode === 'edit' ? target.line : null;
  const wan = wanRule(t);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { line } = target;
      form.setFieldsValue({
        sourceCode: line.sourceCode,
        note: line.note,
        ...Object.fromEntries(AMOUNTS.map((field) => [field, yuanToWanInput(line[field])])),
      });
    }
  }, [target, form]);

  const submit = (values: Values) => {
    const amounts = Object.fromEntries(AMOUNTS.map((field) => [field, wanToYuan(values[field]) ?? 0]));
    const note = values.note?.trim() ? values.note.trim() : null;
    const input = editing
      ? { id: editing.id, body: { ...amounts, note, version: editing.version } }
      : { id: null, body: { ...amounts, note, sourceCode: values.sourceCode } };
    save.mutate(input, { onSuccess: onClose, onError: (error) => showError(error, { form, onConflict: onClose }) });
  };

  const used = target?.mode === 'create' ? new Set(target.usedSources) : new Set<string>();
  return (
    <Modal
      open={target !== null}
      title={editing ? t('funding.editTitle', { name: editing.sourceName }) : t('funding.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="funding-form">
        <Form.Item name="sourceCode" label={t('funding.source')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select disabled={editing !== null} options={sources.options.filter((o) => !used.has(o.value))} data-testid="funding-source" />
        </Form.Item>
        <Form.Item name="plannedYuan" label={t('funding.planned')} rules={[wan]}>
          <WanInput data-testid="funding-planned" />
        </Form.Item>
        <Form.Item name="appliedYuan" label={t('funding.applied')} rules={[wan]}>
          <WanInput />
        </Form.Item>
        <Form.Item name="approvedYuan" label={t('funding.approved')} rules={[wan]}>
          <WanInput />
        </Form.Item>
        <Form.Item name="receivedYuan" label={t('funding.received')} rules={[wan]}>
          <WanInput data-testid="funding-received" />
        </Form.Item>
        <Form.Item name="note" label={t('funding.note')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
