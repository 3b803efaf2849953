import { chinaToday } from '../../../lib/china-today';
import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ENTERPRISE_SIZES, type EnterpriseSize } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { DistrictRegionsPicker } from '../../regions/components/DistrictRegionsPicker';
import type { Policy } from '../api/policies-api';
import { useSavePolicy } from '../hooks/use-policies';

export type PolicyFormTarget = { mode: 'create' } | { mode: 'edit'; policy: Policy };

type Values = {
  title: string;
  issuer: string;
  body: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  tags?: string[];
  industryCodes?: string[];
  sizes?: EnterpriseSize[];
  regionCodes?: string[];
  localOnly: boolean;
};

/** Drafts or edits a policy: its text, issuer, validity, and the conditions of the enterprises it fits. */
export function PolicyFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: PolicyFormTarget | null;
  onClose: () => void;
  onSaved?: (policy: Policy) => void;
}) {
  const { t } = useI18n();
  const save = useSavePolicy();
  const tags = useDictionaryOptions('enterprise_tag');
  const required = { required: true, message: t('validation.required') };
  const editing = target?.mode === 'edit' ? target.policy : null;
  return (
    <FormModal<Values, PolicyFormTarget>
      target={target}
      title={editing ? t('policy.editTitle') : t('policy.create')}
      testId="policy-form"
      okTestId="policy-save"
      width={760}
      startValues={(opened) => {
        if (opened.mode === 'create')
          return { validFrom: chinaToday(), localOnly: true, tags: [], industryCodes: [], sizes: [], regionCodes: [] };
        const p = opened.policy;
        return {
          title: p.title,
          issuer: p.issuer,
          body: p.body,
          validFrom: dayjs(p.validFrom),
          validTo: p.validTo ? dayjs(p.validTo) : null,
          tags: p.conditions.tags,
          industryCodes: p.conditions.industryCodes,
          sizes: p.conditions.sizes,
          regionCodes: p.conditions.regionCodes,
          localOnly: p.conditions.localOnly,
        };
      }}
      onSubmit={async (values, opened) => {
        const body = {
          title: values.title.trim(),
          issuer: values.issuer.trim(),
          body: values.body.trim(),
          validFrom: values.validFrom.format('YYYY-MM-DD'),
          validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
          conditions: {
            tags: values.tags ?? [],
            industryCodes: values.industryCodes ?? [],
            sizes: values.sizes ?? [],
            regionCodes: values.regionCodes ?? [],
            localOnly: values.localOnly,
          },
        };
        const saved = await save.mutateAsync(
          opened.mode === 'edit' ? { id: opened.policy.id, body: { ...body, version: opened.policy.version } } : { id: null, body },
        );
        onSaved?.(saved);
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('policy.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} data-testid="policy-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="issuer" label={t('policy.issuer')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={100} data-testid="policy-issuer" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="validFrom" label={t('policy.validFrom')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} data-testid="policy-valid-from" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="validTo" label={t('policy.validTo')} extra={t('policy.validToHint')}>
            <DatePicker style={{ width: '100%' }} data-testid="policy-valid-to" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="body" label={t('policy.body')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="policy-body" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={t('policy.conditionTags')} extra={t('policy.anyOf')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={tags.options}
              data-testid="policy-tags"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryCodes" label={t('policy.conditionIndustries')} extra={t('policy.anyOf')}>
            <IndustryPicker multiple data-testid="policy-industries" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sizes" label={t('policy.conditionSizes')} extra={t('policy.anyOf')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(`enterpriseSize.${s}`) }))}
              data-testid="policy-sizes"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCodes" label={t('policy.conditionRegions')} extra={t('policy.anyOf')}>
            <DistrictRegionsPicker data-testid="policy-regions" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="localOnly" label={t('policy.localOnly')} valuePropName="checked">
            <Switch data-testid="policy-local-only" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
