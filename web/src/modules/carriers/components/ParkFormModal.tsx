import { Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { IndustriesSelect } from './IndustriesSelect';
import type { Park } from '../api/carriers-api';
import { useSavePark } from '../hooks/use-carriers';

type ParkValues = {
  name: string;
  clusterCode: string | null;
  areaMu: number | null;
  leadingIndustries: string[];
  description: string | null;
};
/** What the form is open for: a new park, or one to edit. */
export type ParkTarget = { park: Park | null };

/**
 * Adds a park to the district's inventory or edits one: its name, cluster (组团), planned area and leading industries.
 * The outline stays as drawn (the map places it); what the server refuses lands under the field it names.
 */
export function ParkFormModal({ target, onClose }: { target: ParkTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSavePark();
  const clusters = useDictionaryOptions('cluster');
  return (
    <FormModal<ParkValues, ParkTarget>
      target={target}
      title={target?.park ? t('carrier.editPark', { name: target.park.name }) : t('carrier.addPark')}
      testId="park-form"
      okTestId="park-ok"
      startValues={({ park }) =>
        park
          ? {
              name: park.name,
              clusterCode: park.clusterCode,
              areaMu: park.areaMu,
              leadingIndustries: park.leadingIndustries,
              description: park.description,
            }
          : { leadingIndustries: [] }
      }
      onClose={onClose}
      onSubmit={(values, { park }) => {
        const body = {
          name: values.name,
          clusterCode: values.clusterCode ?? null,
          areaMu: values.areaMu ?? null,
          leadingIndustries: values.leadingIndustries ?? [],
          description: values.description || null,
        };
        return park ? save.mutateAsync({ id: park.id, body: { ...body, version: park.version } }) : save.mutateAsync({ id: null, body });
      }}
    >
      <Form.Item name="name" label={t('carrier.parkName')} rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}>
        <Input maxLength={100} data-testid="park-name" />
      </Form.Item>
      <Form.Item name="clusterCode" label={t('carrier.cluster')}>
        <Select allowClear options={clusters.options} loading={clusters.loading} data-testid="park-cluster" />
      </Form.Item>
      <Form.Item name="areaMu" label={t('carrier.parkAreaMu')}>
        <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 200 }} data-testid="park-area" />
      </Form.Item>
      <Form.Item name="leadingIndustries" label={t('carrier.leadingIndustries')}>
        <IndustriesSelect data-testid="park-industries" />
      </Form.Item>
      <Form.Item name="description" label={t('carrier.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
