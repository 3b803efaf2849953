import { Col, Form, InputNumber, Row, Typography } from 'antd';
import { GRADED_CLASSES } from '../../../../../common/domain/land-efficiency';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { Thresholds } from '../api/land-efficiency-api';
import { useSaveThresholds } from '../hooks/use-land-efficiency';

/** The year whose thresholds are set, with the ones already there (to change them at their version). */
export type ThresholdsTarget = { year: number; current: Thresholds | null; regionCode?: string | undefined };

type Minimum = { taxWanPerMu: number; outputWanPerMu: number };
type Values = Record<(typeof GRADED_CLASSES)[number], Minimum>;

/** The district's thresholds of a year: minimum tax and output per 亩 (万元/亩) for A, B and C. */
export function ThresholdsModal({ target, onClose }: { target: ThresholdsTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveThresholds();
  const required = { required: true, message: t('validation.required') };
  const submit = (values: Values, opened: ThresholdsTarget) =>
    save.mutateAsync({
      year: opened.year,
      body: {
        A: values.A,
        B: values.B,
        C: values.C,
        ...(opened.regionCode ? { regionCode: opened.regionCode } : {}),
        ...(opened.current ? { version: opened.current.version } : {}),
      },
    });
  return (
    <FormModal<Values, ThresholdsTarget>
      target={target}
      title={target ? `${t('land.thresholdsEdit')} · ${t('land.yearN', { year: target.year })}` : ''}
      startValues={(opened) => (opened.current ? { A: opened.current.A, B: opened.current.B, C: opened.current.C } : undefined)}
      onSubmit={submit}
      onClose={onClose}
      testId="land-thresholds-form"
      okTestId="land-thresholds-save"
    >
      <Typography.Paragraph type="secondary">{t('land.thresholdsRule')}</Typography.Paragraph>
      {GRADED_CLASSES.map((grade) => (
        <Row gutter={12} key={grade}>
          <Col xs={24} sm={12}>
            <Form.Item name={[grade, 'taxWanPerMu']} label={`${t('land.classN', { grade })} · ${t('land.minTax')}`} rules={[required]}>
              <InputNumber
                min={0}
                precision={2}
                suffix={t('land.wanPerMu')}
                style={{ width: '100%' }}
                data-testid={`land-threshold-${grade}-tax`}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name={[grade, 'outputWanPerMu']}
              label={`${t('land.classN', { grade })} · ${t('land.minOutput')}`}
              rules={[required]}
            >
              <InputNumber
                min={0}
                precision={2}
                suffix={t('land.wanPerMu')}
                style={{ width: '100%' }}
                data-testid={`land-threshold-${grade}-output`}
              />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </FormModal>
  );
}
