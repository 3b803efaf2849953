import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { PolicyConditions } from '../modules/policies/components/PolicyConditions';
import { PolicyFormModal, type PolicyFormTarget } from '../modules/policies/components/PolicyFormModal';
import { usePolicies } from '../modules/policies/hooks/use-policies';

/** 惠企政策: the district's preferential policies, with how many enterprises each has reached; drafting one. */
export function PoliciesPage() {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<PolicyFormTarget | null>(null);
  const list = usePolicies({ q, page, pageSize: 20 });
  return (
    <Card
      title={t('nav.policies')}
      styles={{ body: { padding: phone ? 12 : undefined } }}
      extra={
        list.data?.abilities?.create && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create' })}
            aria-label={t('policy.create')}
            data-testid="policy-create"
          >
            {phone ? null : t('policy.create')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('policy.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value.trim() || undefined);
          setPage(1);
        }}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <List
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        split={false}
        locale={{ emptyText: t('policy.empty') }}
        pagination={
          list.data && list.data.total > list.data.pageSize
            ? {
                current: list.data.page,
                pageSize: list.data.pageSize,
                total: list.data.total,
                size: 'small',
                align: 'center',
                onChange: setPage,
              }
            : false
        }
        renderItem={(p) => (
          <List.Item style={{ padding: '0 0 8px' }}>
            <Card size="small" style={{ width: '100%' }} data-testid="policy-card">
              <Flex vertical gap={6}>
                <Flex gap={8} wrap align="center">
                  <Link to={`/policies/${p.id}`} style={{ fontWeight: 500, fontSize: 15 }}>
                    {p.title}
                  </Link>
                  <Tag color={p.inForce ? 'green' : 'default'}>{p.inForce ? t('policy.inForce') : t('policy.notInForce')}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {p.issuer} · {p.validFrom} ~ {p.validTo ?? t('policy.noEnd')}
                </Typography.Text>
                <PolicyConditions conditions={p.conditions} />
                <Typography.Text>
                  {t('policy.reached', { told: p.deliveries.told, applied: p.deliveries.applied, granted: p.deliveries.granted })}
                </Typography.Text>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <PolicyFormModal target={target} onClose={() => setTarget(null)} onSaved={(saved) => navigate(`/policies/${saved.id}`)} />
    </Card>
  );
}
