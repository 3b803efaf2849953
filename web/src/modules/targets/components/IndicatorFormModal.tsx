import { Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import {
  TARGET_COMPUTATIONS,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  TARGET_MEASURES,
  TARGET_QUALIFIERS,
  TARGET_SOURCES,
  type TargetComputation,
} from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { Indicator, IndicatorCreate } from '../api/targets-api';
import { targetsApi } from '../api/targets-api';
import { useTargetsMutation } from '../hooks/use-targets';

type Values = Omit<IndicatorCreate, 'year' | 'computation'> & { computation?: TargetComputation | null };

/** Sets a new indicator of the year (target 'new') or changes one: the project office's form. */
export function IndicatorFormModal({ target, year, onClose }: { target: Indicator | 'new' | null; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const save = useTargetsMutation(async ({ values, editing }: { values: Values; editing: Indicator | 'new' }) => {
    const body = { ...values, computation: values.source === 'computed' ? (values.computation ?? null) : null };
    return editing === 'new'
      ? targetsApi.createIndicator({ ...body, year })
      : targetsApi.updateIndicator(editing.id, { ...body, version: editing.version });
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, Indicator | 'new'>
      target={target}
      form={form}
      title={target && target !== 'new' ? t('target.editTitle', { name: target.name }) : t('target.add')}
      startValues={(editing) =>
        editing === 'new'
          ? { kind: 'level', qualifier: 'exact', direction: 'at_least', source: 'entered', measure: 'item' }
          : {
              name: editing.name,
              measure: editing.measure,
              kind: editing.kind,
              targetValue: editing.targetValue,
              qualifier: editing.qualifier,
              direction: editing.direction,
              ownerUnitId: editing.ownerUnitId,
              source: editing.source,
              computation: editing.computation,
              note: editing.note,
              sortOrder: editing.sortOrder,
            }
      }
      onSubmit={(values, editing) => save.mutateAsync({ values, editing })}
      onClose={onClose}
      testId="indicator-form"
      okTestId="indicator-form-save"
      width={720}
    >
      <Form.Item name="name" label={t('target.name')} rules={[required]}>
        <Input maxLength={100} data-testid="indicator-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('target.kind')} rules={[required]}>
            <Select options={TARGET_KINDS.map((k) => ({ value: k, label: t(`targetKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="targetValue" label={t('target.target')} rules={[required]}>
            <Input inputMode="decimal" data-testid="indicator-target" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="measure" label={t('target.measure')} rules={[required]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={TARGET_MEASURES.map((m) => ({ value: m, label: t(`targetMeasure.${m}`) }))}
              data-testid="indicator-measure"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="qualifier" label={t('target.qualifier')}>
            <Select options={TARGET_QUALIFIERS.map((q) => ({ value: q, label: t(`targetQualifier.${q}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="direction" label={t('target.direction')}>
            <Select options={TARGET_DIRECTIONS.map((d) => ({ value: d, label: t(`targetDirection.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="sortOrder" label="#">
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="ownerUnitId" label={t('target.owner')} rules={[required]}>
            <TreeSelect
              treeData={unitTree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={units.isPending}
              data-testid="indicator-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="source" label={t('target.source')} rules={[required]}>
            <Select options={TARGET_SOURCES.map((s) => ({ value: s, label: t(`targetSource.${s}`) }))} data-testid="indicator-source" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="computation" label={t('target.computation')} hidden={source !== 'computed'}>
            <Select
              allowClear
              options={TARGET_COMPUTATIONS.map((c) => ({ value: c, label: t(`targetComputation.${c}`) }))}
              data-testid="indicator-computation"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('target.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
