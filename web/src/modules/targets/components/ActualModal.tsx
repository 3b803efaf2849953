import { Form, Input, Select, Table } from 'antd';
import { useI18n } from '../../../i18n';
import { chinaToday } from '../../../lib/china-today';
import { FormModal } from '../../../ui/FormModal';
import type { Indicator } from '../api/targets-api';
import { targetsApi } from '../api/targets-api';
import { useIndicator, useTargetsMutation } from '../hooks/use-targets';

type Values = { month: number; value: string; note?: string };

/** The months of the year that have begun (no actual for a month still to come). */
export function monthsSoFar(year: number, today = chinaToday()): number[] {
  const thisYear = today.year();
  const last = year < thisYear ? 12 : year > thisYear ? 0 : today.month() + 1;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** The month offered first: the last one that has ended (this month while it is the only one). */
export const lastFullMonth = (months: number[]) => months.at(-2) ?? months.at(-1);

/** The owner unit enters a month's year-to-date actual with a note; the months entered so far are listed below. */
export function ActualModal({ target, onClose }: { target: Indicator | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useIndicator(target?.id ?? null);
  const save = useTargetsMutation(({ id, values }: { id: string; values: Values }) =>
    targetsApi.enterActual(id, values.month, { value: values.value, note: values.note ?? null }),
  );
  const months = target ? monthsSoFar(target.year) : [];
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, Indicator>
      target={target}
      title={target ? t('target.enterTitle', { name: target.name }) : ''}
      startValues={() => ({ month: lastFullMonth(months) })}
      onSubmit={(values, indicator) => save.mutateAsync({ id: indicator.id, values })}
      onClose={onClose}
      testId="actual-form"
      okTestId="actual-form-save"
    >
      <Form.Item name="month" label={t('target.month')} rules={[required]}>
        <Select options={months.map((m) => ({ value: m, label: t('target.monthLabel', { month: m }) }))} data-testid="actual-month" />
      </Form.Item>
      <Form.Item
        name="value"
        label={`${t('target.value')}（${target ? t(`targetMeasure.${target.measure}`) : ''}）`}
        extra={t('target.valueHint')}
        rules={[required]}
      >
        <Input inputMode="decimal" data-testid="actual-value" />
      </Form.Item>
      <Form.Item name="note" label={t('target.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="actual-note" />
      </Form.Item>
      <Table
        size="small"
        rowKey="month"
        title={() => t('target.history')}
        pagination={false}
        loading={detail.isFetching}
        dataSource={[...(detail.data?.actuals ?? [])].reverse()}
        columns={[
          { title: t('target.month'), dataIndex: 'month', render: (m: number) => t('target.throughMonth', { month: m }) },
          { title: t('target.value'), dataIndex: 'value', align: 'right' },
          { title: t('target.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </FormModal>
  );
}
