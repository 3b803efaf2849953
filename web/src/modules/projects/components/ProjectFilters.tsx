import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Input, Segmented, Select, Tag, TreeSelect, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { todayInChina } from '../../../../../common/domain/dates';
import { WARNING_COLOURS } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { POOLS, PROJECT_LEVELS, PROJECT_NATURES } from '../../../lib/enums';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { CustomFieldFilters } from '../../custom-fields/components/CustomFieldFilters';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import type { ProjectFilters as Filters } from '../api/projects-api';
import { useDictionaryOptions, useLeaders, useStreets } from '../hooks/use-pickers';
import { activeFilterCount, hasFilters } from '../utils/list-params';

type ProjectFiltersProps = {
  value: Filters;
  onChange: (value: Filters) => void;
  /** At phone width the search stays, and the pool and every other filter go into a drawer opened by 筛选. */
  phone?: boolean;
  /** On a phone, what the cards show (the custom columns' picker), at the foot of the drawer. */
  phoneDisplay?: ReactNode;
};

const ALL = 'all';
const CLUSTER = 'cluster:';
const PARK = 'park:';

/** The years a list can be filtered by: five back, three ahead. */
function yearOptions() {
  const now = Number(todayInChina().slice(0, 4));
  return Array.from({ length: 9 }, (_, i) => now + 3 - i).map((year) => ({ value: year, label: String(year) }));
}

/**
 * Search (name, pinyin initials, 项目代码), the pool as a segmented switch, and the other filters. On a phone only the
 * search and a 筛选 button (with the number of filters set) show; the rest opens in a drawer, each change applied at once.
 */
export function ProjectFilters({ value, onChange, phone = false, phoneDisplay }: ProjectFiltersProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const categories = useDictionaryOptions('project_category');
  const clusters = useDictionaryOptions('cluster');
  const parks = useDictionaryOptions('park');
  const leaders = useLeaders();
  const streets = useStreets();
  // Clusters with their parks in one picker; values carry which of the two filters they set.
  const placeTree = useMemo(
    () =>
      clusters.options.map((cluster) => ({
        value: `${CLUSTER}${cluster.value}`,
        title: cluster.label,
        children: parks.options.filter((p) => p.parentCode === cluster.value).map((p) => ({ value: `${PARK}${p.value}`, title: p.label })),
      })),
    [clusters.options, parks.options],
  );
  const places = [...(value.clusterCode ?? []).map((c) => `${CLUSTER}${c}`), ...(value.parkCode ?? []).map((p) => `${PARK}${p}`)];
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const many = (values: string[]) => (values.length > 0 ? values : undefined);
  // In the drawer every filter takes the drawer's width.
  const width = (desktop: number) => (phone ? '100%' : desktop);
  const active = activeFilterCount(value);
  // In the drawer a filter that is set keeps its name in front of its value (the placeholder is gone by then).
  const named = (name: string, current: unknown) =>
    phone && (Array.isArray(current) ? current.length > 0 : current !== undefined)
      ? `${name}${locale === 'zh-CN' ? '：' : ': '}`
      : undefined;

  const search = (
    <Input.Search
      allowClear
      defaultValue={value.q}
      key={value.q ?? ''}
      placeholder={t('project.searchPlaceholder')}
      onSearch={(q) => set({ q: q.trim() || undefined })}
      style={{ width: phone ? undefined : 320, flex: phone ? '1 1 0' : undefined, minWidth: 0 }}
      data-testid="project-search"
    />
  );
  const pool = (
    <Segmented
      value={value.pool?.length === 1 ? value.pool[0] : ALL}
      onChange={(pool: string) => set({ pool: pool === ALL ? undefined : [pool] })}
      options={[{ value: ALL, label: t('pool.all') }, ...POOLS.map((pool) => ({ value: pool, label: t(`pool.${pool}`) }))]}
      // Six pool names do not fit side by side on a phone without being cut short: one under another there.
      orientation={phone ? 'vertical' : undefined}
      block={phone}
      data-testid="project-pool-filter"
    />
  );
  // In the phone's drawer clearing leaves the search, which stays outside the drawer.
  const reset = (phone ? active > 0 : hasFilters(value)) && (
    <Button type="link" onClick={() => onChange(phone ? { q: value.q } : {})} data-testid="project-filters-reset">
      {t('project.filters.reset')}
    </Button>
  );
  const fields = (
    <Flex gap={8} wrap vertical={phone}>
      <Select
        mode="multiple"
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        maxTagCount="responsive"
        value={value.nature ?? []}
        onChange={(nature: string[]) => set({ nature: many(nature) })}
        placeholder={t('project.nature')}
        prefix={named(t('project.nature'), value.nature)}
        options={PROJECT_NATURES.map((n) => ({ value: n, label: t(`nature.${n}`) }))}
        style={{ width: width(150) }}
        data-testid="project-nature-filter"
      />
      <Select
        mode="multiple"
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        maxTagCount="responsive"
        value={value.level ?? []}
        onChange={(level: string[]) => set({ level: many(level) })}
        placeholder={t('project.level')}
        prefix={named(t('project.level'), value.level)}
        options={PROJECT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
        style={{ width: width(150) }}
        data-testid="project-level-filter"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={value.warning ?? []}
        onChange={(warning: string[]) => set({ warning: many(warning) })}
        placeholder={t('project.warning')}
        prefix={named(t('project.warning'), value.warning)}
        options={WARNING_COLOURS.map((c) => ({ value: c, label: t(`warningColour.${c}`) }))}
        style={{ width: width(130) }}
        data-testid="project-warning-filter"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={value.categoryCode ?? []}
        onChange={(categoryCode: string[]) => set({ categoryCode: many(categoryCode) })}
        placeholder={t('project.category')}
        prefix={named(t('project.category'), value.categoryCode)}
        options={categories.options}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: width(160) }}
        data-testid="project-category-filter"
      />
      <IndustryPicker
        multiple
        maxTagCount="responsive"
        value={value.industryCode ?? []}
        onChange={(industryCode: string[]) => set({ industryCode: many(industryCode) })}
        placeholder={t('project.industry')}
        prefix={named(t('project.industry'), value.industryCode)}
        popupMatchSelectWidth={phone || 360}
        style={{ width: width(180) }}
        data-testid="project-industry-filter"
      />
      <TreeSelect
        multiple
        allowClear
        maxTagCount="responsive"
        value={value.leadUnitId ?? []}
        onChange={(leadUnitId: string[]) => set({ leadUnitId: many(leadUnitId) })}
        placeholder={t('project.leadUnit')}
        prefix={named(t('project.leadUnit'), value.leadUnitId)}
        treeData={unitTree}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        popupMatchSelectWidth={phone || 300}
        style={{ width: width(200) }}
        data-testid="project-lead-unit-filter"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={value.leaderId}
        onChange={(leaderId?: string) => set({ leaderId })}
        placeholder={t('project.leaders')}
        prefix={named(t('project.leaders'), value.leaderId)}
        options={leaders.options}
        style={{ width: width(150) }}
        data-testid="project-leader-filter"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={value.streetCode ?? []}
        onChange={(streetCode: string[]) => set({ streetCode: many(streetCode) })}
        placeholder={t('project.street')}
        prefix={named(t('project.street'), value.streetCode)}
        options={streets.options}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: width(160) }}
        data-testid="project-street-filter"
      />
      <TreeSelect
        multiple
        allowClear
        maxTagCount="responsive"
        value={places}
        onChange={(selected: string[]) =>
          set({
            clusterCode: many(selected.filter((v) => v.startsWith(CLUSTER)).map((v) => v.slice(CLUSTER.length))),
            parkCode: many(selected.filter((v) => v.startsWith(PARK)).map((v) => v.slice(PARK.length))),
          })
        }
        placeholder={t('project.clusterPark')}
        prefix={named(t('project.clusterPark'), places)}
        treeData={placeTree}
        treeDefaultExpandAll
        popupMatchSelectWidth={phone || 260}
        style={{ width: width(180) }}
        data-testid="project-place-filter"
      />
      <Select
        allowClear
        value={value.year}
        onChange={(year?: number) => set({ year })}
        placeholder={t('project.year')}
        prefix={named(t('project.year'), value.year)}
        options={yearOptions()}
        style={{ width: width(100) }}
        data-testid="project-year-filter"
      />
      {value.startedIn && (
        <Tag closable onClose={() => set({ startedIn: undefined })} style={{ alignSelf: 'center' }} data-testid="project-started-filter">
          {t('project.startedIn', { year: value.startedIn })}
        </Tag>
      )}
      <CustomFieldFilters value={value.custom} onChange={(custom) => set({ custom })} />
    </Flex>
  );

  if (!phone) {
    return (
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          {search}
          {pool}
          {reset}
        </Flex>
        {fields}
      </Flex>
    );
  }
  return (
    <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
      {search}
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="project-filters-open">
          {t('project.filters.open')}
        </Button>
      </Badge>
      <Drawer
        open={open}
        title={active > 0 ? t('project.filters.titleCount', { count: active }) : t('project.filters.open')}
        placement="right"
        size="100%"
        onClose={() => setOpen(false)}
        extra={reset}
        footer={
          <Button type="primary" block onClick={() => setOpen(false)} data-testid="project-filters-done">
            {t('project.filters.done')}
          </Button>
        }
        data-testid="project-filters-drawer"
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('project.pool')}</Typography.Text>
          {pool}
          {fields}
          {phoneDisplay}
        </Flex>
      </Drawer>
    </Flex>
  );
}
