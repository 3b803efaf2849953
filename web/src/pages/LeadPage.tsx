import { AimOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Space, Steps, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PIPELINE } from '../../../common/domain/leads';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { FollowUpModal } from '../modules/leads/components/FollowUpModal';
import { LeadStageTag, OverdueBadge } from '../modules/leads/components/LeadBadges';
import { LeadFormModal, type LeadFormTarget } from '../modules/leads/components/LeadFormModal';
import { LeadStageActions } from '../modules/leads/components/LeadStageActions';
import { useLead } from '../modules/leads/hooks/use-leads';
import { matchNeedSearch } from '../modules/leads/utils/match-need';
import { useCan } from '../modules/auth/hooks/use-me';
import { Money } from '../modules/projects/components/ProjectTags';

/** One lead: its facts and clocks, the stage buttons the reader may press, its follow-up log and stage history. */
export function LeadPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const lead = useLead(id);
  const can = useCan();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<LeadFormTarget | null>(null);
  const [following, setFollowing] = useState(false);
  if (lead.isError) return <Result status="404" title={t('lead.notFound')} />;
  const l = lead.data;
  if (!l) return <Skeleton active />;
  const need = can('carrier.read') ? matchNeedSearch(l) : null;
  const current = l.stage === 'dropped' ? PIPELINE.indexOf(l.moves.at(-2)?.to ?? 'lead') : PIPELINE.indexOf(l.stage);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          title={<Typography.Text data-testid="lead-title">{l.name}</Typography.Text>}
          extra={
            <Space>
              <LeadStageTag stage={l.stage} />
              {l.abilities.update && (
                <Button icon={<EditOutlined />} onClick={() => setEditing({ lead: l })} data-testid="lead-edit">
                  {t('lead.edit')}
                </Button>
              )}
            </Space>
          }
        >
          <div style={{ overflowX: 'auto', marginBottom: 16 }}>
            <Steps
              size="small"
              titlePlacement="vertical"
              responsive={false}
              current={current}
              status={l.stage === 'dropped' ? 'error' : undefined}
              items={PIPELINE.map((s) => ({ title: t(`leadStage.${s}`) }))}
              style={{ minWidth: 640 }}
            />
          </div>
          {l.overdue.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={<OverdueBadge overdue={l.overdue} />}
              description={l.overdue.map((c) => `${t(`leadClock.${c.clock}`)}：${t('lead.overdueSince', { date: c.dueOn })}`).join('；')}
            />
          )}
          {l.stage === 'dropped' && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${t('lead.droppedReason')}：${l.droppedReason}`} />
          )}
          {l.project && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <span data-testid="lead-project">
                  {t('lead.signed')}：<Link to={`/projects/${l.project.id}?track=attraction`}>{l.project.name}</Link>（
                  {t(`pool.${l.project.pool}` as 'pool.planning')}）
                </span>
              }
            />
          )}
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="lead-facts">
            <Descriptions.Item label={t('lead.enterprise')}>{l.enterprise?.name ?? t('lead.noEnterprise')}</Descriptions.Item>
            <Descriptions.Item label={t('lead.method')}>{t(`leadMethod.${l.method}`)}</Descriptions.Item>
            <Descriptions.Item label={t('lead.investment')}>
              <Money yuan={l.estimatedInvestmentYuan} />
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.shares')}>
              {l.outOfCityPercent}% / {l.outOfProvincePercent}% / {l.foreignPercent}%
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.landMu')}>{l.landMu ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.spaceM2')}>{l.spaceM2 ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.industry')}>{l.industryName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.chain')}>{[l.chainName, l.chainNode].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.unit')}>{l.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('lead.owner')}>{l.owner.name}</Descriptions.Item>
            <Descriptions.Item label={t('lead.leader')}>{l.leader?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.referrer')}>{l.referrer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lead.event')}>
              {l.event ? `${t(`leadEventKind.${l.event.kind}`)} · ${l.event.name}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.receivedOn')}>{formatDate(l.receivedOn)}</Descriptions.Item>
            {l.contractDate && (
              <Descriptions.Item label={t('lead.contract')}>
                <Money yuan={l.contractValueYuan} /> · {formatDate(l.contractDate)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {l.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{l.notes}</Typography.Paragraph>}
          <Flex wrap gap={8} justify="space-between" style={{ marginTop: 16 }}>
            <LeadStageActions lead={l} />
            {need && (
              <Button icon={<AimOutlined />} onClick={() => navigate(`/carrier-match?${need}`)} data-testid="lead-match-carriers">
                {t('leadLinks.matchCarriers')}
              </Button>
            )}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <Card
            title={t('lead.followUps')}
            size="small"
            extra={
              l.abilities.followUp && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setFollowing(true)} data-testid="lead-follow-up-add">
                  {t('lead.followUpAdd')}
                </Button>
              )
            }
          >
            {l.followUps.length === 0 ? (
              <Empty description={t('lead.followUpEmpty')} />
            ) : (
              <Timeline
                data-testid="lead-follow-ups"
                items={l.followUps.map((f) => ({
                  key: f.id,
                  children: (
                    <div>
                      <Typography.Text strong>
                        {f.on} · {t(`followUpWay.${f.way}`)}
                      </Typography.Text>
                      <Typography.Text type="secondary"> {f.authorName}</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{f.text}</div>
                      {f.nextStep && (
                        <Typography.Text type="secondary">
                          {t('lead.followUpNext')}：{f.nextStep}
                        </Typography.Text>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
          <Card title={t('lead.history')} size="small">
            <Timeline
              items={l.moves.map((m, i) => ({
                key: `${m.to}-${i}`,
                color: m.to === 'dropped' ? 'red' : 'blue',
                children: (
                  <span>
                    {m.on} · {t(`leadStage.${m.to}`)}
                    {m.reason ? `：${m.reason}` : ''} <Typography.Text type="secondary">{m.actorName}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </Card>
        </Flex>
      </Col>
      <LeadFormModal target={editing} onClose={() => setEditing(null)} />
      <FollowUpModal lead={following ? l : null} onClose={() => setFollowing(false)} />
    </Row>
  );
}
