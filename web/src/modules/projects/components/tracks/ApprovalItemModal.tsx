import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../../i18n';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../../../../lib/enums';
import { FormModal } from '../../../../ui/FormModal';
import type { ApprovalItem } from '../../api/tracks-api';
import { useDictionaryOptions } from '../../hooks/use-pickers';
import { useSaveApprovalItem } from '../../hooks/use-tracks';

export type ApprovalItemTarget = { mode: 'create'; usedTypes: string[] } | { mode: 'edit'; item: ApprovalItem };

type Values = {
  typeCode: string;
  status: ApprovalStatus;
  appliedOn: Dayjs | null;
  approvedOn: Dayjs | null;
  documentNumber: string | null;
  note: string | null;
};

type ApprovalItemModalProps = { projectId: string; target: ApprovalItemTarget | null; onClose: () => void };

const isoOrNull = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Adds an approval item (立项审批, 用地预审, 环评 …) or records its progress: status, dates, document number. */
export function ApprovalItemModal({ projectId, target, onClose }: ApprovalItemModalProps) {
  const { t } = useI18n();
  const save = useSaveApprovalItem(projectId);
  const types = useDictionaryOptions('approval_item_type');
  const editing = target?.mode === 'edit' ? target.item : null;

  const submit = (values: Values, opened: ApprovalItemTarget) => {
    const fields = {
      status: values.status,
      appliedOn: isoOrNull(values.appliedOn),
      approvedOn: isoOrNull(values.approvedOn),
      documentNumber: textOrNull(values.documentNumber),
      note: textOrNull(values.note),
    };
    return save.mutateAsync(
      opened.mode === 'edit'
        ? { id: opened.item.id, body: { ...fields, version: opened.item.version } }
        : { id: null, body: { ...fields, typeCode: values.typeCode } },
    );
  };

  const used = target?.mode === 'create' ? new Set(target.usedTypes) : new Set<string>();
  return (
    <FormModal<Values, ApprovalItemTarget>
      target={target}
      title={editing ? t('approval.editTitle', { name: editing.typeName }) : t('approval.createTitle')}
      startValues={(opened) => {
        if (opened.mode === 'create') return { status: 'pending' };
        const { item } = opened;
        return {
          typeCode: item.typeCode,
          status: item.status,
          appliedOn: item.appliedOn ? dayjs(item.appliedOn) : null,
          approvedOn: item.approvedOn ? dayjs(item.approvedOn) : null,
          documentNumber: item.documentNumber,
          note: item.note,
        };
      }}
      onSubmit={submit}
      onClose={onClose}
      testId="approval-form"
    >
      <Form.Item name="typeCode" label={t('approval.type')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          disabled={editing !== null}
          showSearch={{ optionFilterProp: 'label' }}
          options={types.options.filter((o) => !used.has(o.value))}
          data-testid="approval-type"
        />
      </Form.Item>
      <Form.Item name="status" label={t('approval.status')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`approvalStatus.${s}`) }))} data-testid="approval-status" />
      </Form.Item>
      <Form.Item name="appliedOn" label={t('approval.appliedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="approvedOn" label={t('approval.approvedOn')}>
        <DatePicker style={{ width: '100%' }} data-testid="approval-approved-on" />
      </Form.Item>
      <Form.Item name="documentNumber" label={t('approval.documentNumber')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('approval.note')} rules={[{ max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
