import { Form, Input, InputNumber, Switch } from 'antd';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useSaveDictionaryItem } from '../hooks/use-dictionaries';

export type DictionaryItemTarget = { mode: 'create' } | { mode: 'edit'; item: DictionaryItem };

type Values = { code?: string; name: string; nameEn: string; parentCode?: string | null; sortOrder?: number | null; enabled: boolean };

type DictionaryItemModalProps = { type: DictionaryType; target: DictionaryItemTarget | null; onClose: () => void };

/** Adds or edits a dictionary item; the code is fixed once created (records refer to it). */
export function DictionaryItemModal({ type, target, onClose }: DictionaryItemModalProps) {
  const { t } = useI18n();
  const save = useSaveDictionaryItem();
  const editing = target?.mode === 'edit' ? target.item : null;

  const submit = (values: Values, opened: DictionaryItemTarget) => {
    const body = {
      name: values.name,
      nameEn: values.nameEn,
      parentCode: values.parentCode?.trim() ? values.parentCode.trim() : null,
      sortOrder: values.sortOrder ?? undefined,
      enabled: values.enabled,
    };
    return save.mutateAsync(
      opened.mode === 'edit'
        ? { type, id: opened.item.id, body: { ...body, version: opened.item.version } }
        : { type, id: null, body: { ...body, code: values.code ?? '' } },
    );
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormModal<Values, DictionaryItemTarget>
      target={target}
      title={
        editing ? t('dictionary.editTitle', { name: editing.name }) : t('dictionary.createTitle', { type: t(`dictionaryType.${type}`) })
      }
      startValues={(opened) => {
        if (opened.mode === 'create') return { enabled: true };
        const { code, name, nameEn, parentCode, sortOrder, enabled } = opened.item;
        return { code, name, nameEn, parentCode, sortOrder, enabled };
      }}
      onSubmit={submit}
      onClose={onClose}
      testId="dictionary-form"
    >
      <Form.Item
        name="code"
        label={t('dictionary.code')}
        extra={editing ? undefined : t('dictionary.codeHint')}
        rules={[required, { pattern: /^[A-Za-z0-9_.-]{1,16}$/, message: t('dictionary.codeFormat') }]}
      >
        <Input maxLength={16} disabled={editing !== null} data-testid="dictionary-code" />
      </Form.Item>
      <Form.Item name="name" label={t('dictionary.name')} rules={[required, { max: 100 }]}>
        <Input maxLength={100} data-testid="dictionary-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('dictionary.nameEn')} rules={[required, { max: 200 }]}>
        <Input maxLength={200} data-testid="dictionary-name-en" />
      </Form.Item>
      <Form.Item name="parentCode" label={t('dictionary.parentCode')} extra={t('dictionary.parentCodeHint')} rules={[{ max: 16 }]}>
        <Input maxLength={16} data-testid="dictionary-parent-code" />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('dictionary.sortOrder')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="enabled" label={t('dictionary.enabled')} valuePropName="checked">
        <Switch data-testid="dictionary-enabled" />
      </Form.Item>
    </FormModal>
  );
}
