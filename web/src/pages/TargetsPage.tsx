import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import type { Indicator } from '../modules/targets/api/targets-api';
import { ActualModal } from '../modules/targets/components/ActualModal';
import { BreakdownModal } from '../modules/targets/components/BreakdownModal';
import { IndicatorFormModal } from '../modules/targets/components/IndicatorFormModal';
import { IndicatorsTable } from '../modules/targets/components/IndicatorsTable';
import { TextTargetsDrawer } from '../modules/targets/components/TextTargetsDrawer';
import { useIndicators } from '../modules/targets/hooks/use-targets';

/** 目标指标: the year's indicators with their actuals and completion against time; the office sets them, owner units enter actuals. */
export function TargetsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => chinaToday().year());
  const list = useIndicators(year);
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
      <IndicatorsTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        onEdit={setEditing}
        onEnter={setEntering}
        onBreakdown={setBreaking}
      />
      <IndicatorFormModal target={editing} year={year} onClose={() => setEditing(null)} />
      <ActualModal target={entering} onClose={() => setEntering(null)} />
      <BreakdownModal target={breaking} onClose={() => setBreaking(null)} />
      <TextTargetsDrawer open={pasting} year={year} onClose={() => setPasting(false)} />
    </Card>
  );
}
