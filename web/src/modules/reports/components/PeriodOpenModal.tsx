import { Alert, App, DatePicker, Form } from 'antd';
import type { ReportingPeriod } from '../api/reports-api';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useOpenPeriod } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';

type Values = { month?: Dayjs | null; deadline?: Dayjs | null };
/** The month the form suggests (the first not yet opened of this month and next), or null when closed. */
export type PeriodOpenTarget = { month: string };

/** The day of the month reports are due by unless the office picks another (many districts ask by the 25th). */
const DEFAULT_DEADLINE_DAY = 25;

/** Opening a month: the month and its deadline; every implementing project of the district then owes a report. */
export function PeriodOpenModal({
  target,
  onClose,
  onOpened,
}: {
  target: PeriodOpenTarget | null;
  onClose: () => void;
  onOpened: (period: ReportingPeriod) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const open = useOpenPeriod();
  const [form] = Form.useForm<Values>();
  const month = Form.useWatch('month', form);

  return (
    <FormModal<Values, PeriodOpenTarget>
      target={target}
      form={form}
      title={t('period.open')}
      okText={t('period.open')}
      okTestId="period-open-confirm"
      testId="period-open-form"
      startValues={(opened) => {
        const m = dayjs(`${opened.month}-01`);
        return { month: m, deadline: m.date(DEFAULT_DEADLINE_DAY) };
      }}
      onValuesChange={(changed) => {
        if (changed.month) form.setFieldValue('deadline', changed.month.date(DEFAULT_DEADLINE_DAY));
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const opened = await open.mutateAsync({
          month: values.month ? values.month.format('YYYY-MM') : '',
          deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : '',
        });
        message.success(t('period.opened', { period: periodLabel(t, opened.period) }));
        onOpened(opened);
      }}
    >
      <Alert type="info" showIcon title={t('period.openHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="month" label={t('period.month')}>
        <DatePicker picker="month" style={{ width: '100%' }} data-testid="period-open-month" />
      </Form.Item>
      <Form.Item name="deadline" label={t('period.deadline')}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => (month ? d.isBefore(month.startOf('month')) || d.isAfter(month.add(1, 'month').endOf('month')) : false)}
          data-testid="period-open-deadline"
        />
      </Form.Item>
    </FormModal>
  );
}
