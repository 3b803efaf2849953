import { Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Unit } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { UNIT_KINDS, type UnitKind } from '../../../lib/enums';
import { FormModal } from '../../../ui/FormModal';
import { useMe } from '../../auth/hooks/use-me';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useSaveUnit } from '../hooks/use-units';
import { buildUnitTree } from '../utils/unit-tree';

/** Create under a parent (its region proposed for the new unit), or edit a unit. */
export type UnitFormTarget = { mode: 'create'; parentId?: string; regionCode?: string } | { mode: 'edit'; unit: Unit };

type Values = {
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  regionCode: string;
  parentId?: string | null;
  sortOrder?: number | null;
};

type UnitFormModalProps = { target: UnitFormTarget | null; units: Unit[]; onClose: () => void };

/** Creates or edits a unit: name, short name, kind, region (from the user's region down) and parent unit. */
export function UnitFormModal({ target, units, onClose }: UnitFormModalProps) {
  const { t } = useI18n();
  const me = useMe();
  const save = useSaveUnit();
  const editing = target?.mode === 'edit' ? target.unit : null;
  // A unit cannot move under itself or its own subordinates.
  const parentTree = useMemo(() => buildUnitTree(units, editing?.id), [units, editing?.id]);

  const submit = (values: Values, opened: UnitFormTarget) => {
    const body = {
      name: values.name,
      shortName: values.shortName?.trim() ? values.shortName.trim() : null,
      kind: values.kind,
      regionCode: values.regionCode,
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder ?? undefined,
    };
    return save.mutateAsync(
      opened.mode === 'edit' ? { id: opened.unit.id, body: { ...body, version: opened.unit.version } } : { id: null, body },
    );
  };

  return (
    <FormModal<Values, UnitFormTarget>
      target={target}
      title={editing ? t('unit.editTitle', { name: editing.name }) : t('unit.createTitle')}
      startValues={(opened) => {
        if (opened.mode === 'create')
          return { parentId: opened.parentId ?? null, regionCode: opened.regionCode ?? me.region.code, kind: 'bureau' };
        const { name, shortName, kind, regionCode, parentId, sortOrder } = opened.unit;
        return { name, shortName, kind, regionCode, parentId, sortOrder };
      }}
      onSubmit={submit}
      onClose={onClose}
      testId="unit-form"
    >
      <Form.Item
        name="name"
        label={t('unit.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
      >
        <Input maxLength={100} data-testid="unit-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t('unit.shortName')} rules={[{ max: 32 }]}>
        <Input maxLength={32} data-testid="unit-short-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))} data-testid="unit-kind" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('unit.region')} rules={[{ required: true, message: t('validation.required') }]}>
        <RegionTreeSelect rootCode={me.region.code} valueLabel={editing?.regionName} data-testid="unit-region" />
      </Form.Item>
      <Form.Item name="parentId" label={t('unit.parent')} extra={t('unit.parentHint')}>
        <TreeSelect
          treeData={parentTree}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder={t('unit.noParent')}
          data-testid="unit-parent"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('unit.sortOrder')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
