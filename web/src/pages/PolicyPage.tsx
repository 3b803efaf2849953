import { App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { POLICY_DELIVERY_STATES } from '../../../common/enums';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { useShowError } from '../lib/use-show-error';
import type { PolicyDelivery, PolicyFits } from '../modules/policies/api/policies-api';
import { PolicyConditions } from '../modules/policies/components/PolicyConditions';
import { PolicyFormModal, type PolicyFormTarget } from '../modules/policies/components/PolicyFormModal';
import { useMoveDelivery, usePolicy, usePolicyDeliveries, usePolicyFits, usePushPolicy } from '../modules/policies/hooks/use-policies';

type Fit = PolicyFits['items'][number];

/** One policy: its text and conditions, the enterprises it fits (push to the chosen ones), and every delivery. */
export function PolicyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const policy = usePolicy(id);
  const fits = usePolicyFits(id);
  const deliveries = usePolicyDeliveries({ policyId: id });
  const push = usePushPolicy();
  const move = useMoveDelivery();
  const [chosen, setChosen] = useState<string[]>([]);
  const [target, setTarget] = useState<PolicyFormTarget | null>(null);
  if (policy.isError) return <Result status="404" title={t('policy.notFound')} />;
  const p = policy.data;
  if (!p) return <Skeleton active />;
  const canPush = p.abilities?.push === true && p.inForce;

  const next = (d: PolicyDelivery) => POLICY_DELIVERY_STATES.slice(POLICY_DELIVERY_STATES.indexOf(d.state) + 1);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card
          title={<Typography.Text data-testid="policy-heading">{p.title}</Typography.Text>}
          extra={
            p.abilities?.update && (
              <Button onClick={() => setTarget({ mode: 'edit', policy: p })} data-testid="policy-edit">
                {t('action.edit')}
              </Button>
            )
          }
        >
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('policy.issuer')}>{p.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('policy.validity')}>
              {p.validFrom} ~ {p.validTo ?? t('policy.noEnd')}{' '}
              <Tag color={p.inForce ? 'green' : 'default'}>{p.inForce ? t('policy.inForce') : t('policy.notInForce')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('policy.reachedLabel')}>
              {t('policy.reached', { told: p.deliveries.told, applied: p.deliveries.applied, granted: p.deliveries.granted })}
            </Descriptions.Item>
            <Descriptions.Item label={t('policy.conditions')} span={3}>
              <PolicyConditions conditions={p.conditions} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{p.body}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('policy.fitting', { n: fits.data?.total ?? 0 })}
          extra={
            canPush && (
              <Button
                type="primary"
                disabled={chosen.length === 0}
                loading={push.isPending}
                data-testid="policy-push"
                onClick={() =>
                  push.mutate(
                    { id: p.id, enterpriseIds: chosen },
                    {
                      onSuccess: (result) => {
                        message.success(t('policy.pushed', { n: result.pushed }));
                        setChosen([]);
                      },
                      onError: (error) => showError(error),
                    },
                  )
                }
              >
                {t('policy.push', { n: chosen.length })}
              </Button>
            )
          }
        >
          <Table<Fit>
            rowKey="enterpriseId"
            size="small"
            loading={fits.isFetching}
            dataSource={fits.data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="policy-fits"
            rowSelection={
              canPush
                ? {
                    selectedRowKeys: chosen,
                    onChange: (keys) => setChosen(keys as string[]),
                    getCheckboxProps: (fit) => ({ disabled: fit.delivery !== null }),
                  }
                : undefined
            }
            columns={[
              {
                title: t('enterprise.name'),
                dataIndex: 'name',
                render: (name: string, fit) => <Link to={`/enterprises/${fit.enterpriseId}`}>{name}</Link>,
              },
              {
                title: t('policy.matched'),
                dataIndex: 'matched',
                render: (m: Fit['matched']) => m.map((c) => t(`fitCondition.${c}`)).join('、') || '—',
              },
              {
                title: t('policy.delivery'),
                dataIndex: 'delivery',
                render: (d: Fit['delivery']) => (d ? <Tag color="blue">{t(`policyDeliveryState.${d}`)}</Tag> : '—'),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('policy.deliveries')}>
          <Table<PolicyDelivery>
            rowKey="id"
            size="small"
            loading={deliveries.isFetching}
            dataSource={deliveries.data?.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('policy.noDeliveries') }}
            data-testid="policy-deliveries"
            columns={[
              { title: t('enterprise.name'), dataIndex: 'enterpriseName' },
              {
                title: t('policy.state'),
                dataIndex: 'state',
                render: (s: PolicyDelivery['state']) => (
                  <Tag color={s === 'granted' ? 'green' : 'blue'}>{t(`policyDeliveryState.${s}`)}</Tag>
                ),
              },
              { title: t('policy.toldAt'), dataIndex: 'toldAt', render: formatDate },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, d) =>
                  d.abilities?.update ? (
                    <Flex gap={4} wrap>
                      {next(d).map((state) => (
                        <Button
                          key={state}
                          size="small"
                          data-testid={`delivery-${state}`}
                          onClick={() => move.mutate({ id: d.id, state, version: d.version }, { onError: (error) => showError(error) })}
                        >
                          {t(`policy.markAs.${state}`)}
                        </Button>
                      ))}
                    </Flex>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Col>
      <PolicyFormModal target={target} onClose={() => setTarget(null)} />
    </Row>
  );
}
