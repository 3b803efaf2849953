import { chinaToday } from '../../../lib/china-today';
import { DatePicker, Form, Input, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { MatterDetail } from '../api/matters-api';
import { useReassignMatter } from '../hooks/use-matters';

type Values = { leadUnitId: string; deadline: Dayjs; reason: string };

/**
 * 改派: the reviewer gives an open matter another lead unit or deadline, with the reason; both start at today's values.
 * A new lead unit starts again from 交办; a new deadline clears the escalation.
 */
export function ReassignMatterModal({ matter, onClose }: { matter: MatterDetail | null; onClose: () => void }) {
  const { t } = useI18n();
  const reassign = useReassignMatter();
  const units = useAllUnits(matter !== null);
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const required = { required: true, message: t('validation.required') };

  return (
    <FormModal<Values, MatterDetail>
      target={matter}
      title={t('matter.reassign')}
      testId="matter-reassign-form"
      okText={t('matter.reassignOk')}
      okTestId="matter-reassign-ok"
      startValues={(m) => ({ leadUnitId: m.leadUnitId, deadline: dayjs(m.deadline), reason: '' })}
      onSubmit={async (values, m) => {
        const deadline = values.deadline.format('YYYY-MM-DD');
        await reassign.mutateAsync({
          id: m.id,
          body: {
            version: m.version,
            ...(values.leadUnitId !== m.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
            ...(deadline !== m.deadline ? { deadline } : {}),
            reason: values.reason.trim(),
          },
        });
      }}
      onClose={onClose}
    >
      <Form.Item name="leadUnitId" label={t('matter.leadUnit')} rules={[required]} extra={t('matter.reassignLeadNote')}>
        <TreeSelect
          treeData={unitTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={units.isPending}
          data-testid="matter-reassign-lead-unit"
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('matter.deadline')} rules={[required]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(day) => day.isBefore(chinaToday(), 'day')}
          data-testid="matter-reassign-deadline"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('matter.reassignReason')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="matter-reassign-reason" />
      </Form.Item>
    </FormModal>
  );
}
