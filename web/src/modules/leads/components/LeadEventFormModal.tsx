import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LEAD_EVENT_KINDS, type LeadEventKind } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { LeadEvent } from '../api/leads-api';
import { useSaveLeadEvent } from '../hooks/use-lead-events';

/** What the form is open for: a new trip or fair (null), or one to edit. */
export type LeadEventFormTarget = { event: LeadEvent | null };

type Values = { kind: LeadEventKind; name: string; startsOn: Dayjs; endsOn: Dayjs; places: string[]; notes: string | null };

const DAY = 'YYYY-MM-DD';

/** Records or edits an outbound trip or a fair (外出招商 / 展会): kind, name, dates, the places visited, notes. */
export function LeadEventFormModal({ target, onClose }: { target: LeadEventFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveLeadEvent();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, LeadEventFormTarget>
      target={target}
      form={form}
      title={t(target?.event ? 'leadEvents.edit' : 'leadEvents.add')}
      okTestId="lead-event-ok"
      testId="lead-event-form"
      startValues={({ event }) =>
        event ? { ...event, startsOn: dayjs(event.startsOn), endsOn: dayjs(event.endsOn) } : { kind: 'trip', places: [], notes: null }
      }
      onSubmit={(values, { event }) => {
        const body = {
          kind: values.kind,
          name: values.name.trim(),
          startsOn: values.startsOn.format(DAY),
          endsOn: values.endsOn.format(DAY),
          places: values.places.map((p) => p.trim()).filter(Boolean),
          notes: values.notes?.trim() || null,
        };
        return save.mutateAsync({ id: event?.id ?? null, body: event ? { ...body, version: event.version } : body });
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('leadEvents.kind')} rules={[required]}>
        <Select options={LEAD_EVENT_KINDS.map((k) => ({ value: k, label: t(`leadEventKind.${k}`) }))} data-testid="lead-event-kind" />
      </Form.Item>
      <Form.Item name="name" label={t('leadEvents.name')} rules={[required, { max: 200 }]}>
        <Input maxLength={200} data-testid="lead-event-name" />
      </Form.Item>
      <Form.Item name="startsOn" label={t('leadEvents.startsOn')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} data-testid="lead-event-starts" />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label={t('leadEvents.endsOn')}
        dependencies={['startsOn']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const starts = getFieldValue('startsOn') as Dayjs | undefined;
              return !value || !starts || !value.isBefore(starts, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('leadEvents.endsBeforeStart')));
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="lead-event-ends" />
      </Form.Item>
      <Form.Item name="places" label={t('leadEvents.places')} extra={t('leadEvents.placesHint')} rules={[{ type: 'array', max: 30 }]}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} data-testid="lead-event-places" />
      </Form.Item>
      <Form.Item name="notes" label={t('leadEvents.notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
