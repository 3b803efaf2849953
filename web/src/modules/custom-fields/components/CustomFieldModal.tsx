import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../../common/domain/custom-fields';
import { MAX_CHOICE_OPTIONS } from '../../../../../common/schemas/custom-fields';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { CustomField } from '../api/custom-fields-api';
import { useSaveCustomField } from '../hooks/use-custom-fields';

export type CustomFieldTarget = { mode: 'create' } | { mode: 'edit'; field: CustomField };

type Values = {
  key: string;
  label: string;
  labelEn: string;
  type: CustomFieldType;
  options?: string[];
  required: boolean;
  categoryCode?: string | null;
  sortOrder?: number | null;
};

type CustomFieldModalProps = { target: CustomFieldTarget | null; onClose: () => void };

/** Defines or edits a custom field; the key is fixed once created, the type while projects hold values. */
export function CustomFieldModal({ target, onClose }: CustomFieldModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveCustomField();
  const categories = useDictionaryOptions('project_category');
  const editing = target?.mode === 'edit' ? target.field : null;
  const type = Form.useWatch('type', form);
  const typeLocked = (editing?.projectCount ?? 0) > 0;

  const submit = (values: Values, opened: CustomFieldTarget) => {
    const body = {
      label: values.label,
      labelEn: values.labelEn,
      type: values.type,
      options: values.type === 'choice' ? (values.options ?? []).map((o) => o.trim()).filter(Boolean) : [],
      required: values.required,
      categoryCode: values.categoryCode ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    return save.mutateAsync(
      opened.mode === 'edit'
        ? { id: opened.field.id, body: { ...body, version: opened.field.version } }
        : { id: null, body: { ...body, key: values.key } },
    );
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormModal<Values, CustomFieldTarget>
      target={target}
      form={form}
      title={editing ? t('customField.editTitle', { label: editing.label }) : t('customField.createTitle')}
      startValues={(opened) => {
        if (opened.mode === 'create') return { type: 'text', required: false, options: [] };
        const { key, label, labelEn, type, options, required, categoryCode, sortOrder } = opened.field;
        return { key, label, labelEn, type, options, required, categoryCode, sortOrder };
      }}
      onSubmit={submit}
      onClose={onClose}
      okTestId="custom-field-save"
      testId="custom-field-form"
      width={640}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="label" label={t('customField.label')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} data-testid="custom-field-label" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="labelEn" label={t('customField.labelEn')} rules={[required, { max: 100 }]}>
            <Input maxLength={100} data-testid="custom-field-label-en" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="key"
        label={t('customField.key')}
        extra={editing ? undefined : t('customField.keyHint')}
        rules={[required, { pattern: CUSTOM_FIELD_KEY, message: t('customField.keyFormat') }]}
      >
        <Input maxLength={32} disabled={editing !== null} style={{ fontFamily: 'monospace' }} data-testid="custom-field-key" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('customField.type')} extra={typeLocked ? t('customField.typeLocked') : undefined}>
            <Select
              disabled={typeLocked}
              options={CUSTOM_FIELD_TYPES.map((value) => ({ value, label: t(`customField.type.${value}`) }))}
              data-testid="custom-field-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="categoryCode" label={t('customField.category')}>
            <Select
              allowClear
              placeholder={t('customField.allCategories')}
              options={categories.options}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="custom-field-category"
            />
          </Form.Item>
        </Col>
      </Row>
      {type === 'choice' && (
        <Form.Item
          name="options"
          label={t('customField.options')}
          extra={t('customField.optionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
        >
          <Select mode="tags" open={false} maxCount={MAX_CHOICE_OPTIONS} tokenSeparators={['\n']} data-testid="custom-field-options" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="required" label={t('customField.required')} valuePropName="checked">
            <Switch data-testid="custom-field-required" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="sortOrder" label={t('customField.sortOrder')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
