import { Form, Input, InputNumber, Select } from 'antd';
import { CARRIER_USES, type CarrierUse } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { Building } from '../api/carriers-api';
import { useSaveBuilding } from '../hooks/use-carriers';

type BuildingValues = {
  name: string;
  use: CarrierUse;
  floors: number;
  totalAreaM2: number;
  vacantAreaM2: number;
  rentYuanPerM2Day?: number | null;
};
/** A building to edit, or the park a new one goes into. */
export type BuildingTarget = { parkId: string; building: Building | null };

/** Adds a building to a park or edits one; the server refuses more vacant than total area under 空置面积. */
export function BuildingFormModal({ target, onClose }: { target: BuildingTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveBuilding();
  return (
    <FormModal<BuildingValues, BuildingTarget>
      target={target}
      title={target?.building ? t('carrier.editBuilding', { name: target.building.name }) : t('carrier.addBuilding')}
      testId="building-form"
      okTestId="building-ok"
      startValues={({ building }) => (building ? { ...building } : { use: 'industrial', floors: 1 })}
      onClose={onClose}
      onSubmit={(values, { parkId, building }) => {
        const body = { ...values, rentYuanPerM2Day: values.rentYuanPerM2Day ?? null };
        return building
          ? save.mutateAsync({ parkId, id: building.id, body: { ...body, version: building.version } })
          : save.mutateAsync({ parkId, id: null, body });
      }}
    >
      <Form.Item name="name" label={t('carrier.buildingName')} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="building-name" />
      </Form.Item>
      <Form.Item name="use" label={t('carrier.use')} rules={[{ required: true }]}>
        <Select options={CARRIER_USES.map((u) => ({ value: u, label: t(`carrierUse.${u}`) }))} />
      </Form.Item>
      <Form.Item name="floors" label={t('carrier.floors')} rules={[{ required: true }]}>
        <InputNumber min={1} max={200} precision={0} />
      </Form.Item>
      <Form.Item name="totalAreaM2" label={t('carrier.totalArea')} rules={[{ required: true }]}>
        <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 200 }} data-testid="building-total" />
      </Form.Item>
      <Form.Item name="vacantAreaM2" label={t('carrier.vacantArea')} rules={[{ required: true }]}>
        <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 200 }} data-testid="building-vacant" />
      </Form.Item>
      <Form.Item name="rentYuanPerM2Day" label={t('carrier.rent')}>
        <InputNumber min={0} max={10_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
