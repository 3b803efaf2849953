import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEAD_EVENT_KINDS, type LeadEventKind } from '../../../common/enums';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { useAddressSearch } from '../lib/use-address-search';
import { LeadEventFormModal, type LeadEventFormTarget } from '../modules/leads/components/LeadEventFormModal';
import { useLeadEventList } from '../modules/leads/hooks/use-lead-events';

const PAGE_SIZE = 20;

/**
 * 招商活动: the district's outbound trips and fairs, latest first, each with the places visited and how many leads it
 * produced (opening the lead board filtered to it); investment staff record and edit them. Kind, search and page live
 * in the address.
 */
export function LeadEventsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useAddressSearch();
  const kindParam = search.get('kind');
  const kind = (LEAD_EVENT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as LeadEventKind) : undefined;
  const q = search.get('q') || undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useLeadEventList({ kind, q, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<LeadEventFormTarget | null>(null);
  const setFilter = (key: 'kind' | 'q' | 'page', value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setSearch(next, { replace: true });
  };
  return (
    <Card
      title={
        <Space wrap>
          {t('nav.leadEvents')}
          {list.data && <Typography.Text type="secondary">{t('leadEvents.count', { count: list.data.total })}</Typography.Text>}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
      extra={
        list.data?.abilities?.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ event: null })} data-testid="lead-event-add">
            {t('leadEvents.add')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<string>
          value={kind ?? 'all'}
          onChange={(v) => setFilter('kind', v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('leadEvents.allKinds') },
            ...LEAD_EVENT_KINDS.map((k) => ({ value: k, label: t(`leadEventKind.${k}`) })),
          ]}
          data-testid="lead-event-kind-filter"
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('leadEvents.searchPlaceholder')}
          onSearch={(v) => setFilter('q', v.trim() || undefined)}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="lead-event-search"
        />
      </Flex>
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: t('leadEvents.empty') }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: (p) => setFilter('page', String(p)), size: 'small' }
            : false
        }
        data-testid="lead-events"
        renderItem={(event) => (
          <List.Item data-testid="lead-event-item">
            <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={6} align="center" wrap>
                <Tag color={event.kind === 'fair' ? 'purple' : 'blue'}>{t(`leadEventKind.${event.kind}`)}</Tag>
                <Typography.Text strong>{event.name}</Typography.Text>
                {event.abilities.update && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ event })} data-testid="lead-event-edit">
                    {t('action.edit')}
                  </Button>
                )}
              </Flex>
              <Typography.Text type="secondary">
                {t('leadEvents.dates')}：{formatDate(event.startsOn)} – {formatDate(event.endsOn)}
                {event.places.length > 0 && ` · ${t('leadEvents.places')}：${event.places.join('、')}`}
              </Typography.Text>
              {event.notes && <Typography.Text>{event.notes}</Typography.Text>}
              <Link to={`/leads?eventId=${event.id}`} data-testid="lead-event-leads">
                {t('leadEvents.leadCount', { count: event.leadCount })}
              </Link>
            </Flex>
          </List.Item>
        )}
      />
      <LeadEventFormModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
