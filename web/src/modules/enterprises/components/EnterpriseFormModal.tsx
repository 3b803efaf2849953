import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_SIZES,
  type EnterpriseKind,
  type EnterpriseSize,
  LISTING_STAGES,
  type ListingStage,
} from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { RegionLookupPicker } from '../../regions/components/RegionLookupPicker';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { Enterprise, EnterpriseCreated } from '../api/enterprises-api';
import { useCreateEnterprise, useUpdateEnterprise } from '../hooks/use-enterprises';

export type EnterpriseFormTarget = { mode: 'create' } | { mode: 'edit'; enterprise: Enterprise };

type Contact = { name: string; phone?: string | null; role?: string | null };
type Values = {
  name: string;
  uscc?: string | null;
  kind: EnterpriseKind;
  abroad?: boolean;
  tags?: string[];
  listingStage?: ListingStage | null;
  size?: EnterpriseSize | null;
  industryCode?: string | null;
  hqRegionCode?: string | null;
  contacts?: Contact[];
};

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Adds or edits an enterprise: name, USCC (the server names the position at fault under the field), local or target,
 * abroad, tags with the listing stage of 拟上市, industry and contacts. After adding, `onCreated` gets the answer with
 * its similar-name warnings.
 */
export function EnterpriseFormModal({
  target,
  onClose,
  onCreated,
}: {
  target: EnterpriseFormTarget | null;
  onClose: () => void;
  onCreated?: (created: EnterpriseCreated) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const tagOptions = useDictionaryOptions('enterprise_tag');
  const kind = Form.useWatch('kind', form);
  const tags = Form.useWatch('tags', form);
  const abroad = Form.useWatch('abroad', form);
  const editing = target?.mode === 'edit' ? target.enterprise : null;

  const submit = async (values: Values, opened: EnterpriseFormTarget) => {
    const preListing = (values.tags ?? []).includes('pre_listing');
    const body = {
      name: values.name.trim(),
      uscc: blankToNull(values.uscc),
      kind: values.kind,
      abroad: values.kind === 'target' && values.abroad === true,
      tags: values.tags ?? [],
      listingStage: preListing ? (values.listingStage ?? null) : null,
      size: values.size ?? null,
      industryCode: values.industryCode ?? null,
      // Abroad means outside China: no region of the national table.
      hqRegionCode: values.kind === 'target' && values.abroad === true ? null : (values.hqRegionCode ?? null),
      contacts: (values.contacts ?? []).map((c) => ({ name: c.name.trim(), phone: blankToNull(c.phone), role: blankToNull(c.role) })),
    };
    if (opened.mode === 'edit') {
      await update.mutateAsync({ id: opened.enterprise.id, body: { ...body, version: opened.enterprise.version } });
    } else {
      onCreated?.(await create.mutateAsync(body));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, EnterpriseFormTarget>
      target={target}
      form={form}
      title={editing ? t('enterprise.editTitle', { name: editing.name }) : t('enterprise.createTitle')}
      startValues={(opened) => {
        if (opened.mode === 'create') return { kind: 'local', tags: [], contacts: [] };
        const { name, uscc, kind: k, abroad, tags: tg, listingStage, size, industryCode, hqRegionCode, contacts } = opened.enterprise;
        return { name, uscc, kind: k, abroad, tags: tg, listingStage, size, industryCode, hqRegionCode, contacts };
      }}
      onSubmit={submit}
      onClose={onClose}
      testId="enterprise-form"
      okTestId="enterprise-save"
      width={640}
    >
      <Form.Item name="name" label={t('enterprise.name')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input maxLength={200} data-testid="enterprise-name" />
      </Form.Item>
      {/* A rule, so that typing re-validates the field and clears the server's message about the code typed before. */}
      <Form.Item name="uscc" label={t('enterprise.uscc')} extra={t('enterprise.usccHint')} rules={[{ max: 40 }]}>
        <Input maxLength={40} style={{ fontFamily: 'monospace' }} autoComplete="off" data-testid="enterprise-uscc" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="kind" label={t('enterprise.kind')} rules={[required]} style={{ minWidth: 160 }}>
          <Select options={ENTERPRISE_KINDS.map((k) => ({ value: k, label: t(`enterpriseKind.${k}`) }))} data-testid="enterprise-kind" />
        </Form.Item>
        {kind === 'target' && (
          <Form.Item name="abroad" valuePropName="checked" label=" ">
            <Checkbox data-testid="enterprise-abroad">{t('enterprise.abroad')}</Checkbox>
          </Form.Item>
        )}
      </Flex>
      {!(kind === 'target' && abroad) && (
        <Form.Item name="hqRegionCode" label={t('enterprise.hq')}>
          <RegionLookupPicker
            initial={editing?.hqRegionCode && editing.hqRegionName ? { code: editing.hqRegionCode, name: editing.hqRegionName } : null}
            data-testid="enterprise-hq"
          />
        </Form.Item>
      )}
      <Form.Item name="tags" label={t('enterprise.tags')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={tagOptions.options}
          data-testid="enterprise-tags"
        />
      </Form.Item>
      {(tags ?? []).includes('pre_listing') && (
        <Form.Item name="listingStage" label={t('enterprise.listingStage')}>
          <Select
            allowClear
            options={LISTING_STAGES.map((s) => ({ value: s, label: t(`listingStage.${s}`) }))}
            data-testid="enterprise-listing-stage"
          />
        </Form.Item>
      )}
      <Form.Item name="size" label={t('enterprise.size')}>
        <Select
          allowClear
          options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: t(`enterpriseSize.${size}`) }))}
          data-testid="enterprise-size"
        />
      </Form.Item>
      <Form.Item name="industryCode" label={t('enterprise.industry')}>
        <IndustryPicker data-testid="enterprise-industry" />
      </Form.Item>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Form.Item label={t('enterprise.contacts')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'name']} rules={[{ ...required, whitespace: true }]} noStyle>
                    <Input placeholder={t('enterprise.contactName')} style={{ width: 140 }} maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} noStyle>
                    <Input placeholder={t('enterprise.contactPhone')} inputMode="tel" style={{ width: 160 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} noStyle>
                    <Input placeholder={t('enterprise.contactRole')} style={{ width: 140 }} maxLength={50} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ alignSelf: 'start' }}>
                {t('enterprise.addContact')}
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
