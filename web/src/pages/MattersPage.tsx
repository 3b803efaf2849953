import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { MATTER_SOURCES, MATTER_STATUSES, type MatterSource, type MatterStatus } from '../../../common/enums';
import { useI18n } from '../i18n';
import { MattersTable } from '../modules/matters/components/MattersTable';
import { RaiseMatterModal, type RaiseMatterTarget } from '../modules/matters/components/RaiseMatterModal';
import { useMatters } from '../modules/matters/hooks/use-matters';
import { useMe } from '../modules/auth/hooks/use-me';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';
import { useAllUnits } from '../modules/units/hooks/use-units';
import { buildUnitTree } from '../modules/units/utils/unit-tree';

/** The filters a drill-down (the dashboard's figures, a report's raised matters) puts in the address: `?open=true&unitId=…`. */
function drillFilters(search: URLSearchParams) {
  const status = search.get('status');
  return {
    status: (MATTER_STATUSES as readonly string[]).includes(status ?? '') ? (status as MatterStatus) : undefined,
    overdue: search.get('overdue') === 'true',
    open: search.get('open') === 'true' ? true : undefined,
    unitId: search.get('unitId') ?? undefined,
    regionCode: search.get('regionCode') ?? undefined,
    sourceReportId: search.get('sourceReportId') ?? undefined,
  };
}

/** 问题协调: the matters board — every matter the user sees, filtered by state, source and overdue. */
export function MattersPage() {
  const { t } = useI18n();
  const [search] = useAddressSearch();
  const [drill, setDrill] = useState(() => drillFilters(search));
  const [status, setStatus] = useState<MatterStatus | undefined>(drill.status);
  const [source, setSource] = useState<MatterSource | undefined>();
  const [overdue, setOverdue] = useState(drill.overdue);
  const [category, setCategory] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>(drill.unitId);
  const me = useMe();
  const categories = useDictionaryOptions('problem_category');
  // The unit filter needs the units list, which only readers of units may fetch.
  const readsUnits = me.permissions.includes('unit.read');
  const units = useAllUnits(readsUnits);
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const [page, setPage] = useState(1);
  const [raising, setRaising] = useState<RaiseMatterTarget | null>(null);
  const navigate = useNavigate();
  const scoped = drill.open || drill.regionCode;
  const list = useMatters({
    status,
    source,
    overdue: overdue || undefined,
    category,
    open: drill.open,
    unitId,
    regionCode: drill.regionCode,
    sourceReportId: drill.sourceReportId,
    page,
    pageSize: 20,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card
      title={t('nav.matters')}
      styles={{ body: { padding: 12 } }}
      extra={
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/matters/stats')} data-testid="matter-stats">
            {t('matter.stats')}
          </Button>
          {list.data?.abilities?.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising({ projectId: null })} data-testid="matter-raise">
              {t('matter.raise')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('matter.status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={reset(setStatus)}
          options={MATTER_STATUSES.map((s) => ({ value: s, label: t(`matterStatus.${s}`) }))}
          data-testid="matter-filter-status"
        />
        <Select
          allowClear
          placeholder={t('matter.source')}
          style={{ minWidth: 140 }}
          value={source}
          onChange={reset(setSource)}
          options={MATTER_SOURCES.map((s) => ({ value: s, label: t(`matterSource.${s}`) }))}
          data-testid="matter-filter-source"
        />
        <Select
          allowClear
          placeholder={t('matter.filterCategory')}
          style={{ minWidth: 140 }}
          value={category}
          onChange={reset(setCategory)}
          options={categories.options}
          data-testid="matter-filter-category"
        />
        {readsUnits && (
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('matter.filterUnit')}
            style={{ minWidth: 200 }}
            value={unitId}
            onChange={reset(setUnitId)}
            treeData={unitTree}
            treeDefaultExpandAll
            data-testid="matter-filter-unit"
          />
        )}
        <Space size={4}>
          <Switch checked={overdue} onChange={reset(setOverdue)} data-testid="matter-filter-overdue" />
          <Typography.Text>{t('matter.onlyOverdue')}</Typography.Text>
        </Space>
        {scoped && (
          <Tag closable onClose={() => setDrill({ ...drill, open: undefined, regionCode: undefined })} data-testid="matter-filter-drill">
            {t('dashboard.matterDrillFilter')}
          </Tag>
        )}
        {drill.sourceReportId && (
          <Tag closable onClose={() => setDrill({ ...drill, sourceReportId: undefined })} data-testid="matter-filter-report">
            {t('matter.fromReportFilter')}
          </Tag>
        )}
      </Space>
      <MattersTable list={list.data} loading={list.isFetching} onPage={setPage} />
      <RaiseMatterModal target={raising} onClose={() => setRaising(null)} onRaised={(id) => navigate(`/matters/${id}`)} />
    </Card>
  );
}
