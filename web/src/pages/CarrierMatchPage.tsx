import { Button, Card, Empty, Flex, Form, InputNumber, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useAddressSearch } from '../lib/use-address-search';
import { CARRIER_USES, type CarrierUse } from '../../../common/enums';
import { useI18n } from '../i18n';
import type { MatchNeed } from '../modules/carriers/api/carriers-api';
import { formatMeasure } from '../modules/carriers/components/format';
import { useCarrierMatch } from '../modules/carriers/hooks/use-carriers';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';

type NeedValues = {
  landMu?: number | null;
  floorAreaM2?: number | null;
  use?: CarrierUse;
  industry?: string;
  investmentWan?: number | null;
  maxRentYuan?: number | null;
};
const NUMBERS = ['landMu', 'floorAreaM2', 'investmentWan', 'maxRentYuan'] as const;

/**
 * The need as the address holds it (`?landMu=40&use=industrial&industry=smart_equip&investmentWan=18000`), so a lead's
 * page can link here with its own needs; null until it asks for land or floor area.
 */
function needFrom(search: URLSearchParams): MatchNeed | null {
  const need: MatchNeed = {};
  for (const key of NUMBERS) {
    const value = Number(search.get(key));
    if (search.get(key) && Number.isFinite(value) && value > 0) need[key] = value;
  }
  const use = search.get('use');
  if (use && (CARRIER_USES as readonly string[]).includes(use)) need.use = use as CarrierUse;
  const industry = search.get('industry');
  if (industry) need.industry = industry;
  return need.landMu || need.floorAreaM2 ? need : null;
}

/** 载体匹配 (招商供地一体化): a need for land or space against the free parcels and buildings, ranked, with why. */
export function CarrierMatchPage() {
  const { t } = useI18n();
  const [search, setSearch] = useAddressSearch();
  const need = useMemo(() => needFrom(search), [search]);
  const match = useCarrierMatch(need);
  const industries = useDictionaryOptions('industry_chain');
  const [form] = Form.useForm<NeedValues>();

  const submit = (values: NeedValues) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    setSearch(next);
  };

  return (
    <Flex vertical gap={12}>
      <Card title={t('nav.carrierMatch')} styles={{ body: { padding: 12 } }}>
        <Form<NeedValues>
          form={form}
          layout="inline"
          initialValues={need ?? undefined}
          onFinish={submit}
          style={{ rowGap: 8 }}
          data-testid="match-form"
        >
          <Form.Item name="landMu" label={t('carrier.needLand')}>
            <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 120 }} data-testid="match-land" />
          </Form.Item>
          <Form.Item name="floorAreaM2" label={t('carrier.needFloor')}>
            <InputNumber min={1} max={10_000_000} precision={0} style={{ width: 130 }} data-testid="match-floor" />
          </Form.Item>
          <Form.Item name="use" label={t('carrier.use')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={CARRIER_USES.map((u) => ({ value: u, label: t(`carrierUse.${u}`) }))}
              data-testid="match-use"
            />
          </Form.Item>
          <Form.Item name="industry" label={t('carrier.industry')}>
            <Select allowClear style={{ width: 160 }} options={industries.options} data-testid="match-industry" />
          </Form.Item>
          <Form.Item name="investmentWan" label={t('carrier.needInvestment')}>
            <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 130 }} data-testid="match-investment" />
          </Form.Item>
          <Form.Item name="maxRentYuan" label={t('carrier.needRent')}>
            <InputNumber min={0.01} max={10_000} precision={2} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="match-submit">
              {t('carrier.match')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">{t('carrier.matchHint')}</Typography.Text>
      </Card>
      {need && (
        <Card
          title={
            match.data
              ? t('carrier.matchResults', { count: match.data.items.length, considered: match.data.considered })
              : t('carrier.matching')
          }
          styles={{ body: { padding: 12 } }}
          loading={match.isPending}
        >
          {match.data && match.data.items.length === 0 ? (
            <Empty description={t('carrier.noMatch')} />
          ) : (
            <List
              dataSource={match.data?.items ?? []}
              rowKey={(item) => `${item.kind}:${item.id}`}
              data-testid="match-results"
              renderItem={(item, index) => (
                <List.Item data-testid="match-item">
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Flex justify="space-between" align="center" wrap gap={8}>
                      <Space wrap>
                        <Typography.Text strong>{index + 1}.</Typography.Text>
                        <Tag color={item.kind === 'parcel' ? 'green' : 'purple'}>
                          {t(item.kind === 'parcel' ? 'carrier.parcel' : 'carrier.building')}
                        </Tag>
                        <Typography.Text strong>{item.name}</Typography.Text>
                        {item.code && <Typography.Text type="secondary">{item.code}</Typography.Text>}
                        {item.standard && <Tag color="gold">{t('carrier.standardLand')}</Tag>}
                      </Space>
                      <Space>
                        <Typography.Text type="secondary">{t('carrier.score')}</Typography.Text>
                        <Progress percent={item.score} size="small" style={{ width: 120 }} format={(p) => `${p}`} />
                      </Space>
                    </Flex>
                    <Typography.Text type="secondary">
                      {[
                        item.parkName ?? t('carrier.noPark'),
                        t(`carrierUse.${item.use}`),
                        item.kind === 'parcel'
                          ? `${formatMeasure(item.area)} ${t('carrier.mu')}`
                          : t('carrier.vacantValue', { value: formatMeasure(item.area) }),
                        item.rentYuanPerM2Day !== null ? t('carrier.rentValue', { value: formatMeasure(item.rentYuanPerM2Day) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                    <Space size={[4, 4]} wrap>
                      {item.reasons.map((r) => (
                        <Tag key={r.code} color={r.good ? 'success' : 'warning'}>
                          {r.text}
                        </Tag>
                      ))}
                    </Space>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
