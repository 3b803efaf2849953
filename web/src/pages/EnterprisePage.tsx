import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { EnterpriseFormModal, type EnterpriseFormTarget } from '../modules/enterprises/components/EnterpriseFormModal';
import { EnterpriseTags } from '../modules/enterprises/components/EnterpriseTags';
import { useEnterprise } from '../modules/enterprises/hooks/use-enterprises';
import { useCan } from '../modules/auth/hooks/use-me';
import { EnterpriseLeadCards } from '../modules/leads/components/EnterpriseLeadCards';
import { EnterpriseLandCard } from '../modules/land-efficiency/components/EnterpriseLandCard';
import { usePolicyDeliveries } from '../modules/policies/hooks/use-policies';
import { VisitDemands } from '../modules/visits/components/VisitDemands';
import { VisitFormModal, type VisitFormTarget } from '../modules/visits/components/VisitFormModal';
import { VisitList } from '../modules/visits/components/VisitList';
import { useVisits } from '../modules/visits/hooks/use-visits';

/** One enterprise: its facts and contacts, and its history with the district (visits, demands, policies, leads, projects). */
export function EnterprisePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const enterprise = useEnterprise(id);
  const [target, setTarget] = useState<EnterpriseFormTarget | null>(null);
  if (enterprise.isError)
    return <Result status="404" title={t('enterprise.notFound')} extra={<Link to="/enterprises">{t('enterprise.back')}</Link>} />;
  const e = enterprise.data;
  if (!e) return <Skeleton active />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card
          title={<Typography.Text data-testid="enterprise-title">{e.name}</Typography.Text>}
          extra={
            e.abilities?.update && (
              <Button onClick={() => setTarget({ mode: 'edit', enterprise: e })} data-testid="enterprise-edit">
                {t('action.edit')}
              </Button>
            )
          }
        >
          <EnterpriseTags enterprise={e} />
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" style={{ marginTop: 12 }} data-testid="enterprise-facts">
            <Descriptions.Item label={t('enterprise.uscc')}>
              <span style={{ fontFamily: 'monospace' }}>{e.uscc ?? t('enterprise.noUscc')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.industry')}>{e.industryName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.hq')}>{e.abroad ? t('enterprise.abroad') : (e.hqRegionName ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.size')}>{e.size ? t(`enterpriseSize.${e.size}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.region')}>{e.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.contacts')}>
              {e.contacts.length === 0 ? '—' : e.contacts.map((c) => [c.name, c.role, c.phone].filter(Boolean).join(' · ')).join('；')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      {e.kind === 'local' && (
        <Col xs={24}>
          <EnterpriseLandCard enterpriseId={e.id} />
        </Col>
      )}
      <EnterpriseHistory enterprise={{ id: e.id, name: e.name }} />
      <EnterpriseFormModal target={target} onClose={() => setTarget(null)} />
    </Row>
  );
}

/** The enterprise's history: visits (with the demands raised), demands, policies received, leads and the projects they became. */
function EnterpriseHistory({ enterprise }: { enterprise: { id: string; name: string } }) {
  const { t } = useI18n();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<VisitFormTarget | null>(null);
  const visits = useVisits({ enterpriseId: enterprise.id, page, pageSize: 10 }, can('visit.read'));
  const received = usePolicyDeliveries({ enterpriseId: enterprise.id }, can('policy.read'));
  const demands = (visits.data?.items ?? []).flatMap((v) => v.demands);
  return (
    <>
      {can('visit.read') && (
        <Col xs={24} xl={14}>
          <Card
            title={t('enterprise.visits')}
            size="small"
            data-testid="enterprise-visits"
            extra={
              visits.data?.abilities?.create && (
                <Button size="small" onClick={() => setRecording({ enterprise })} data-testid="enterprise-record-visit">
                  {t('visit.record')}
                </Button>
              )
            }
          >
            <VisitList page={visits.data} loading={visits.isFetching} onPage={setPage} showEnterprise={false} />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={can('visit.read') ? 10 : 24}>
        <Flex vertical gap={16}>
          {can('visit.read') && (
            <Card title={t('enterprise.demands')} size="small" data-testid="enterprise-demands">
              <VisitDemands demands={demands} />
            </Card>
          )}
          {can('policy.read') && (
            <Card title={t('enterprise.policies')} size="small" data-testid="enterprise-policies">
              {(received.data?.items ?? []).length === 0 ? (
                <Typography.Text type="secondary">{t('policy.noneReceived')}</Typography.Text>
              ) : (
                <Flex vertical gap={4}>
                  {received.data?.items.map((d) => (
                    <Flex key={d.id} gap={6} wrap align="center">
                      <Link to={`/policies/${d.policyId}`}>{d.policyTitle}</Link>
                      <Tag color={d.state === 'granted' ? 'green' : 'blue'}>{t(`policyDeliveryState.${d.state}`)}</Tag>
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          )}
          {can('lead.read') && <EnterpriseLeadCards enterpriseId={enterprise.id} />}
        </Flex>
      </Col>
      <VisitFormModal target={recording} onClose={() => setRecording(null)} />
    </>
  );
}
