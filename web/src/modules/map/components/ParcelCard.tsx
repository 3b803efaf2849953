import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import type { MapParcel } from '../api/map-api';
import { PARCEL_COLOURS } from '../utils/map-option';

/** What a parcel clicked on the map says: its number, name, area in 亩, status (in its legend colour) and park. */
export function ParcelCard({ parcel, onClose, phone }: { parcel: MapParcel; onClose: () => void; phone: boolean }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('map.parcel.title', { code: parcel.code })}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('map.parcel.close')} onClick={onClose} />}
      style={{
        position: 'absolute',
        zIndex: 5,
        boxShadow: '0 4px 12px rgba(0, 0, 0, 0.15)',
        ...(phone ? { left: 8, right: 8, bottom: 8 } : { top: 48, right: 12, width: 300 }),
      }}
      data-testid="map-parcel-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('map.parcel.code')}>{parcel.code}</Descriptions.Item>
        <Descriptions.Item label={t('map.parcel.name')}>{parcel.name}</Descriptions.Item>
        <Descriptions.Item label={t('map.parcel.area')}>{t('map.parcel.areaMu', { mu: parcel.areaMu.toLocaleString() })}</Descriptions.Item>
        <Descriptions.Item label={t('map.parcel.status')}>
          <Tag color={PARCEL_COLOURS[parcel.status]}>{t(`parcelStatus.${parcel.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('map.parcel.park')}>{parcel.parkName ?? t('map.parcel.noPark')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
