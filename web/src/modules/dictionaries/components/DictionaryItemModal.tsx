import { Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useSaveDictionaryItem } from '../hooks/use-dictionaries';

export type DictionaryItemTarget = { mode: 'create' } | { mode: 'edit'; item: DictionaryItem };

type Values = { code?: string; name: string; nameEn: string; parentCode?: string | null; sortOrder?: number | null; enabled: boolean };

type DictionaryItemModalProps = { type: DictionaryType; target: DictionaryItemTarget | null; onClose: () => void };

/** Adds or edits a dictionary item; the code is fixed once created (records refer to it). */
export function DictionaryItemModal({ type, target, onClose }: DictionaryItemModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveDictionaryItem();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.item : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { code, name, nameEn, parentCode, sortOrder, enabled } = target.item;
      form.setFieldsValue({ code, name, nameEn, parentCode, sortOrder, enabled });
    } else {
      form.setFieldsValue({ enabled: true });
    }
  }, [target, form]);

  const submit = (values: Values) => {
    const body = {
      name: values.name,
      nameEn: values.nameEn,
      parentCode: values.parentCode?.trim() ? values.parentCode.trim() : null,
      sortOrder: values.sortOrder ?? undefined,
      enabled: values.enabled,
    };
    const input = editing
      ? { type, id: editing.id, body: { ...body, version: editing.version } }
      : { type, id: null, body: { ...body, code: values.code ?? '' } };
    save.mutate(input, { onSuccess: onClose, onError: (error) => showError(error, { form, onConflict: onClose }) });
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open={target !== null}
      title={
        editing ? t('dictionary.editTitle', { name: editing.name }) : t('dictionary.createTitle', { type: t(`dictionaryType.${type}`) })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="dictionary-form">
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
      </Form>
    </Modal>
  );
}
