import { Form, Input, Select } from 'antd';
import { useI18n } from '../../../../i18n';
import { FormModal } from '../../../../ui/FormModal';
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
  const save = useSaveFundingLine(projectId);
  const sources = useDictionaryOptions('funding_source');
  const editing = target?.mode === 'edit' ? target.line : null;
  const wan = wanRule(t);

  const submit = (values: Values, opened: FundingLineTarget) => {
    const amounts = Object.fromEntries(AMOUNTS.map((field) => [field, wanToYuan(values[field]) ?? 0]));
    const note = values.note?.trim() ? values.note.trim() : null;
    return save.mutateAsync(
      opened.mode === 'edit'
        ? { id: opened.line.id, body: { ...amounts, note, version: opened.line.version } }
        : { id: null, body: { ...amounts, note, sourceCode: values.sourceCode } },
    );
  };

  const used = target?.mode === 'create' ? new Set(target.usedSources) : new Set<string>();
  return (
    <FormModal<Values, FundingLineTarget>
      target={target}
      title={editing ? t('funding.editTitle', { name: editing.sourceName }) : t('funding.createTitle')}
      startValues={(opened) =>
        opened.mode === 'edit'
          ? {
              sourceCode: opened.line.sourceCode,
              note: opened.line.note,
              ...Object.fromEntries(AMOUNTS.map((field) => [field, yuanToWanInput(opened.line[field])])),
            }
          : undefined
      }
      onSubmit={submit}
      onClose={onClose}
      testId="funding-form"
    >
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
    </FormModal>
  );
}
