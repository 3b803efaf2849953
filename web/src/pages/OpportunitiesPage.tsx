import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES, type OpportunityKind, type OpportunityStatus } from '../../../common/enums';
import { useI18n } from '../i18n';
import { FIRST_PAGE, type Paging } from '../lib/list';
import type { Opportunity } from '../modules/opportunities/api/opportunities-api';
import { OpportunityActions } from '../modules/opportunities/components/OpportunityActions';
import { OpportunityFormModal, type OpportunityFormTarget } from '../modules/opportunities/components/OpportunityFormModal';
import { useOpportunities } from '../modules/opportunities/hooks/use-opportunities';
import { PagedTable } from '../ui/PagedTable';

const STATUS_COLOURS: Record<OpportunityStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  published: 'success',
  withdrawn: 'default',
};

/** 机会清单: the investment staff's city opportunity list — by state, drafted and edited in a form, moved by its buttons. */
export function OpportunitiesPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<OpportunityStatus | 'all'>('all');
  const [kind, setKind] = useState<OpportunityKind | undefined>();
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [editing, setEditing] = useState<OpportunityFormTarget | null>(null);
  const list = useOpportunities({ status: status === 'all' ? undefined : status, kind, q: q || undefined, ...paging });
  const counts = list.data?.counts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;

  const columns: ColumnsType<Opportunity> = [
    {
      title: t('opportunity.title'),
      dataIndex: 'title',
      sorter: true,
      render: (title: string, item) => (
        <Space direction="vertical" size={2} style={{ maxWidth: 420 }}>
          <Space size={4} wrap>
            <Tag>{t(`opportunityKind.${item.kind}`)}</Tag>
            <Typography.Text strong>{title}</Typography.Text>
          </Space>
          {item.location && <Typography.Text type="secondary">{item.location}</Typography.Text>}
          {item.status === 'returned' && item.returnReason && (
            <Typography.Text type="warning" data-testid={`opportunity-reason-${item.id}`}>
              {t('opportunity.returnReason')}：{item.returnReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('opportunity.status'),
      dataIndex: 'status',
      render: (value: OpportunityStatus, item) => (
        <Space size={2} wrap>
          <Tag color={STATUS_COLOURS[value]} data-testid={`opportunity-status-${item.id}`}>
            {t(`opportunityStatus.${value}`)}
          </Tag>
          {item.public && <Tag color="green">{t('opportunity.public')}</Tag>}
          {value === 'published' && !item.public && <Tag color="red">{t('opportunity.expired')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('opportunity.validity'),
      dataIndex: 'validTo',
      sorter: true,
      render: (_: unknown, item) => `${item.validFrom} ~ ${item.validTo ?? t('opportunity.untilWithdrawn')}`,
    },
    {
      title: t('opportunity.contactName'),
      dataIndex: 'contactName',
      render: (_: unknown, item) => `${item.contactName} ${item.contactPhone}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, item) => <OpportunityActions item={item} onEdit={() => setEditing({ item })} />,
    },
  ];

  return (
    <Card
      title={t('nav.opportunities')}
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <Button icon={<ExportOutlined />} href="/open/opportunities" target="_blank" data-testid="opportunity-open-public">
            {t('opportunity.openPublic')}
          </Button>
          {list.data?.abilities?.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })} data-testid="opportunity-new">
              {t('opportunity.new')}
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(value as OpportunityStatus | 'all');
            setPaging({ ...paging, page: 1 });
          }}
          options={[
            { value: 'all', label: `${t('opportunity.all')}${total === undefined ? '' : ` ${total}`}` },
            ...OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: `${t(`opportunityStatus.${s}`)} ${counts?.[s] ?? ''}`.trim() })),
          ]}
          data-testid="opportunity-tabs"
        />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('opportunity.kind')}
          style={{ minWidth: 140 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPaging({ ...paging, page: 1 });
          }}
          options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`opportunityKind.${k}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('opportunity.search')}
          style={{ width: 240 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPaging({ ...paging, page: 1 });
          }}
        />
      </Space>
      <PagedTable<Opportunity>
        columns={columns}
        page={list.data}
        sort={paging.sort}
        loading={list.isFetching}
        onPagingChange={setPaging}
        data-testid="opportunity-table"
      />
      <OpportunityFormModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
