import { Segmented, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import type { VisitStats } from '../api/visits-api';
import { useVisitStats } from '../hooks/use-visits';

type Line = VisitStats['lines'][number];
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 走访统计: this year's visits, demands, resolved and on time (with the rates) by visiting unit or by month. */
export function VisitStatsTable() {
  const { t } = useI18n();
  const [by, setBy] = useState<'unit' | 'month'>('unit');
  const stats = useVisitStats(by);
  const rows = stats.data ? [...stats.data.lines, stats.data.total] : [];
  return (
    <>
      <Segmented
        value={by}
        onChange={(value) => setBy(value as 'unit' | 'month')}
        options={[
          { value: 'unit', label: t('visit.statsByUnit') },
          { value: 'month', label: t('visit.statsByMonth') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<Line>
        rowKey="key"
        size="small"
        loading={stats.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="visit-stats"
        columns={[
          { title: by === 'unit' ? t('visit.unit') : t('visit.month'), dataIndex: 'name', fixed: 'left' },
          { title: t('visit.statVisits'), dataIndex: 'visits', align: 'right' },
          { title: t('visit.statDemands'), dataIndex: 'demands', align: 'right' },
          { title: t('visit.statResolved'), dataIndex: 'resolved', align: 'right' },
          { title: t('visit.statOnTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('visit.resolutionRate'), dataIndex: 'resolutionRate', align: 'right', render: percent },
          { title: t('visit.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: percent },
        ]}
      />
    </>
  );
}
