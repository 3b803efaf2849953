import { LoginOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { OPPORTUNITY_KINDS, type OpportunityKind } from '../../../common/enums';
import { useI18n } from '../i18n';
import { isApiError } from '../lib/api-client';
import { LanguageSwitch } from '../modules/auth/components/LanguageSwitch';
import { opportunitiesApi } from '../modules/opportunities/api/opportunities-api';
import { PublicOpportunityCard } from '../modules/opportunities/components/PublicOpportunityCard';
import { usePublicOpportunities } from '../modules/opportunities/hooks/use-opportunities';

/** The page's frame for anyone, signed out: the title, the language, the way to the staff's sign-in. */
function PublicFrame({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eff6ff 0%, #f8fafc 60%)' }}>
      <div style={{ maxWidth: 1100, margin: '0 auto', padding: '16px 12px 32px' }}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Flex align="center" gap={8}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('publicOpportunities.title')}
            </Typography.Title>
          </Flex>
          <Flex align="center" gap={8}>
            <LanguageSwitch />
            <Link to="/sign-in">
              <Button size="small" icon={<LoginOutlined />}>
                {t('publicOpportunities.signIn')}
              </Button>
            </Link>
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary">{t('publicOpportunities.subtitle')}</Typography.Paragraph>
        {children}
      </div>
    </div>
  );
}

function errorText(error: unknown, t: ReturnType<typeof useI18n>['t']) {
  if (isApiError(error) && error.status === 429) return error.message || t('publicOpportunities.tooMany', { seconds: 60 });
  if (isApiError(error) && error.status === 404) return t('publicOpportunities.notFound');
  return isApiError(error) && error.message ? error.message : t('error.unexpected');
}

/** 城市机会清单 for enterprises, signed out: the published, current items, filtered by kind; fits a phone. */
export function PublicOpportunitiesPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<OpportunityKind | 'all'>('all');
  const list = usePublicOpportunities(kind === 'all' ? undefined : kind);
  return (
    <PublicFrame>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(value) => setKind(value as OpportunityKind | 'all')}
          options={[
            { value: 'all', label: t('opportunity.all') },
            ...OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`opportunityKind.${k}`) })),
          ]}
          data-testid="public-opportunity-kinds"
        />
      </div>
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : list.isError ? (
        <Alert type="error" showIcon message={errorText(list.error, t)} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('publicOpportunities.empty')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="public-opportunity-list">
          {list.data.items.map((item) => (
            <Col key={item.id} xs={24} md={12} lg={8}>
              <PublicOpportunityCard item={item} />
            </Col>
          ))}
        </Row>
      )}
    </PublicFrame>
  );
}

/** One public item by its public id; anything not public reads as "not found or no longer offered". */
export function PublicOpportunityPage() {
  const { t } = useI18n();
  const { publicId = '' } = useParams();
  const item = useQuery({
    queryKey: ['public-opportunities', 'one', publicId],
    queryFn: ({ signal }) => opportunitiesApi.publicOne(publicId, signal),
    retry: false,
  });
  return (
    <PublicFrame>
      <Link to="/open/opportunities">← {t('publicOpportunities.back')}</Link>
      <div style={{ maxWidth: 720, marginTop: 12 }}>
        {item.isPending ? (
          <Spin />
        ) : item.isError ? (
          <Alert type="warning" showIcon message={errorText(item.error, t)} data-testid="public-opportunity-missing" />
        ) : (
          <PublicOpportunityCard item={item.data} linked={false} />
        )}
      </div>
    </PublicFrame>
  );
}
