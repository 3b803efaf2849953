import { chinaToday } from '../../../lib/china-today';
import { DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { Commitment } from '../api/targets-api';
import { targetsApi } from '../api/targets-api';
import { useCommitment, useTargetsMutation } from '../hooks/use-targets';
import { lastFullMonth, monthsSoFar } from './ActualModal';

type ProgressValues = { month: number; value: string; evidence: string };

/** The unit enters a month's progress (the quantity reached so far) with its evidence in words or a link. */
export function ProgressModal({ target, onClose }: { target: Commitment | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useCommitment(target?.id ?? null);
  const save = useTargetsMutation(({ id, values }: { id: string; values: ProgressValues }) =>
    targetsApi.enterProgress(id, values.month, { value: values.value, evidence: values.evidence }),
  );
  const months = target ? monthsSoFar(target.year) : [];
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<ProgressValues, Commitment>
      target={target}
      title={target ? t('commitment.enterTitle', { title: target.title }) : ''}
      startValues={() => ({ month: lastFullMonth(months) })}
      onSubmit={(values, commitment) => save.mutateAsync({ id: commitment.id, values })}
      onClose={onClose}
      testId="progress-form"
      okTestId="progress-form-save"
    >
      <Form.Item name="month" label={t('target.month')} rules={[required]}>
        <Select options={months.map((m) => ({ value: m, label: t('target.monthLabel', { month: m }) }))} />
      </Form.Item>
      <Form.Item
        name="value"
        label={`${t('commitment.reached')}（${target ? t(`targetMeasure.${target.measure}`) : ''}）`}
        rules={[required]}
      >
        <Input inputMode="decimal" data-testid="progress-value" />
      </Form.Item>
      <Form.Item name="evidence" label={t('commitment.evidence')} extra={t('commitment.evidenceHint')} rules={[required]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="progress-evidence" />
      </Form.Item>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        loading={detail.isFetching}
        dataSource={detail.data?.progress ?? []}
        columns={[
          { title: t('target.month'), dataIndex: 'month', render: (m: number) => t('target.monthLabel', { month: m }) },
          { title: t('commitment.reached'), dataIndex: 'value', align: 'right' },
          { title: t('commitment.evidence'), dataIndex: 'evidence', ellipsis: true },
        ]}
      />
    </FormModal>
  );
}

/** The office raises a matter (督查) on a late pledge or 民生实事, due by the day chosen. */
export function RaiseMatterModal({ target, onClose }: { target: Commitment | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useTargetsMutation(({ commitment, deadline }: { commitment: Commitment; deadline: Dayjs }) =>
    targetsApi.raiseMatter(commitment.id, { version: commitment.version, deadline: deadline.format('YYYY-MM-DD') }),
  );
  return (
    <FormModal<{ deadline: Dayjs }, Commitment>
      target={target}
      title={target ? t('commitment.raiseTitle', { title: target.title }) : ''}
      startValues={() => ({ deadline: chinaToday().add(15, 'day') })}
      onSubmit={(values, commitment) => save.mutateAsync({ commitment, deadline: values.deadline })}
      onClose={onClose}
      okText={t('commitment.raiseMatter')}
    >
      <Form.Item name="deadline" label={t('commitment.matterDeadline')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker disabledDate={(d) => d.isBefore(chinaToday(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
