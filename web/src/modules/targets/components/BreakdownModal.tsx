import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { DECIMAL_PATTERN, sumDecimals, toScaled } from '../../../../../common/domain/decimal';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { Indicator } from '../api/targets-api';
import { targetsApi } from '../api/targets-api';
import { useIndicator, useTargetsMutation } from '../hooks/use-targets';
import { formatAmount } from './format';

type Values = { items: { unitId: string; targetValue: string }[] };

/**
 * The office breaks an indicator down to units (分解到单位) — a city's office its city's indicator to its districts
 * (分解到区县, each under the unit the server names); the sum is shown as it is typed, the server holds it to the target.
 */
export function BreakdownModal({ target, onClose }: { target: Indicator | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const items = Form.useWatch('items', form) ?? [];
  const detail = useIndicator(target?.id ?? null);
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const save = useTargetsMutation(({ indicator, values }: { indicator: Indicator; values: Values }) =>
    targetsApi.setBreakdown(indicator.id, { version: detail.data?.version ?? indicator.version, items: values.items ?? [] }),
  );
  const districts = detail.data?.breakdownDistricts ?? null;
  // A province's indicator is broken down to its cities, a city's to its districts.
  const cities = target?.regionLevel === 'province';
  const typed = items.map((i) => i?.targetValue?.trim() ?? '').filter((v) => DECIMAL_PATTERN.test(v));
  const sum = sumDecimals(typed);
  const sumMatches = target !== null && toScaled(sum) === toScaled(target.targetValue);
  // A district is given one share: the ones already picked in other rows are not offered again.
  const picked = new Set(items.map((i) => i?.unitId).filter(Boolean));
  return (
    <FormModal<Values, Indicator>
      target={target && detail.data ? target : null}
      form={form}
      title={
        target
          ? t(districts ? (cities ? 'target.breakdownCitiesTitle' : 'target.breakdownDistrictsTitle') : 'target.breakdownTitle', {
              name: target.name,
            })
          : ''
      }
      startValues={() => ({ items: detail.data?.breakdown.map((b) => ({ unitId: b.unitId, targetValue: b.targetValue })) ?? [] })}
      onSubmit={(values, indicator) => save.mutateAsync({ indicator, values })}
      onClose={onClose}
      // The server's refusal of the whole list (the sum) stands until the shares are changed.
      onValuesChange={() => form.getFieldError('items').length && form.setFields([{ name: 'items', errors: [] }])}
      testId="breakdown-form"
      okTestId="breakdown-form-save"
      width={640}
    >
      <Form.List name="items">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              // One line per share, on a phone too: the picker takes what the amount and the delete button leave.
              <Flex key={field.key} align="baseline" gap={8}>
                <Form.Item
                  name={[field.name, 'unitId']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ flex: 1, minWidth: 0, marginBottom: 16 }}
                >
                  {districts ? (
                    <Select
                      options={districts.map((d) => ({
                        value: d.unitId,
                        label: d.regionName,
                        disabled: picked.has(d.unitId) && items[field.name]?.unitId !== d.unitId,
                      }))}
                      placeholder={t(cities ? 'target.city' : 'target.district')}
                      style={{ width: '100%' }}
                      data-testid={`breakdown-district-${field.name}`}
                    />
                  ) : (
                    <TreeSelect
                      treeData={unitTree}
                      treeDefaultExpandAll
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      placeholder={t('target.unit')}
                      style={{ width: '100%' }}
                    />
                  )}
                </Form.Item>
                <Form.Item
                  name={[field.name, 'targetValue']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  style={{ marginBottom: 16 }}
                >
                  <Input
                    inputMode="decimal"
                    addonAfter={target ? t(`targetMeasure.${target.measure}`) : undefined}
                    style={{ width: 140 }}
                    placeholder={t('target.value')}
                    data-testid={`breakdown-value-${field.name}`}
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} data-testid="breakdown-add">
              {t(districts ? (cities ? 'target.addCity' : 'target.addDistrict') : 'target.addUnit')}
            </Button>
            {errors.map((error) => (
              <Typography.Paragraph
                key={String(error)}
                type="danger"
                style={{ marginTop: 8, marginBottom: 0 }}
                data-testid="breakdown-error"
              >
                {error}
              </Typography.Paragraph>
            ))}
          </>
        )}
      </Form.List>
      {target && (
        <Typography.Paragraph style={{ marginTop: 12 }} type={sumMatches ? 'success' : 'warning'} data-testid="breakdown-sum">
          {t('target.breakdownSum', {
            sum: formatAmount(t, locale, sum, target.measure, 4),
            target: formatAmount(t, locale, target.targetValue, target.measure, 4),
          })}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
