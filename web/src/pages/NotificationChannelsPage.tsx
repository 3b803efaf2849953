import { Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useCan, useMe } from '../modules/auth/hooks/use-me';
import { ChannelSettings } from '../modules/notifications/components/ChannelSettings';
import { DeliveryLog } from '../modules/notifications/components/DeliveryLog';
import { useAllUnits } from '../modules/units/hooks/use-units';

/**
 * 消息渠道: one's own channels, (with notification.manage) a unit's DingTalk/WeCom groups, mailboxes and phones, and
 * (with notification.read_log) the delivery log.
 */
export function NotificationChannelsPage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  const manage = can('notification.manage');
  const units = useAllUnits(manage);
  const [unitId, setUnitId] = useState<string>(me.unit.id);

  const mine = { key: 'mine', label: t('channels.mine'), children: <ChannelSettings owner={{ kind: 'me' }} /> };
  const unit = {
    key: 'unit',
    label: t('channels.unit'),
    children: (
      <>
        <Select
          showSearch
          optionFilterProp="label"
          value={unitId}
          onChange={setUnitId}
          style={{ width: 320, maxWidth: '100%', marginBottom: 12 }}
          loading={units.isLoading}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="channel-unit"
        />
        <ChannelSettings key={unitId} owner={{ kind: 'unit', unitId }} />
      </>
    ),
  };
  const log = { key: 'log', label: t('deliveries.tab'), children: <DeliveryLog /> };
  return (
    <Card title={t('notifications.channels')}>
      <Tabs items={[...(manage ? [unit] : []), mine, ...(can('notification.read_log') ? [log] : [])]} />
    </Card>
  );
}
