import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { DECIMAL_PATTERN, sumDecimals } from '../../../../../common/domain/decimal';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { Indicator } from '../api/targets-api';
import { targetsApi } from '../api/targets-api';
import { useIndicator, useTargetsMutation } from '../hooks/use-targets';

type Values = { items: { unitId: string; targetValue: string }[] };

/**
 * The office breaks an indicator down to units (分解到单位) — a city's office its city's indicator to its districts
 * (分解到区县, each under the unit the server names); the sum is shown as it is typed, the server holds it to the target.
 */
export function BreakdownModal({ target, onClose }: { target: Indicator | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const items = Form.useWatch('items', form) ?? [];
  const detail = useIndicator(target?.id ?? null);
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const save = useTargetsMutation(({ indicator, values }: { indicator: Indicator; values: Values }) =>
    targetsApi.setBreakdown(indicator.id, { version: detail.data?.version ?? indicator.version, items: values.items ?? [] }),
  );
  const districts = detail.data?.breakdownDistricts ?? null;
  const typed = items.map((i) => i?.targetValue?.trim() ?? '').filter((v) => DECIMAL_PATTERN.test(v));
  const sum = sumDecimals(typed);
  return (
    <FormModal<Values, Indicator>
      target={target && detail.data ? target : null}
      form={form}
      title={target ? t(districts ? 'target.breakdownDistrictsTitle' : 'target.breakdownTitle', { name: target.name }) : ''}
      startValues={() => ({ items: detail.data?.breakdown.map((b) => ({ unitId: b.unitId, targetValue: b.targetValue })) ?? [] })}
      onSubmit={(values, indicator) => save.mutateAsync({ indicator, values })}
      onClose={onClose}
      testId="breakdown-form"
      okTestId="breakdown-form-save"
      width={640}
    >
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }} wrap>
                <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('validation.required') }]}>
                  {districts ? (
                    <Select
                      options={districts.map((d) => ({ value: d.unitId, label: d.regionName }))}
                      placeholder={t('target.district')}
                      style={{ width: 200 }}
                      data-testid={`breakdown-district-${field.name}`}
                    />
                  ) : (
                    <TreeSelect
                      treeData={unitTree}
                      treeDefaultExpandAll
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      placeholder={t('target.unit')}
                      style={{ width: 260 }}
                    />
                  )}
                </Form.Item>
                <Form.Item name={[field.name, 'targetValue']} rules={[{ required: true, message: t('validation.required') }]}>
                  <Input
                    inputMode="decimal"
                    style={{ width: 120 }}
                    placeholder={t('target.value')}
                    data-testid={`breakdown-value-${field.name}`}
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} data-testid="breakdown-add">
              {t(districts ? 'target.addDistrict' : 'target.addUnit')}
            </Button>
          </>
        )}
      </Form.List>
      {target && (
        <Typography.Paragraph style={{ marginTop: 12 }} type={sum === target.targetValue ? 'success' : 'warning'}>
          {t('target.breakdownSum', { sum, target: target.targetValue })} {t(`targetMeasure.${target.measure}`)}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
