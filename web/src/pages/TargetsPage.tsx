import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import { useMe } from '../modules/auth/hooks/use-me';
import { seesSeveralDistricts } from '../modules/map/utils/region-choice';
import type { Indicator } from '../modules/targets/api/targets-api';
import { ActualModal } from '../modules/targets/components/ActualModal';
import { BreakdownModal } from '../modules/targets/components/BreakdownModal';
import { IndicatorComparisonTable } from '../modules/targets/components/IndicatorComparisonTable';
import { IndicatorFormModal } from '../modules/targets/components/IndicatorFormModal';
import { IndicatorsTable } from '../modules/targets/components/IndicatorsTable';
import { SharesComparisonTable } from '../modules/targets/components/SharesComparisonTable';
import { TextTargetsDrawer } from '../modules/targets/components/TextTargetsDrawer';
import { useIndicatorComparison, useIndicators } from '../modules/targets/hooks/use-targets';

/** The level of a region above districts by its code (370100 a city, 370000 a province); null for a district or street. */
const levelAbove = (code: string): 'city' | 'province' | null =>
  /^\d{2}0000$/.test(code) ? 'province' : /^\d{4}00$/.test(code) ? 'city' : null;

/**
 * 目标指标: the year's indicators with their actuals and completion against time; the office sets them, owner units
 * enter actuals. A city or province reader starts on the districts compared side by side (区县对比), with the list
 * of every district's indicators one switch away; below them, the region's own indicators by the districts (the
 * cities) they are broken down to. A city's office, whose data scope is its own unit tree and who reads no district's
 * own indicators, compares its districts on the city's indicators alone.
 */
export function TargetsPage() {
  const { t } = useI18n();
  const me = useMe();
  const several = seesSeveralDistricts(me);
  const above = levelAbove(me.region.code);
  const [view, setView] = useState<'compare' | 'list'>('compare');
  const comparing = (several || above !== null) && view === 'compare';
  const [year, setYear] = useState(() => chinaToday().year());
  const list = useIndicators(year);
  const comparison = useIndicatorComparison(year, comparing && several);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [entering, setEntering] = useState<Indicator | null>(null);
  const [breaking, setBreaking] = useState<Indicator | null>(null);
  const [pasting, setPasting] = useState(false);
  return (
    <Card
      title={t('nav.targets')}
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          {(several || above !== null) && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'compare' | 'list')}
              options={[
                { value: 'compare', label: t('target.compare.view') },
                { value: 'list', label: t('target.compare.listView') },
              ]}
              data-testid="targets-view"
            />
          )}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            addonBefore={t('target.year')}
            style={{ width: 150 }}
            data-testid="targets-year"
          />
          {list.data?.abilities.create && (
            <Button icon={<FileSearchOutlined />} onClick={() => setPasting(true)} data-testid="text-targets-open">
              {t('textTargets.open')}
            </Button>
          )}
          {list.data?.abilities.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="indicator-add">
              {t('target.add')}
            </Button>
          )}
        </Space>
      }
    >
      {comparing ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {several && <IndicatorComparisonTable data={comparison.data} loading={comparison.isFetching} province={above === 'province'} />}
          {above && (
            <SharesComparisonTable items={list.data?.items ?? []} region={{ ...me.region, level: above }} loading={list.isFetching} />
          )}
        </Space>
      ) : (
        <IndicatorsTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          onEdit={setEditing}
          onEnter={setEntering}
          onBreakdown={setBreaking}
        />
      )}
      <IndicatorFormModal target={editing} year={year} onClose={() => setEditing(null)} />
      <ActualModal target={entering} onClose={() => setEntering(null)} />
      <BreakdownModal target={breaking} onClose={() => setBreaking(null)} />
      <TextTargetsDrawer open={pasting} year={year} onClose={() => setPasting(false)} />
    </Card>
  );
}
