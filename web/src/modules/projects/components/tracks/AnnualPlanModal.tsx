import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import { FormModal } from '../../../../ui/FormModal';
import type { AnnualPlan } from '../../api/tracks-api';
import { useCreateAnnualPlan } from '../../hooks/use-tracks';
import { spreadEvenlyWan, sumMonthsYuan } from '../../utils/annual';
import { formatWan, wanToYuan, yuanToWanInput } from '../../../../../../common/domain/money';
import { WanInput, wanRule } from '../WanInput';

type Values = { plannedYuan: string | null; monthlyYuan: (string | null)[]; reason?: string };

/**
 * What the modal records: a first plan, a revision of an unfrozen one, or an adjustment of a frozen one (年中调整).
 * `from` is the version the form starts from, and the one the save is based on.
 */
export type AnnualPlanTarget = { year: number; from: AnnualPlan | null };

type AnnualPlanModalProps = { projectId: string; target: AnnualPlanTarget | null; onClose: () => void };

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

/** The running total of the months, in 万元. */
function MonthsSum({ value }: { value?: (string | null)[] }) {
  const { t } = useI18n();
  const sum = sumMonthsYuan(value ?? []);
  return (
    <Typography.Text type="secondary" data-testid="annual-sum">
      {t('annual.sum', { sum: Number.isNaN(sum) ? '—' : formatWan(sum) })}
    </Typography.Text>
  );
}

/** The annual planned investment and its 12 months, in 万元; the months must add up to the year exactly. */
export function AnnualPlanModal({ projectId, target, onClose }: AnnualPlanModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateAnnualPlan(projectId);
  const adjusting = target?.from?.frozen === true;
  const planned = Form.useWatch('plannedYuan', form);
  const totalYuan = wanToYuan(planned) ?? 0;

  const submit = (values: Values, { year, from }: AnnualPlanTarget) =>
    create.mutateAsync({
      year,
      // The version the form was filled from: someone else's save in between answers 409 rather than being lost.
      basedOn: from && { id: from.id, version: from.version },
      plannedYuan: wanToYuan(values.plannedYuan) ?? 0,
      monthlyYuan: values.monthlyYuan.map((m) => wanToYuan(m) ?? 0),
      ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
    });

  const title = adjusting ? t('annual.adjust') : target?.from ? t('annual.edit') : t('annual.create');
  return (
    <FormModal<Values, AnnualPlanTarget>
      target={target}
      form={form}
      title={`${title}（${target?.year ?? ''}）`}
      startValues={({ from }) => ({
        plannedYuan: from ? yuanToWanInput(from.plannedYuan) : null,
        monthlyYuan: from ? from.monthlyYuan.map(yuanToWanInput) : MONTHS.map(() => null),
      })}
      onSubmit={submit}
      onClose={onClose}
      testId="annual-form"
      width={720}
    >
      <Form.Item
        name="plannedYuan"
        label={t('annual.plannedWan')}
        rules={[{ required: true, message: t('validation.required') }, wanRule(t)]}
      >
        <WanInput data-testid="annual-planned" />
      </Form.Item>
      <Typography.Text strong>{t('annual.monthly')}</Typography.Text>
      <Button
        type="link"
        size="small"
        disabled={totalYuan <= 0}
        onClick={() => form.setFieldValue('monthlyYuan', spreadEvenlyWan(totalYuan))}
        data-testid="annual-spread"
      >
        {t('annual.spread')}
      </Button>
      <Row gutter={[12, 0]} style={{ marginTop: 8 }}>
        {MONTHS.map((i) => (
          <Col key={i} xs={12} sm={8} md={6}>
            <Form.Item name={['monthlyYuan', i]} label={t('annual.month', { month: i + 1 })} rules={[wanRule(t)]}>
              <WanInput data-testid={`annual-month-${i + 1}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {/* The months as a whole: the live sum, and where an error about the months (ours or the server's) shows. */}
      <Form.Item
        name="monthlyYuan"
        dependencies={['plannedYuan', ...MONTHS.map((i) => ['monthlyYuan', i])]}
        rules={[
          {
            validator: async (_, value: (string | null)[] | undefined) => {
              const total = wanToYuan(form.getFieldValue('plannedYuan') as string | null) ?? 0;
              const sum = sumMonthsYuan(value ?? []);
              if (sum !== total)
                throw new Error(t('annual.sumMismatch', { sum: Number.isNaN(sum) ? '—' : formatWan(sum), total: formatWan(total) }));
            },
          },
        ]}
      >
        <MonthsSum />
      </Form.Item>
      {adjusting && (
        <Form.Item
          name="reason"
          label={t('annual.reason')}
          style={{ marginTop: 16 }}
          rules={[{ required: true, whitespace: true, message: t('annual.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="annual-reason" />
        </Form.Item>
      )}
    </FormModal>
  );
}
