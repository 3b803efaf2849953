import { Form, InputNumber } from 'antd';
import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { WanInput, wanRule } from '../../projects/components/WanInput';
import type { LandFigures } from '../api/land-efficiency-api';
import { useSaveLandYear } from '../hooks/use-land-efficiency';

/** Adding a year (the years already entered may not be added again) or correcting one. */
export type LandYearTarget = { mode: 'create'; year: number; taken: number[] } | { mode: 'edit'; figures: LandFigures };

type Values = { year: number; landMu: number; taxYuan: string | null; outputYuan: string | null; energyTce: number | null };

/** The form of an enterprise's year: land (亩), tax and output (万元), energy (吨标准煤). */
export function LandYearModal({
  enterpriseId,
  target,
  onClose,
}: {
  enterpriseId: string;
  target: LandYearTarget | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveLandYear(enterpriseId);
  const editing = target?.mode === 'edit' ? target.figures : null;
  const taken = target?.mode === 'create' ? target.taken : [];
  const wan = wanRule(t);
  const required = { required: true, message: t('validation.required') };

  const submit = (values: Values, opened: LandYearTarget) => {
    const year = opened.mode === 'edit' ? opened.figures.year : values.year;
    return save.mutateAsync({
      year,
      body: {
        landMu: values.landMu,
        taxYuan: wanToYuan(values.taxYuan) ?? 0,
        outputYuan: wanToYuan(values.outputYuan) ?? 0,
        energyTce: values.energyTce ?? null,
        ...(opened.mode === 'edit' ? { version: opened.figures.version } : {}),
      },
    });
  };

  return (
    <FormModal<Values, LandYearTarget>
      target={target}
      title={editing ? t('land.editYear', { year: editing.year }) : t('land.addTitle')}
      startValues={(opened) =>
        opened.mode === 'edit'
          ? {
              year: opened.figures.year,
              landMu: opened.figures.landMu,
              taxYuan: yuanToWanInput(opened.figures.taxYuan),
              outputYuan: yuanToWanInput(opened.figures.outputYuan),
              energyTce: opened.figures.energyTce,
            }
          : { year: opened.year }
      }
      onSubmit={submit}
      onClose={onClose}
      testId="land-year-form"
      okTestId="land-year-save"
    >
      <Form.Item
        name="year"
        label={t('land.year')}
        rules={[
          required,
          {
            validator: async (_, value: number | null) => {
              if (value !== null && taken.includes(value)) throw new Error(t('land.yearTaken', { year: value }));
            },
          },
        ]}
      >
        <InputNumber min={2000} max={2100} precision={0} disabled={editing !== null} style={{ width: '100%' }} data-testid="land-year" />
      </Form.Item>
      <Form.Item name="landMu" label={t('land.landMu')} rules={[required, { type: 'number', min: 0.01, message: t('land.positive') }]}>
        <InputNumber min={0} precision={2} suffix={t('land.mu')} style={{ width: '100%' }} data-testid="land-mu" />
      </Form.Item>
      <Form.Item name="taxYuan" label={t('land.tax')} rules={[required, wan]}>
        <WanInput data-testid="land-tax" />
      </Form.Item>
      <Form.Item name="outputYuan" label={t('land.output')} rules={[required, wan]}>
        <WanInput data-testid="land-output" />
      </Form.Item>
      <Form.Item name="energyTce" label={t('land.energy')}>
        <InputNumber min={0} precision={2} suffix={t('land.tce')} style={{ width: '100%' }} data-testid="land-energy" />
      </Form.Item>
    </FormModal>
  );
}
