import { chinaToday } from '../../../lib/china-today';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OPPORTUNITY_KINDS, type OpportunityKind } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { Opportunity } from '../api/opportunities-api';
import { useSaveOpportunity } from '../hooks/use-opportunities';

type Values = {
  kind: OpportunityKind;
  title: string;
  description: string;
  location?: string;
  contactName: string;
  contactPhone: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
};

/** What the form opens for: a new draft, or an item to edit (a draft or a returned one). */
export type OpportunityFormTarget = { item: Opportunity | null };

/** Drafts or edits an item of the city opportunity list; the server's field errors show under the fields. */
export function OpportunityFormModal({ target, onClose }: { target: OpportunityFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveOpportunity();
  const { message } = App.useApp();
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, OpportunityFormTarget>
      target={target}
      title={target?.item ? t('opportunity.edit') : t('opportunity.new')}
      testId="opportunity-form"
      okTestId="opportunity-form-ok"
      width={720}
      startValues={({ item }) =>
        item
          ? {
              kind: item.kind,
              title: item.title,
              description: item.description,
              location: item.location ?? '',
              contactName: item.contactName,
              contactPhone: item.contactPhone,
              validFrom: dayjs(item.validFrom),
              validTo: item.validTo ? dayjs(item.validTo) : null,
            }
          : { kind: 'scenario', validFrom: chinaToday(), validTo: chinaToday().add(6, 'month') }
      }
      onSubmit={async (values, { item }) => {
        const fields = {
          kind: values.kind,
          title: values.title.trim(),
          description: values.description.trim(),
          location: values.location?.trim() || null,
          contactName: values.contactName.trim(),
          contactPhone: values.contactPhone.trim(),
          validFrom: values.validFrom.format('YYYY-MM-DD'),
          validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
        };
        await save.mutateAsync({ id: item?.id ?? null, body: item ? { ...fields, version: item.version } : fields });
        message.success(t('common.saved'));
      }}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('opportunity.kind')} rules={[required]}>
            <Select
              options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`opportunityKind.${k}`) }))}
              data-testid="opportunity-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={t('opportunity.title')} rules={[required, { max: 100 }]}>
            <Input maxLength={100} data-testid="opportunity-title" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('opportunity.description')} rules={[required, { max: 4000 }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="opportunity-description" />
      </Form.Item>
      <Form.Item name="location" label={t('opportunity.location')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="opportunity-location" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contactName" label={t('opportunity.contactName')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} data-testid="opportunity-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactPhone" label={t('opportunity.contactPhone')} rules={[required]}>
            <Input maxLength={20} data-testid="opportunity-contact-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validFrom" label={t('opportunity.validFrom')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} data-testid="opportunity-valid-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validTo" label={t('opportunity.validTo')} extra={t('opportunity.validToHint')}>
            <DatePicker style={{ width: '100%' }} data-testid="opportunity-valid-to" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
