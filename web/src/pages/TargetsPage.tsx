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
import { TextTargetsDrawer } from '../modules/targets/components/TextTargetsDrawer';
import { useIndicatorComparison, useIndicators } from '../modules/targets/hooks/use-targets';

/**
 * 目标指标: the year's indicators with their actuals and completion against time; the office sets them, owner units
 * enter actuals. A city or province reader starts on the districts compared side by side (区县对比), with the list
 * of every district's indicators one switch away.
 */
export function TargetsPage() {
  const { t } = useI18n();
  const me = useMe();
  const several = seesSeveralDistricts(me);
  const [view, setView] = useState<'compare' | 'list'>('compare');
  const comparing = several && view === 'compare';
  const [year, setYear] = useState(() => chinaToday().year());
  const list = useIndicators(year);
  const comparison = useIndicatorComparison(year, comparing);
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
          {several && (
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
        <IndicatorComparisonTable data={comparison.data} loading={comparison.isFetching} />
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
