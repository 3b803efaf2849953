import { chinaToday } from '../../../lib/china-today';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';
import { LEAD_METHODS, type LeadMethod } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { WanInput, wanRule } from '../../projects/components/WanInput';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { useDictionaryOptions, useLeaders } from '../../projects/hooks/use-pickers';
import { UnitPicker } from '../../units/components/UnitPicker';
import { PersonPicker } from '../../users/components/PersonPicker';
import type { Lead } from '../api/leads-api';
import { useLeadEvents, useSaveLead } from '../hooks/use-leads';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { useCan } from '../../auth/hooks/use-me';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { useChains } from '../../chains/hooks/use-chains';

type Values = {
  name: string;
  enterpriseId: string | null;
  method: LeadMethod;
  eventId: string | null;
  referrer: string | null;
  unitId: string | null;
  ownerId: string | null;
  leaderId: string | null;
  estimatedInvestmentYuan: string | null;
  outOfCityPercent: number | null;
  outOfProvincePercent: number | null;
  foreignPercent: number | null;
  landMu: number | null;
  spaceM2: number | null;
  industryCode: string | null;
  chainCode: string | null;
  chainNodeId: string | null;
  chainNode: string | null;
  receivedOn: Dayjs | null;
  notes: string | null;
};

/** What the form is open for: a new lead, or one to edit. */
export type LeadFormTarget = { lead: Lead | null };

const startValues = ({ lead }: LeadFormTarget): Partial<Values> =>
  lead
    ? {
        name: lead.name,
        enterpriseId: lead.enterprise?.id ?? null,
        method: lead.method,
        eventId: lead.event?.id ?? null,
        referrer: lead.referrer,
        unitId: lead.unit.id,
        ownerId: lead.owner.id,
        leaderId: lead.leader?.id ?? null,
        estimatedInvestmentYuan: yuanToWanInput(lead.estimatedInvestmentYuan),
        outOfCityPercent: lead.outOfCityPercent,
        outOfProvincePercent: lead.outOfProvincePercent,
        foreignPercent: lead.foreignPercent,
        landMu: lead.landMu,
        spaceM2: lead.spaceM2,
        industryCode: lead.industryCode,
        chainCode: lead.chainCode,
        chainNodeId: lead.chainNodeId,
        chainNode: lead.chainNode,
        receivedOn: dayjs(lead.receivedOn),
        notes: lead.notes,
      }
    : { method: 'via_business', outOfCityPercent: 0, outOfProvincePercent: 0, foreignPercent: 0, receivedOn: chinaToday() };

/** Records a lead or edits one: the enterprise and its intended project, how it came, who follows it, what it needs. */
export function LeadFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: LeadFormTarget | null;
  onClose: () => void;
  onSaved?: (lead: Lead) => void;
}) {
  const { t } = useI18n();
  const save = useSaveLead();
  const leaders = useLeaders();
  const chains = useDictionaryOptions('industry_chain');
  const [form] = Form.useForm<Values>();
  const chainCode = Form.useWatch('chainCode', form);
  const unitId = Form.useWatch('unitId', form);
  // The district's map of the chain picked, when it has one: its nodes are offered instead of a typed name.
  const maps = useChains(useCan()('chain.read') && target !== null);
  const chainMap = chainCode ? maps.data?.items.find((c) => c.code === chainCode) : undefined;
  const events = useLeadEvents(target !== null);
  const required = { required: true, message: t('validation.required') };
  const percent = <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />;

  const submit = async (values: Values, { lead }: LeadFormTarget) => {
    const body = {
      name: values.name,
      enterpriseId: values.enterpriseId ?? null,
      method: values.method,
      eventId: values.eventId ?? null,
      referrer: values.referrer || null,
      ...(values.unitId ? { unitId: values.unitId } : {}),
      ...(values.ownerId ? { ownerId: values.ownerId } : {}),
      leaderId: values.leaderId ?? null,
      estimatedInvestmentYuan: wanToYuan(values.estimatedInvestmentYuan),
      outOfCityPercent: values.outOfCityPercent ?? 0,
      outOfProvincePercent: values.outOfProvincePercent ?? 0,
      foreignPercent: values.foreignPercent ?? 0,
      landMu: values.landMu ?? null,
      spaceM2: values.spaceM2 ?? null,
      industryCode: values.industryCode ?? null,
      chainCode: values.chainCode ?? null,
      chainNodeId: values.chainNodeId ?? null,
      chainNode: values.chainNode || null,
      receivedOn: (values.receivedOn ?? chinaToday()).format('YYYY-MM-DD'),
      notes: values.notes || null,
    };
    const saved = await save.mutateAsync({ id: lead?.id ?? null, body: lead ? { ...body, version: lead.version } : body });
    onSaved?.(saved);
  };

  return (
    <FormModal<Values, LeadFormTarget>
      target={target}
      form={form}
      onValuesChange={(changed) => {
        // Another chain: the node picked on the last one's map no longer applies.
        if ('chainCode' in changed) form.setFieldsValue({ chainNodeId: null, chainNode: null });
      }}
      title={target?.lead ? t('lead.edit') : t('lead.add')}
      startValues={startValues}
      onSubmit={submit}
      onClose={onClose}
      width={760}
      testId="lead-form"
      okTestId="lead-save"
    >
      <Form.Item name="name" label={t('lead.name')} rules={[required, { max: 200 }]}>
        <Input maxLength={200} data-testid="lead-name" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="enterpriseId" label={t('lead.enterprise')}>
            <EnterprisePicker initial={target?.lead?.enterprise ?? null} allowClear data-testid="lead-enterprise" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="method" label={t('lead.method')} rules={[required]}>
            <Select options={LEAD_METHODS.map((m) => ({ value: m, label: t(`leadMethod.${m}`) }))} data-testid="lead-method" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="eventId" label={t('lead.event')}>
            <Select
              allowClear
              options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.startsOn}）` }))}
              loading={events.isPending}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="referrer" label={t('lead.referrer')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={t('lead.unit')} extra={target?.lead ? undefined : t('lead.unitDefault')}>
            <UnitPicker named={target?.lead ? [target.lead.unit] : []} allowClear data-testid="lead-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="ownerId" label={t('lead.owner')} extra={target?.lead ? undefined : t('lead.ownerDefault')}>
            <PersonPicker unitId={unitId} named={target?.lead ? [target.lead.owner] : []} allowClear data-testid="lead-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="leaderId" label={t('lead.leader')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={leaders.options}
              loading={leaders.loading}
              data-testid="lead-leader"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="estimatedInvestmentYuan" label={t('lead.investment')} rules={[wanRule(t)]}>
            <WanInput data-testid="lead-investment" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="receivedOn" label={t('lead.receivedOn')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="outOfCityPercent" label={t('lead.outOfCity')}>
            {percent}
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="outOfProvincePercent" label={t('lead.outOfProvince')}>
            {percent}
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="foreignPercent" label={t('lead.foreign')}>
            {percent}
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="landMu" label={t('lead.landMu')}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} data-testid="lead-land" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="spaceM2" label={t('lead.spaceM2')}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industryCode" label={t('lead.industry')}>
            <IndustryPicker data-testid="lead-industry" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="chainCode" label={t('lead.chain')}>
            <Select allowClear options={chains.options} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          {chainMap ? (
            <>
              <Form.Item name="chainNodeId" label={t('lead.chainNode')}>
                <ChainNodePicker
                  chainId={chainMap.id}
                  onChange={(id, node) => form.setFieldsValue({ chainNodeId: id, chainNode: node?.name ?? null })}
                  data-testid="lead-chain-node"
                />
              </Form.Item>
              <Form.Item name="chainNode" hidden>
                <Input />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="chainNode" label={t('lead.chainNode')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item name="notes" label={t('lead.notes')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
