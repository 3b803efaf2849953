import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { CARRIER_USES, type CarrierUse } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { IndustriesSelect } from './IndustriesSelect';
import type { Parcel } from '../api/carriers-api';
import { useParks, useSaveParcel } from '../hooks/use-carriers';

type Standard = {
  investmentIntensityWan: number;
  outputPerMuWan: number | null;
  taxPerMuWan: number | null;
  plotRatio: number | null;
  energyPerUnit: number | null;
};
type ParcelValues = {
  code: string;
  name: string;
  parkId: string | null;
  areaMu: number;
  plannedUse: CarrierUse;
  industries: string[];
  status: 'reserve' | 'available';
  isStandard: boolean;
  standard?: Standard;
};
/** What the form is open for: a new parcel, or one to edit. */
export type ParcelTarget = { parcel: Parcel | null };

const STANDARD_FIELDS = [
  ['investmentIntensityWan', 'carrier.intensityField', 1_000_000],
  ['outputPerMuWan', 'carrier.outputField', 1_000_000],
  ['taxPerMuWan', 'carrier.taxField', 1_000_000],
  ['plotRatio', 'carrier.plotRatioField', 100],
  ['energyPerUnit', 'carrier.energyField', 1000],
] as const;

/**
 * Adds a parcel (in the reserve or already available) or edits one: number, name, park, 亩, planned use, suitable
 * industries and, for a 标准地, its standards. A supplied parcel keeps its number, area and use; its status moves only
 * by the list's buttons. What the server refuses lands under the field it names.
 */
export function ParcelFormModal({ target, onClose }: { target: ParcelTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveParcel();
  const [form] = Form.useForm<ParcelValues>();
  const isStandard = Form.useWatch('isStandard', form);
  const parks = useParks({ page: 1, pageSize: 200 }, target !== null);
  const editing = target?.parcel ?? null;
  const locked = editing?.status === 'supplied';
  const lockedNote = locked ? t('carrier.lockedWhenSupplied') : undefined;
  const required = { required: true, message: t('validation.required') };
  // The parcel's own park is named even before the list of parks arrives.
  const parkOptions = [
    ...(editing?.parkId && editing.parkName ? [{ value: editing.parkId, label: editing.parkName }] : []),
    ...(parks.data?.items ?? []).filter((p) => p.id !== editing?.parkId).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <FormModal<ParcelValues, ParcelTarget>
      target={target}
      form={form}
      title={editing ? t('carrier.editParcel', { code: editing.code }) : t('carrier.addParcel')}
      testId="parcel-form"
      okTestId="parcel-ok"
      width={720}
      startValues={({ parcel }) =>
        parcel
          ? {
              code: parcel.code,
              name: parcel.name,
              parkId: parcel.parkId,
              areaMu: parcel.areaMu,
              plannedUse: parcel.plannedUse,
              industries: parcel.industries,
              isStandard: parcel.standard !== null,
              ...(parcel.standard ? { standard: parcel.standard } : {}),
            }
          : { plannedUse: 'industrial', industries: [], status: 'reserve', isStandard: false }
      }
      onClose={onClose}
      onSubmit={(values, { parcel }) => {
        const standard = values.isStandard && values.standard ? { ...emptyStandard, ...values.standard } : null;
        const body = {
          code: values.code,
          name: values.name,
          parkId: values.parkId ?? null,
          areaMu: values.areaMu,
          plannedUse: values.plannedUse,
          industries: values.industries ?? [],
          standard,
        };
        return parcel
          ? save.mutateAsync({ id: parcel.id, body: { ...body, version: parcel.version } })
          : save.mutateAsync({ id: null, body: { ...body, status: values.status } });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="code" label={t('carrier.parcelCode')} rules={[required, { max: 40 }]} extra={lockedNote}>
            <Input maxLength={40} disabled={locked} data-testid="parcel-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="name" label={t('carrier.parcelName')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} data-testid="parcel-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="parkId" label={t('carrier.park')} extra={t('carrier.parkOptional')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={parkOptions}
              loading={parks.isPending}
              data-testid="parcel-park"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="areaMu" label={t('carrier.areaMu')} rules={[required]}>
            <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} disabled={locked} data-testid="parcel-area" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="plannedUse" label={t('carrier.plannedUse')} rules={[required]}>
            <Select
              options={CARRIER_USES.map((u) => ({ value: u, label: t(`carrierUse.${u}`) }))}
              disabled={locked}
              data-testid="parcel-use"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="industries" label={t('carrier.industries')}>
        <IndustriesSelect data-testid="parcel-industries" />
      </Form.Item>
      {!editing && (
        <Form.Item name="status" label={t('carrier.initialStatus')}>
          <Radio.Group
            options={(['reserve', 'available'] as const).map((s) => ({ value: s, label: t(`parcelStatus.${s}`) }))}
            data-testid="parcel-status"
          />
        </Form.Item>
      )}
      <Form.Item name="isStandard" label={t('carrier.standardLand')} valuePropName="checked" extra={t('carrier.standardHint')}>
        <Switch data-testid="parcel-standard" />
      </Form.Item>
      {isStandard && (
        <Row gutter={16}>
          {STANDARD_FIELDS.map(([field, label, max]) => (
            <Col xs={12} md={8} key={field}>
              <Form.Item name={['standard', field]} label={t(label)} rules={field === 'investmentIntensityWan' ? [required] : undefined}>
                <InputNumber min={0} max={max} precision={2} style={{ width: '100%' }} data-testid={`parcel-${field}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
    </FormModal>
  );
}

const emptyStandard = { outputPerMuWan: null, taxPerMuWan: null, plotRatio: null, energyPerUnit: null };
