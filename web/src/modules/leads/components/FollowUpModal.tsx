import { chinaToday } from '../../../lib/china-today';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FOLLOW_UP_WAYS, type FollowUpWay } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { Lead } from '../api/leads-api';
import { useFollowUpLead } from '../hooks/use-leads';

type Values = { on: Dayjs; way: FollowUpWay; text: string; nextStep: string | null; toReferrer: boolean };

/** Logs a contact with the lead: the day, how, what happened, the next step, whether the referrer was told. */
export function FollowUpModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useI18n();
  const followUp = useFollowUpLead(lead?.id ?? '');
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, Lead>
      target={lead}
      title={t('lead.followUpAdd')}
      okTestId="lead-follow-up-ok"
      testId="lead-follow-up-form"
      startValues={() => ({ on: chinaToday(), way: 'phone', toReferrer: false })}
      onSubmit={(values) =>
        followUp.mutateAsync({
          on: values.on.format('YYYY-MM-DD'),
          way: values.way,
          text: values.text,
          nextStep: values.nextStep || null,
          toReferrer: values.toReferrer,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="on" label={t('lead.followUpOn')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
      </Form.Item>
      <Form.Item name="way" label={t('lead.followUpWay')} rules={[required]}>
        <Select options={FOLLOW_UP_WAYS.map((w) => ({ value: w, label: t(`followUpWay.${w}`) }))} data-testid="lead-follow-up-way" />
      </Form.Item>
      <Form.Item name="text" label={t('lead.followUpText')} rules={[required, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="lead-follow-up-text" />
      </Form.Item>
      <Form.Item name="nextStep" label={t('lead.followUpNext')} rules={[{ max: 500 }]}>
        <Input maxLength={500} data-testid="lead-follow-up-next" />
      </Form.Item>
      {lead?.referrer && (
        <Form.Item name="toReferrer" valuePropName="checked">
          <Checkbox>{t('lead.followUpToReferrer')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
