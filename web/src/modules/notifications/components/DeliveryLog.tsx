import { Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Delivery } from '../api/notifications-api';
import { useDeliveries } from '../hooks/use-notifications';

const COLOURS: Record<Delivery['status'], string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** The delivery log (administrator): every outgoing message, its attempts, next attempt and why it failed. */
export function DeliveryLog() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Delivery['status'] | undefined>(undefined);
  const deliveries = useDeliveries({ page, pageSize: 20, status });
  return (
    <>
      <Select
        allowClear
        placeholder={t('deliveries.status')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        style={{ width: 160, marginBottom: 12 }}
        options={(['pending', 'sent', 'failed'] as const).map((value) => ({ value, label: t(`deliveries.status.${value}`) }))}
      />
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: deliveries.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('deliveries.createdAt'), dataIndex: 'createdAt', render: formatDateTime, width: 150 },
          { title: t('channels.kind'), dataIndex: 'channelKind', render: (kind: Delivery['channelKind']) => t(`channels.kind.${kind}`) },
          { title: t('deliveries.title'), dataIndex: 'title' },
          {
            title: t('deliveries.status'),
            dataIndex: 'status',
            render: (value: Delivery['status']) => <Tag color={COLOURS[value]}>{t(`deliveries.status.${value}`)}</Tag>,
          },
          { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 80 },
          { title: t('deliveries.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: formatDateTime, width: 150 },
          {
            title: t('deliveries.lastError'),
            dataIndex: 'lastError',
            render: (value: string | null) => (value ? <Typography.Text type="danger">{value}</Typography.Text> : '—'),
          },
        ]}
      />
    </>
  );
}
