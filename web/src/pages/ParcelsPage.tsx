import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { PARCEL_STATUSES, type ParcelStatus } from '../../../common/enums';
import { useI18n } from '../i18n';
import type { Paging } from '../lib/list';
import { useShowError } from '../lib/use-show-error';
import { PagedTable } from '../ui/PagedTable';
import type { Parcel } from '../modules/carriers/api/carriers-api';
import { formatMeasure } from '../modules/carriers/components/format';
import { ParcelSheetsMenu } from '../modules/carriers/components/ParcelSheetsMenu';
import { SupplyParcelModal } from '../modules/carriers/components/SupplyParcelModal';
import { ParcelFormModal, type ParcelTarget } from '../modules/carriers/components/ParcelFormModal';
import { useParcelStatus, useParcels } from '../modules/carriers/hooks/use-carriers';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';

const STATUS_COLOUR: Record<ParcelStatus, string> = { reserve: 'default', available: 'green', supplied: 'blue' };

/** 地块: the district's land parcels by status (储备 / 待供 / 已供), 标准地 with their standards, and the next step. */
export function ParcelsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [search, setSearch] = useAddressSearch();
  const statusParam = search.get('status');
  const status = (PARCEL_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as ParcelStatus) : undefined;
  const standard = search.get('standard') === 'true';
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const parcels = useParcels({ status, standard: standard ? 'true' : undefined, q: q || undefined, ...paging });
  const industries = useDictionaryOptions('industry_chain');
  const step = useParcelStatus();
  const [supplying, setSupplying] = useState<Parcel | null>(null);
  const [editing, setEditing] = useState<ParcelTarget | null>(null);
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  // At 1440 px with the menu open the key columns fit (number, name, area, use, status, the next step pinned right);
  // the park, industries and 标准地 standards follow and scroll inside the card.
  const columns: ColumnsType<Parcel> = [
    { title: t('carrier.parcelCode'), dataIndex: 'code', key: 'code', sorter: true, fixed: 'left', width: 130 },
    { title: t('carrier.parcelName'), dataIndex: 'name', key: 'name', width: 200, ellipsis: { showTitle: true } },
    {
      title: t('carrier.areaMu'),
      dataIndex: 'areaMu',
      key: 'areaMu',
      sorter: true,
      align: 'right',
      width: 116,
      render: (v: number) => formatMeasure(v),
    },
    { title: t('carrier.plannedUse'), key: 'use', width: 90, render: (_, p) => t(`carrierUse.${p.plannedUse}`) },
    {
      title: t('carrier.status'),
      key: 'status',
      width: 200,
      render: (_, p) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 200 }}>
          <Tag color={STATUS_COLOUR[p.status]}>{t(`parcelStatus.${p.status}`)}</Tag>
          {p.suppliedProject && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: p.suppliedProject.name }}>
              <Link to={`/projects/${p.suppliedProject.id}`}>{p.suppliedProject.name}</Link> {p.suppliedOn ?? ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('carrier.park'), key: 'park', width: 160, ellipsis: { showTitle: true }, render: (_, p) => p.parkName ?? '—' },
    {
      title: t('carrier.industries'),
      key: 'industries',
      width: 200,
      render: (_, p) => (
        <Space size={[4, 4]} wrap>
          {p.industries.map((code) => (
            <Tag key={code}>{industries.label(code)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('carrier.standard'),
      key: 'standard',
      width: 280,
      render: (_, p) =>
        p.standard ? (
          <Space direction="vertical" size={0} style={{ fontSize: 12, maxWidth: 260 }}>
            <span>
              <Tag color="gold">{t('carrier.standardLand')}</Tag>
              {t('carrier.intensity', { value: formatMeasure(p.standard.investmentIntensityWan) })}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                p.standard.taxPerMuWan !== null ? t('carrier.taxPerMu', { value: formatMeasure(p.standard.taxPerMuWan) }) : null,
                p.standard.outputPerMuWan !== null ? t('carrier.outputPerMu', { value: formatMeasure(p.standard.outputPerMuWan) }) : null,
                p.standard.plotRatio !== null ? t('carrier.plotRatio', { value: formatMeasure(p.standard.plotRatio) }) : null,
                p.standard.energyPerUnit !== null ? t('carrier.energy', { value: formatMeasure(p.standard.energyPerUnit) }) : null,
              ]
                .filter(Boolean)
                .join('；')}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, p) => {
        if (!p.abilities.update) return null;
        return (
          <Space size={4}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('action.edit')}
              title={t('action.edit')}
              onClick={() => setEditing({ parcel: p })}
              data-testid="parcel-edit"
            />
            {nextStep(p)}
          </Space>
        );
      },
    },
  ];

  function nextStep(p: Parcel) {
    if (p.status === 'reserve')
      return (
        <Popconfirm
          title={t('carrier.makeAvailableConfirm', { code: p.code })}
          onConfirm={() =>
            step
              .mutateAsync({ id: p.id, body: { status: 'available', version: p.version } })
              .then(() => message.success(t('carrier.madeAvailable')))
              .catch((error: unknown) => showError(error))
          }
        >
          <Button size="small">{t('carrier.makeAvailable')}</Button>
        </Popconfirm>
      );
    if (p.status === 'available')
      return (
        <Button size="small" type="primary" onClick={() => setSupplying(p)} data-testid="parcel-supply">
          {t('carrier.supply')}
        </Button>
      );
    return null;
  }

  return (
    <Card
      title={t('nav.parcels')}
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          {parcels.data?.abilities?.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parcel: null })} data-testid="parcel-add">
              {t('carrier.addParcel')}
            </Button>
          )}
          <ParcelSheetsMenu filters={{ status, standard: standard ? 'true' : undefined, q: q || undefined, sort: paging.sort }} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('carrier.status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={(value?: ParcelStatus) => setFilter('status', value)}
          options={PARCEL_STATUSES.map((s) => ({ value: s, label: t(`parcelStatus.${s}`) }))}
          data-testid="parcel-filter-status"
        />
        <Space>
          <Switch
            checked={standard}
            onChange={(on) => setFilter('standard', on ? 'true' : undefined)}
            data-testid="parcel-filter-standard"
          />
          <span>{t('carrier.onlyStandard')}</span>
        </Space>
        <Input.Search
          allowClear
          placeholder={t('carrier.searchParcel')}
          onSearch={(v) => setQ(v.trim())}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </Space>
      <PagedTable<Parcel>
        columns={columns}
        page={parcels.data}
        sort={paging.sort}
        loading={parcels.isFetching}
        onPagingChange={(next) => setPaging(next)}
        data-testid="parcels-table"
      />
      <SupplyParcelModal parcel={supplying} onClose={() => setSupplying(null)} />
      <ParcelFormModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
