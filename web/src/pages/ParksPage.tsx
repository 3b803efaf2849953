import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Grid, Input, Pagination, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import type { Building, Park } from '../modules/carriers/api/carriers-api';
import { BuildingFormModal, type BuildingTarget } from '../modules/carriers/components/BuildingFormModal';
import { ParkFormModal, type ParkTarget } from '../modules/carriers/components/ParkFormModal';
import { formatMeasure } from '../modules/carriers/components/format';
import { useParks } from '../modules/carriers/hooks/use-carriers';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';

/** 园区载体: each park with its cluster, leading industries and buildings (floor area, vacant area, rent). */
export function ParksPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const parks = useParks({ q: q || undefined, page, pageSize: 10 });
  const industries = useDictionaryOptions('industry_chain');
  const [editing, setEditing] = useState<BuildingTarget | null>(null);
  const [editingPark, setEditingPark] = useState<ParkTarget | null>(null);
  // On a phone the card's buttons show only their icons (named for screen readers), so the park's name keeps the room.
  const phone = Grid.useBreakpoint().md === false;

  const columns = (park: Park) => [
    { title: t('carrier.buildingName'), dataIndex: 'name', key: 'name' },
    { title: t('carrier.use'), key: 'use', render: (_: unknown, b: Building) => t(`carrierUse.${b.use}`) },
    { title: t('carrier.floors'), dataIndex: 'floors', key: 'floors', align: 'right' as const },
    {
      title: t('carrier.totalArea'),
      key: 'total',
      align: 'right' as const,
      render: (_: unknown, b: Building) => formatMeasure(b.totalAreaM2),
    },
    {
      title: t('carrier.vacantArea'),
      key: 'vacant',
      align: 'right' as const,
      render: (_: unknown, b: Building) => (b.vacantAreaM2 > 0 ? formatMeasure(b.vacantAreaM2) : <Tag>{t('carrier.full')}</Tag>),
    },
    {
      title: t('carrier.rent'),
      key: 'rent',
      align: 'right' as const,
      render: (_: unknown, b: Building) => formatMeasure(b.rentYuanPerM2Day),
    },
    ...(park.abilities.update
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, b: Building) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ parkId: park.id, building: b })}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('nav.parks')}
      styles={{ body: { padding: 12 } }}
      extra={
        parks.data?.abilities?.create ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingPark({ park: null })} data-testid="park-add">
            {t('carrier.addPark')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('carrier.searchPark')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
      </Space>
      {parks.isPending ? (
        <Skeleton active />
      ) : !parks.data?.items.length ? (
        <Empty description={t('carrier.noParks')} />
      ) : (
        <Flex vertical gap={12}>
          {parks.data.items.map((park) => (
            <Card
              key={park.id}
              size="small"
              type="inner"
              title={
                <Space wrap>
                  <span>{park.name}</span>
                  {park.clusterName && <Tag color="blue">{park.clusterName}</Tag>}
                </Space>
              }
              extra={
                park.abilities.update ? (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('carrier.editParkButton')}
                      title={t('carrier.editParkButton')}
                      onClick={() => setEditingPark({ park })}
                      data-testid="park-edit"
                    >
                      {phone ? null : t('carrier.editParkButton')}
                    </Button>
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      aria-label={t('carrier.addBuilding')}
                      title={t('carrier.addBuilding')}
                      onClick={() => setEditing({ parkId: park.id, building: null })}
                      data-testid="building-add"
                    >
                      {phone ? null : t('carrier.addBuilding')}
                    </Button>
                  </Space>
                ) : null
              }
              data-testid="park-card"
            >
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 4 }}
                items={[
                  { key: 'area', label: t('carrier.parkArea'), children: `${formatMeasure(park.areaMu)} ${t('carrier.mu')}` },
                  {
                    key: 'industries',
                    label: t('carrier.leadingIndustries'),
                    children: park.leadingIndustries.map((code) => <Tag key={code}>{industries.label(code)}</Tag>),
                  },
                  {
                    key: 'floor',
                    label: t('carrier.buildingTotals'),
                    children: t('carrier.buildingTotalsValue', {
                      buildings: park.totals.buildings,
                      total: formatMeasure(park.totals.totalAreaM2),
                      vacant: formatMeasure(park.totals.vacantAreaM2),
                    }),
                  },
                  { key: 'parcels', label: t('carrier.parcelCount'), children: park.totals.parcels },
                ]}
              />
              {park.description && <Typography.Paragraph type="secondary">{park.description}</Typography.Paragraph>}
              <Table<Building>
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={columns(park)}
                dataSource={park.buildings}
                locale={{ emptyText: t('carrier.noBuildings') }}
              />
            </Card>
          ))}
          <Pagination align="end" current={page} pageSize={10} total={parks.data.total} onChange={setPage} hideOnSinglePage />
        </Flex>
      )}
      <BuildingFormModal target={editing} onClose={() => setEditing(null)} />
      <ParkFormModal target={editingPark} onClose={() => setEditingPark(null)} />
    </Card>
  );
}
